package dev.docproof.site;

import java.util.ArrayList;
import java.util.List;

/**
 * The ready HTML of a page (inline runs, step widgets, frames) in the AsciiDoc given to asciidoctor. Written
 * out, it is a {@code pass:[…]} macro or a {@code ++++} block, as a reader of the AsciiDoc expects. For
 * rendering, each piece is instead a short placeholder (a number between two private-use characters) that
 * asciidoctor copies through untouched, and {@link #restore} puts the pieces back into the converted HTML:
 * asciidoctor's time grows with the text it scans, and most of a page's text is such HTML.
 */
final class Passthroughs {

    /** Private-use characters around a placeholder's number; {@link AsciiDoc#verbatimLine} escapes OPEN. */
    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';

    private final boolean placeholders;
    /** The HTML of each placeholder, as asciidoctor would have written it. */
    private final List<StringBuilder> pieces = new ArrayList<>();
    /** The last block's HTML, when written out (the next block may extend it). */
    private StringBuilder lastBlock;

    private Passthroughs(boolean placeholders) {
        this.placeholders = placeholders;
    }

    /** Pieces written out as passthrough macros and blocks. */
    static Passthroughs written() {
        return new Passthroughs(false);
    }

    /** Pieces as placeholders, for {@link #restore} after the conversion. */
    static Passthroughs placeholders() {
        return new Passthroughs(true);
    }

    /**
     * Ready HTML in a line of text; "" for none. The HTML must hold nothing AsciiDoc still reads inside a
     * {@code pass:[]} macro (see {@link AsciiDoc#passContent}), so that both forms render alike.
     */
    String inline(String html) {
        if (html.isEmpty()) {
            return "";
        }
        return placeholders ? placeholder(new StringBuilder(html)) : "pass:[" + html + "]";
    }

    /** A block of ready HTML (whole lines, each ending with a newline): its AsciiDoc lines. */
    String block(String html) {
        if (placeholders) {
            return "++++\n" + placeholder(blockHtml(new StringBuilder(), html)) + "\n++++\n";
        }
        lastBlock = new StringBuilder(html);
        return "++++\n" + html + "++++\n";
    }

    /**
     * The last block with {@code html} appended, replacing that block's AsciiDoc lines: adjacent blocks
     * render as one, and one block is less for asciidoctor to read.
     */
    String extendLastBlock(String html) {
        if (placeholders) {
            StringBuilder last = pieces.get(pieces.size() - 1);
            blockHtml(last.append('\n'), html);
            return "++++\n" + OPEN + (pieces.size() - 1) + CLOSE + "\n++++\n";
        }
        lastBlock.append(html);
        return "++++\n" + lastBlock + "++++\n";
    }

    /** The converted HTML with each placeholder replaced by its piece. */
    String restore(String converted) {
        if (!placeholders || pieces.isEmpty()) {
            return converted;
        }
        StringBuilder out = new StringBuilder(converted.length() + pieces.stream().mapToInt(StringBuilder::length).sum());
        int done = 0;
        for (int open = converted.indexOf(OPEN); open >= 0; open = converted.indexOf(OPEN, open + 1)) {
            int close = converted.indexOf(CLOSE, open);
            Integer piece = close < 0 ? null : number(converted, open + 1, close);
            if (piece != null) {
                out.append(converted, done, open).append(pieces.get(piece));
                done = close + 1;
                open = close;
            }
        }
        return out.append(converted, done, converted.length()).toString();
    }

    private String placeholder(StringBuilder html) {
        pieces.add(html);
        return OPEN + Integer.toString(pieces.size() - 1) + CLOSE;
    }

    private Integer number(String text, int from, int to) {
        if (from == to || to - from > 9) {
            return null;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return n < pieces.size() ? n : null;
    }

    /**
     * A block's lines as asciidoctor writes a passthrough block: each line without trailing blanks (its reader
     * strips them), joined by newlines, without the last one.
     */
    private static StringBuilder blockHtml(StringBuilder into, String html) {
        int start = 0;
        while (start < html.length()) {
            int end = html.indexOf('\n', start);
            int next = end < 0 ? html.length() : end + 1;
            end = end < 0 ? html.length() : end;
            int stripped = end;
            while (stripped > start && isBlank(html.charAt(stripped - 1))) {
                stripped--;
            }
            into.append(html, start, stripped);
            if (next < html.length()) {
                into.append('\n');
            }
            start = next;
        }
        return into;
    }

    /** What Ruby's {@code rstrip} removes. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == 0;
    }
}
