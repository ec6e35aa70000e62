package dev.docproof.repair;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code docker ...} simple command inside a step: where it stands in the step's text and which of its
 * words are positional arguments (options and their values left out).
 */
record Invocation(String command, List<ShellWords.Word> words, int argumentsFrom, List<ShellWords.Word> positionals) {

    /** The first call of {@code shape} in {@code command} that lacks arguments; null when there is none. */
    static Invocation find(String command, CommandShape shape) {
        for (ShellWords.Simple simple : ShellWords.split(command)) {
            List<ShellWords.Word> words = simple.words();
            if (words.isEmpty() || !words.get(0).text().equals("docker")) {
                continue;
            }
            for (String spelling : shape.spellings()) {
                String[] path = spelling.split(" ");
                if (startsWith(words, path)) {
                    Invocation call = new Invocation(command, words, 1 + path.length,
                            positionals(words, 1 + path.length, shape));
                    if (call.positionals.size() < shape.arguments().size()) {
                        return call;
                    }
                }
            }
        }
        return null;
    }

    /** The call as written, for messages. */
    String text() {
        return command.substring(words.get(0).start(), words.get(words.size() - 1).end());
    }

    /**
     * The step's command with {@code name} as argument number {@code slot}: before the word now in that
     * place, or after the call's last word; whitespace that ended the command after that word is dropped,
     * since it only marked where the name was missing.
     */
    String insert(int slot, String name) {
        String quoted = Quoting.forShell(name);
        if (slot < positionals.size()) {
            int at = positionals.get(slot).start();
            return command.substring(0, at) + quoted + " " + command.substring(at);
        }
        int at = words.get(words.size() - 1).end();
        String rest = command.substring(at);
        return command.substring(0, at) + " " + quoted + (rest.isBlank() ? "" : rest);
    }

    private static boolean startsWith(List<ShellWords.Word> words, String[] path) {
        if (words.size() < 1 + path.length) {
            return false;
        }
        for (int i = 0; i < path.length; i++) {
            if (!words.get(1 + i).text().equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static List<ShellWords.Word> positionals(List<ShellWords.Word> words, int from, CommandShape shape) {
        List<ShellWords.Word> found = new ArrayList<>();
        for (int i = from; i < words.size(); i++) {
            String text = words.get(i).text();
            boolean rest = shape.lastTakesRest() && found.size() == shape.arguments().size() - 1;
            if (rest) {
                found.add(words.get(i)); // e.g. exec: the command and all its own options
                break;
            }
            if (text.equals("--")) {
                found.addAll(words.subList(i + 1, words.size()));
                break;
            }
            if (text.startsWith("-") && text.length() > 1) {
                if (shape.valueOptions().contains(text)) {
                    i++; // the option's value
                }
                continue;
            }
            found.add(words.get(i));
        }
        return found;
    }
}
