package dev.docproof.repair;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell command into simple commands and their words, remembering where each word stands, so
 * that a repair can insert text at an exact offset and keep every other character the author wrote.
 * Enough of the shell for commands in lessons: quotes, backslashes, line continuations, the list and
 * pipe operators, and redirections (which are not arguments).
 */
final class ShellWords {

    /** A word as written: {@code text} has its quotes removed, {@code start}/{@code end} index the command. */
    record Word(String text, int start, int end) {}

    /** One simple command: its argument words, and redirections left out. */
    record Simple(List<Word> words) {
        Simple {
            words = List.copyOf(words);
        }
    }

    private ShellWords() {}

    static List<Simple> split(String command) {
        List<Simple> simples = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        boolean redirectTarget = false;
        int i = 0;
        int n = command.length();
        while (i < n) {
            char c = command.charAt(i);
            if (c == '\\' && i + 1 < n && command.charAt(i + 1) == '\n') {
                i += 2;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                while (i < n && command.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\n' || c == ';' || c == '|' || c == '&' || c == '(' || c == ')') {
                if (c == '&' && i + 1 < n && command.charAt(i + 1) == '>') {
                    redirectTarget = true;
                    i += command.startsWith("&>>", i) ? 3 : 2;
                    continue;
                }
                finish(simples, words);
                words = new ArrayList<>();
                redirectTarget = false;
                i++;
            } else if (redirection(command, i) > 0) {
                int length = redirection(command, i);
                // "2>&1" and ">&2" name their target themselves; ">" and "<" take the next word.
                char last = command.charAt(i + length - 1);
                redirectTarget = !(Character.isDigit(last) || last == '-');
                i += length;
            } else {
                int start = i;
                StringBuilder text = new StringBuilder();
                i = readWord(command, i, text);
                if (redirectTarget) {
                    redirectTarget = false;
                } else {
                    words.add(new Word(text.toString(), start, i));
                }
            }
        }
        finish(simples, words);
        return simples;
    }

    /** Length of a redirection operator at {@code i}, with its descriptor digits and any {@code &N}; 0 when none. */
    private static int redirection(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
        }
        if (j >= s.length() || (s.charAt(j) != '>' && s.charAt(j) != '<')) {
            return 0;
        }
        j++;
        while (j < s.length() && (s.charAt(j) == '>' || s.charAt(j) == '<')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '&') {
            j++;
            while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '-')) {
                j++;
            }
        }
        return j - i;
    }

    private static int readWord(String s, int i, StringBuilder text) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '|' || c == '&'
                    || c == '<' || c == '>' || c == '(' || c == ')') {
                return i;
            }
            if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                int end = close < 0 ? n : close;
                text.append(s, i + 1, end);
                i = close < 0 ? n : close + 1;
            } else if (c == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    text.append(s.charAt(i));
                    i++;
                }
                i++;
            } else if (c == '\\' && i + 1 < n) {
                if (s.charAt(i + 1) != '\n') {
                    text.append(s.charAt(i + 1));
                }
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        return Math.min(i, n);
    }

    private static void finish(List<Simple> simples, List<Word> words) {
        if (!words.isEmpty()) {
            simples.add(new Simple(words));
        }
    }
}
