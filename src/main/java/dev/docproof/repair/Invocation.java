package dev.docproof.repair;

import dev.docproof.shell.DockerCli;
import dev.docproof.shell.ShellWords;

import java.util.List;
import java.util.Optional;

/**
 * One {@code docker ...} simple command inside a step: where it stands in the step's text and which of its
 * words are positional arguments (options and their values left out).
 */
record Invocation(String command, List<ShellWords.Word> words, List<ShellWords.Word> positionals) {

    /** The first call of {@code shape} in {@code command} that lacks arguments; null when there is none. */
    static Invocation find(String command, CommandShape shape) {
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> texts = simple.texts();
            Optional<DockerCli.Call> call = DockerCli.call(texts);
            if (call.isEmpty() || !shape.spellings().contains(call.get().spelling())) {
                continue;
            }
            int from = call.get().argumentsFrom();
            List<ShellWords.Word> words = simple.words();
            List<ShellWords.Word> positionals = DockerCli.positionals(call.get().command(), texts.subList(from, texts.size()))
                    .stream().map(i -> words.get(from + i)).toList();
            if (positionals.size() < shape.arguments().size()) {
                return new Invocation(command, words, positionals);
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
        String quoted = ShellWords.quote(name);
        if (slot < positionals.size()) {
            int at = positionals.get(slot).start();
            return command.substring(0, at) + quoted + " " + command.substring(at);
        }
        int at = words.get(words.size() - 1).end();
        String rest = command.substring(at);
        return command.substring(0, at) + " " + quoted + (rest.isBlank() ? "" : rest);
    }
}
