package dev.docproof.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text into words the way bash would before expansion: quotes group, a backslash escapes,
 * a backslash-newline joins lines, {@code #} at the start of a word comments out the rest of the line,
 * and control operators ({@code ; & && | || ( ) $( `} and newlines) become words of their own.
 */
final class ShellWords {

    private ShellWords() {}

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                if (text.charAt(i + 1) != '\n') {
                    word.append(text.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? text.length() : end;
                word.append(text, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                        i++;
                    }
                    word.append(text.charAt(i++));
                }
                inWord = true;
                i++;
            } else if (c == '#' && !inWord) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == ' ' || c == '\t' || c == '\r') {
                inWord = flush(words, word, inWord);
                i++;
            } else if (c == '\n' || c == ';' || c == '(' || c == ')' || c == '`') {
                inWord = flush(words, word, inWord);
                words.add(String.valueOf(c));
                i++;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                inWord = flush(words, word, inWord);
                words.add("$(");
                i += 2;
            } else if (c == '&' && inWord && (word.toString().endsWith(">") || word.toString().endsWith("<"))) {
                word.append(c); // a redirection such as 2>&1, not a control operator
                i++;
            } else if (c == '&' || c == '|') {
                inWord = flush(words, word, inWord);
                boolean doubled = i + 1 < text.length() && text.charAt(i + 1) == c;
                words.add(doubled ? "" + c + c : String.valueOf(c));
                i += doubled ? 2 : 1;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        flush(words, word, inWord);
        return words;
    }

    private static boolean flush(List<String> words, StringBuilder word, boolean inWord) {
        if (inWord) {
            words.add(word.toString());
            word.setLength(0);
        }
        return false;
    }
}
