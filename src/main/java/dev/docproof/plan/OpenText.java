package dev.docproof.plan;

import dev.docproof.shell.ShellWords;

import java.util.BitSet;
import java.util.List;

/**
 * A command whose placeholders ({@link Templates}) are blanked out with letters of the same length, so the
 * shell lexer reads {@code <network name>} as one word rather than a redirection, and every offset still
 * points at the same source column. {@code open} marks the characters of placeholders and elisions: what
 * the lesson leaves open.
 */
record OpenText(String text, BitSet open) {

    static OpenText of(String command) {
        StringBuilder masked = new StringBuilder(command);
        BitSet open = new BitSet(command.length());
        for (Templates.Mark mark : Templates.marks(command)) {
            open.set(mark.start(), mark.end());
            if (mark.kind() == Templates.Mark.Kind.PLACEHOLDER) {
                for (int i = mark.start(); i < mark.end(); i++) {
                    masked.setCharAt(i, 'x');
                }
            }
        }
        return new OpenText(masked.toString(), open);
    }

    List<ShellWords.Command> commands() {
        return ShellWords.commands(text);
    }

    /** Whether any character of {@code word} is left open by the lesson. */
    boolean isOpen(ShellWords.Word word) {
        int next = open.nextSetBit(word.start());
        return next >= 0 && next < word.end();
    }

    /** Whether the whole of {@code word} is one elision. */
    boolean isElision(ShellWords.Word word) {
        String w = word.text();
        return isOpen(word) && (w.equals("...") || w.equals("…") || w.equals("[...]"));
    }

    /** Whether the whole of {@code word} is open (one or more placeholders and nothing else). */
    boolean isWholeOpen(ShellWords.Word word) {
        return open.nextClearBit(word.start()) >= word.end();
    }

    /**
     * The regular expression of {@code word}: its letters as written, each placeholder standing for some text
     * and an elision inside it ({@code [,<alias>,...]}) for any.
     */
    String pattern(ShellWords.Word word) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        String raw = text.substring(word.start(), word.end());
        boolean quotedWord = word.quoted();
        String source = quotedWord ? word.text() : raw;
        int i = 0;
        while (i < source.length()) {
            int at = word.start() + i;
            if (!quotedWord && open.get(at)) {
                regex.append(java.util.regex.Pattern.quote(literal.toString()));
                literal.setLength(0);
                int end = open.nextClearBit(at);
                regex.append(source.charAt(i) == 'x' ? ".+" : ".*");
                i = end - word.start();
            } else if (source.startsWith("...", i)) {
                regex.append(java.util.regex.Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(".*");
                i += 3;
            } else {
                literal.append(source.charAt(i));
                i++;
            }
        }
        regex.append(java.util.regex.Pattern.quote(literal.toString()));
        return regex.toString();
    }
}
