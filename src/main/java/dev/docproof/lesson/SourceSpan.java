package dev.docproof.lesson;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;

/**
 * Where something stands in a lesson file: 1-based line and column. {@code includedFrom} is null for
 * text of the lesson file itself; for text an {@code include} brought in, {@code file} is the included
 * file and {@code includedFrom} is where the include directive stands (itself possibly included).
 */
public record SourceSpan(Path file, int line, int column, SourceSpan includedFrom) {

    public SourceSpan(Path file, int line, int column) {
        this(file, line, column, null);
    }

    /**
     * Orders places as a reader of the lesson meets them: included text stands where its include does, so a
     * line of an included file comes after the lesson's lines above the include and before those below it.
     */
    public static final Comparator<SourceSpan> DOCUMENT_ORDER = (a, b) -> {
        Iterator<Integer> left = a.linesFromLesson().iterator();
        Iterator<Integer> right = b.linesFromLesson().iterator();
        while (left.hasNext() && right.hasNext()) {
            int order = Integer.compare(left.next(), right.next());
            if (order != 0) {
                return order;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    };

    /** The line of each include leading here, from the lesson file's own, then this span's line. */
    private Deque<Integer> linesFromLesson() {
        Deque<Integer> lines = new ArrayDeque<>();
        for (SourceSpan at = this; at != null; at = at.includedFrom) {
            lines.addFirst(at.line);
        }
        return lines;
    }

    public SourceSpan atLine(int otherLine) {
        return at(otherLine, 1);
    }

    /** Another place in the same file, brought in by the same include. */
    public SourceSpan at(int otherLine, int otherColumn) {
        return new SourceSpan(file, otherLine, otherColumn, includedFrom);
    }

    /** Where this stands in the lesson file itself: for included text, the include that brought it in. */
    public SourceSpan inLesson() {
        return included() ? includedFrom.inLesson() : this;
    }

    /** Whether this text came into the lesson through an include directive. */
    public boolean included() {
        return includedFrom != null;
    }

    /** {@code content/x.rst:262} — the form every message uses. */
    public String fileLine() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
