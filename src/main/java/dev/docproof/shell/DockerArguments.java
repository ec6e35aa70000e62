package dev.docproof.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The positional arguments of every docker call in a command, with where each stands. Pure. */
public final class DockerArguments {

    /** Argument number {@code n} (0-based, options left out) of {@code call}. */
    public record Argument(DockerCli.Call call, int n, ShellWords.Word word) {}

    private DockerArguments() {}

    public static List<Argument> of(String command) {
        List<Argument> found = new ArrayList<>();
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> texts = simple.texts();
            Optional<DockerCli.Call> call = DockerCli.call(texts);
            if (call.isEmpty()) {
                continue;
            }
            int from = call.get().argumentsFrom();
            List<Integer> positionals = DockerCli.positionals(call.get().command(), texts.subList(from, texts.size()));
            for (int n = 0; n < positionals.size(); n++) {
                found.add(new Argument(call.get(), n, simple.words().get(from + positionals.get(n))));
            }
        }
        return found;
    }
}
