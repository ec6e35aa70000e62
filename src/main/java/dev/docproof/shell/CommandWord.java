package dev.docproof.shell;

import java.util.List;

/** Where the program a simple command runs is named: after {@code sudo}, {@code exec}, {@code env} and assignments. */
public final class CommandWord {

    private CommandWord() {}

    /** Index of the program's word among {@code words}; {@code words.size()} when there is none. */
    public static int index(List<String> words) {
        int i = 0;
        while (i < words.size() && isPrefix(words.get(i))) {
            i++;
        }
        return i;
    }

    /** The program's name without its folder ({@code /usr/bin/docker} is {@code docker}); empty when none. */
    public static String program(List<String> words) {
        int i = index(words);
        if (i >= words.size()) {
            return "";
        }
        String word = words.get(i);
        return word.substring(word.lastIndexOf('/') + 1);
    }

    private static boolean isPrefix(String word) {
        return word.equals("sudo") || word.equals("exec") || word.equals("env")
                || word.matches("[A-Za-z_][A-Za-z0-9_]*=.*");
    }
}
