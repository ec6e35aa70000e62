package dev.docproof.shell;

import java.util.List;

/**
 * Commands that list names the way {@code ls} does: at a terminal, in columns as wide as the terminal; into a
 * pipe or a file, as a step's output is, one name per line. Pure.
 */
public final class Listings {

    private Listings() {}

    /**
     * Whether {@code command} is one {@code ls} writing straight to the step's output in its default layout: no pipe,
     * no redirection, no option that lays names out another way ({@code -l}, {@code -1}, {@code -m}, {@code --format}).
     */
    public static boolean inColumnsAtATerminal(String command) {
        List<ShellWords.Command> commands = ShellWords.commands(command);
        if (commands.size() != 1 || !commands.get(0).redirections().isEmpty()) {
            return false;
        }
        List<String> words = commands.get(0).texts();
        int at = CommandWord.afterSudo(words);
        if (at >= words.size() || !words.get(at).equals("ls")) {
            return false;
        }
        for (String arg : words.subList(at + 1, words.size())) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--format") || arg.equals("--zero") || !arg.startsWith("--") && arg.startsWith("-")
                    && arg.substring(1).chars().anyMatch(c -> "lgon1mQ".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
