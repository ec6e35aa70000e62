package dev.docproof.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text into simple commands and their words, enough to read the names a lesson gives
 * to what it creates: quotes, backslashes, comments, line continuations, list and pipe operators,
 * redirections (dropped with their target). Expansions are kept as written.
 */
final class LedgerShellWords {

    private LedgerShellWords() {}

    static List<List<String>> simpleCommands(String text) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean dropNext = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = text.charAt(++i);
                if (next != '\n') {
                    word.append(next);
                    inWord = true;
                }
                continue;
            }
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? n : end;
                word.append(text, i + 1, end);
                inWord = true;
                i = end;
                continue;
            }
            if (c == '"') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '"') {
                    if (text.charAt(j) == '\\' && j + 1 < n && "\"\\$`".indexOf(text.charAt(j + 1)) >= 0) {
                        j++;
                    }
                    word.append(text.charAt(j));
                    j++;
                }
                inWord = true;
                i = j;
                continue;
            }
            if (c == '#' && !inWord) {
                while (i + 1 < n && text.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            }
            boolean blank = c == ' ' || c == '\t';
            boolean separator = c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')';
            boolean redirect = c == '<' || c == '>';
            if (blank || separator || redirect) {
                if (inWord) {
                    String w = word.toString();
                    // "2>" and the like: the digits belong to the redirection
                    if (redirect && w.matches("\\d+")) {
                        w = null;
                    }
                    if (w != null) {
                        if (dropNext) {
                            dropNext = false;
                        } else {
                            words.add(w);
                        }
                    }
                    word.setLength(0);
                    inWord = false;
                }
                if (redirect) {
                    while (i + 1 < n && (text.charAt(i + 1) == '>' || text.charAt(i + 1) == '&')) {
                        i++;
                    }
                    dropNext = true;
                }
                if (separator) {
                    dropNext = false;
                    if (!words.isEmpty()) {
                        commands.add(List.copyOf(words));
                        words.clear();
                    }
                }
                continue;
            }
            word.append(c);
            inWord = true;
        }
        if (inWord && !dropNext) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            commands.add(List.copyOf(words));
        }
        return commands;
    }
}
