package dev.docproof.shell;

import java.util.List;
import java.util.Set;

/** Where the program a simple command runs is named: after {@code sudo}, {@code exec}, {@code env} and assignments. */
public final class CommandWord {

    /** sudo's options that take the next word as their value. */
    private static final Set<String> SUDO_VALUED = Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-T", "-U",
            "--user", "--group", "--close-from", "--chdir", "--host", "--prompt", "--role", "--type", "--command-timeout",
            "--other-user");

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

    /**
     * Index of the program a simple command runs, after its assignments and a {@code sudo} with its own options
     * ({@code FOO=1 sudo -u postgres -E psql}): what it needs or does is that program's; the number of words when it
     * names none.
     */
    public static int afterSudo(List<String> words) {
        int i = 0;
        while (i < words.size() && isAssignment(words.get(i))) {
            i++;
        }
        if (i >= words.size() || !words.get(i).equals("sudo")) {
            return i;
        }
        i++;
        while (i < words.size() && (words.get(i).startsWith("-") || isAssignment(words.get(i)))) {
            if (SUDO_VALUED.contains(words.get(i++))) {
                i++;
            }
        }
        return i;
    }

    private static boolean isAssignment(String word) {
        return word.matches("[A-Za-z_][A-Za-z0-9_]*=.*");
    }

    private static boolean isPrefix(String word) {
        return word.equals("sudo") || word.equals("exec") || word.equals("env")
                || isAssignment(word);
    }
}
