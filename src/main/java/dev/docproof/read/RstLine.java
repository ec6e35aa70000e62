package dev.docproof.read;

import java.util.ArrayList;
import java.util.List;

/**
 * One source line as a block sees it: {@code text} is the line with the block's indentation removed
 * (tabs already expanded, trailing whitespace already stripped) and {@code column} is the 1-based
 * source column of its first character.
 */
record RstLine(int number, int column, String text) {

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
        return new RstLine(number, column + k, text.substring(k));
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
}
