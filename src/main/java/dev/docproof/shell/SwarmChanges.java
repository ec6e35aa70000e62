package dev.docproof.shell;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The commands that change the swarm mode of the engine they reach: {@code docker swarm init}, {@code join},
 * {@code leave} and {@code update}. Such a change is the whole engine's, for every user of it: it carries no
 * label, and what comes with it (the swarm's services, the ingress network, the gateway bridge) is not the
 * lesson's to remove. Pure; asking for a command's help changes nothing.
 */
public final class SwarmChanges {

    private static final Set<String> CHANGING = Set.of("swarm init", "swarm join", "swarm leave", "swarm update");

    private SwarmChanges() {}

    /** The first such command in {@code command}, as written ({@code docker swarm init}), if there is one. */
    public static Optional<String> in(String command) {
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> words = simple.texts();
            Optional<String> change = DockerCli.call(words)
                    .filter(call -> CHANGING.contains(call.command()))
                    .filter(call -> !words.subList(call.argumentsFrom(), words.size()).contains("--help"))
                    .map(call -> "docker " + call.spelling());
            if (change.isPresent()) {
                return change;
            }
        }
        return Optional.empty();
    }
}
