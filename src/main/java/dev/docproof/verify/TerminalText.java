package dev.docproof.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders raw program output the way a terminal displays it: a carriage return moves back to column 0 so
 * the text after it overwrites (a shorter overwrite keeps the old tail, as on screen), a backspace steps
 * back one column, ANSI escape sequences are interpreted only as far as erasing the line and otherwise
 * dropped, and trailing whitespace is trimmed. Progress meters thus collapse to their last frame.
 */
public final class TerminalText {

    private static final char ESC = 0x1b;

    private TerminalText() {}

    /** The displayed lines; a final line terminator does not start an extra empty line. */
    public static List<String> render(String raw) {
        List<String> lines = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return lines;
        }
        Line line = new Line();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\n' -> {
                    lines.add(line.text());
                    line = new Line();
                }
                case '\r' -> line.column = 0;
                case '\b' -> line.column = Math.max(0, line.column - 1);
                case '\t' -> line.put(cp);
                case ESC -> i = escape(raw, i, line);
                default -> {
                    if (cp >= 0x20 && cp != 0x7f) {
                        line.put(cp);
                    }
                }
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.text());
        }
        return lines;
    }

    /** Trailing whitespace trimmed, as both sample and actual lines are compared. */
    public static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Consumes one escape sequence starting after ESC; returns the index after it. */
    private static int escape(String raw, int i, Line line) {
        if (i >= raw.length()) {
            return i;
        }
        char kind = raw.charAt(i);
        if (kind == '[') { // CSI: parameters, then one final byte in @..~
            int j = i + 1;
            while (j < raw.length() && (raw.charAt(j) < 0x40 || raw.charAt(j) > 0x7e)) {
                j++;
            }
            if (j < raw.length() && raw.charAt(j) == 'K') {
                line.erase(raw.substring(i + 1, j));
            }
            return Math.min(j + 1, raw.length());
        }
        if (kind == ']') { // OSC: up to BEL or ESC backslash
            int j = i + 1;
            while (j < raw.length()) {
                if (raw.charAt(j) == 0x07) {
                    return j + 1;
                }
                if (raw.charAt(j) == ESC && j + 1 < raw.length() && raw.charAt(j + 1) == '\\') {
                    return j + 2;
                }
                j++;
            }
            return j;
        }
        return i + 1; // a two-character sequence such as ESC ( B or ESC =
    }

    /** One screen line: code points and a cursor column. */
    private static final class Line {
        private final List<Integer> cells = new ArrayList<>();
        private int column;

        void put(int cp) {
            while (cells.size() < column) {
                cells.add((int) ' ');
            }
            if (column < cells.size()) {
                cells.set(column, cp);
            } else {
                cells.add(cp);
            }
            column++;
        }

        /** ESC [ n K: 0 (default) erases to the end, 1 to the start, 2 the whole line. */
        void erase(String param) {
            switch (param) {
                case "", "0" -> {
                    while (cells.size() > column) {
                        cells.remove(cells.size() - 1);
                    }
                }
                case "1" -> {
                    for (int c = 0; c < Math.min(column + 1, cells.size()); c++) {
                        cells.set(c, (int) ' ');
                    }
                }
                case "2" -> cells.clear();
                default -> { }
            }
        }

        boolean isEmpty() {
            return cells.isEmpty();
        }

        String text() {
            StringBuilder sb = new StringBuilder(cells.size());
            cells.forEach(sb::appendCodePoint);
            return trimEnd(sb.toString());
        }
    }
}
