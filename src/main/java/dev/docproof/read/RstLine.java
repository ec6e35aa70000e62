package dev.docproof.read;

import dev.docproof.lesson.SourceSpan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One source line as a block sees it: {@code text} is the line with the block's indentation removed
 * (tabs already expanded, trailing whitespace already stripped) and {@code column} is the 1-based
 * source column of its first character. {@code origin} is null for the lesson file's own lines and names
 * the file of a line an include brought in.
 */
record RstLine(int number, int column, String text, Origin origin) {

    /** The included file a line comes from, and where the include directive that brought it stands. */
    record Origin(Path file, SourceSpan includedFrom) {}

    RstLine(int number, int column, String text) {
        this(number, column, text, null);
    }

    /** Another text at another column of the same source line. */
    RstLine at(int otherColumn, String otherText) {
        return new RstLine(number, otherColumn, otherText, origin);
    }

    boolean blank() {
        return text.isEmpty();
    }

    /** Leading spaces of {@code text}; 0 for a blank line. */
    int indent() {
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** This line without its first {@code n} characters (a blank line stays blank). */
    RstLine dropChars(int n) {
        if (text.isEmpty()) {
            return this;
        }
        int k = Math.min(n, text.length());
        return at(column + k, text.substring(k));
    }

    /** Drops {@code first} characters of the first line and the common {@code rest} indentation of the others. */
    static List<RstLine> dedent(List<RstLine> lines, int from, int to, int first, int rest) {
        List<RstLine> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(lines.get(i).dropChars(i == from ? first : rest));
        }
        return out;
    }

    /** The smallest indentation of the non-blank lines in [from, to), or 0 if all are blank. */
    static int minIndent(List<RstLine> lines, int from, int to) {
        int min = Integer.MAX_VALUE;
        for (int i = from; i < to; i++) {
            RstLine line = lines.get(i);
            if (!line.blank()) {
                min = Math.min(min, line.indent());
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /**
     * End (exclusive) of the indented block that starts after line {@code from}: the following lines
     * that are blank or indented, as docutils collects them; trailing blank lines are not included.
     */
    static int indentedEnd(List<RstLine> lines, int from) {
        int end = from + 1;
        int lastText = from;
        while (end < lines.size()) {
            RstLine line = lines.get(end);
            if (!line.blank()) {
                if (line.text.charAt(0) != ' ') {
                    break;
                }
                lastText = end;
            }
            end++;
        }
        return lastText + 1;
    }

    /**
     * End (exclusive) of the block after line {@code from} whose lines are blank or indented by at least
     * {@code indent} (docutils' "known indent" of a list item with text after its marker); trailing blank
     * lines are not included.
     */
    static int knownIndentedEnd(List<RstLine> lines, int from, int indent) {
        int end = from + 1;
        int lastText = from;
        while (end < lines.size()) {
            RstLine line = lines.get(end);
            if (!line.blank()) {
                if (line.indent() < indent) {
                    break;
                }
                lastText = end;
            }
            end++;
        }
        return lastText + 1;
    }
}
