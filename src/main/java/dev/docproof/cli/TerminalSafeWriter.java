package dev.docproof.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Everything docproof prints, made safe for a terminal whichever command prints it ({@code plan}'s steps and
 * samples, {@code fix}'s diffs of a step's output, a diagnostic naming a file): control characters other than tab,
 * newline and carriage return are shown escaped ({@code \x1b]0;title\x07}), so nothing a lesson brings in can set
 * the window title, write the clipboard or clear the screen. Colour codes ({@code ESC [ 31 m}) pass.
 */
final class TerminalSafeWriter extends FilterWriter {

    private static final char ESC = '\u001b';

    private TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** {@code writer}, printing through this filter; its println still flushes. */
    static PrintWriter wrap(PrintWriter writer) {
        return new PrintWriter(new TerminalSafeWriter(writer), true);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        write(new String(chars, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        out.write(safe(text.substring(offset, offset + length)));
    }

    static String safe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int colour = c == ESC ? colourEnd(text, i) : -1;
            if (colour > 0) {
                safe.append(text, i, colour);
                i = colour;
                continue;
            }
            if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f) || c > 0x9f) {
                safe.append(c);
            } else {
                safe.append(String.format("\\x%02x", (int) c));
            }
            i++;
        }
        return safe.toString();
    }

    /** Where the colour code starting at {@code at} ({@code ESC [ digits ; m}) ends; -1 when it is none. */
    private static int colourEnd(String text, int at) {
        if (at + 1 >= text.length() || text.charAt(at + 1) != '[') {
            return -1;
        }
        int i = at + 2;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == ';')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == 'm' ? i + 1 : -1;
    }
}
