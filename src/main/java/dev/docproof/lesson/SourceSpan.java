package dev.docproof.lesson;

import java.nio.file.Path;

/**
 * Where something stands in a lesson file: 1-based line and column. {@code includedFrom} is null for
 * text of the lesson file itself; for text an {@code include} brought in, {@code file} is the included
 * file and {@code includedFrom} is where the include directive stands (itself possibly included).
 */
public record SourceSpan(Path file, int line, int column, SourceSpan includedFrom) {

    public SourceSpan(Path file, int line, int column) {
        this(file, line, column, null);
    }

    public SourceSpan atLine(int otherLine) {
        return new SourceSpan(file, otherLine, 1, includedFrom);
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
