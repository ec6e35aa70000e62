package dev.docproof.repair;

import java.util.List;

import static dev.docproof.repair.Argument.COMMAND;
import static dev.docproof.repair.Argument.CONTAINER;
import static dev.docproof.repair.Argument.IMAGE;
import static dev.docproof.repair.Argument.NETWORK;
import static dev.docproof.repair.Argument.VOLUME;

/**
 * Which resources a Docker CLI command's arguments are, as data: to teach docproof another command, add a
 * row to {@link #KNOWN}. Which of its options take a value is the CLI's grammar, read by {@code DockerCli}.
 *
 * @param spellings the words after {@code docker}; the first is the name the CLI uses in its usage errors
 * @param arguments the required positional arguments, in the CLI's order
 */
record CommandShape(List<String> spellings, List<Argument> arguments) {

    static final List<CommandShape> KNOWN = List.of(
            new CommandShape(List.of("network rm", "network remove"), List.of(NETWORK)),
            new CommandShape(List.of("network inspect"), List.of(NETWORK)),
            new CommandShape(List.of("network connect"), List.of(NETWORK, CONTAINER)),
            new CommandShape(List.of("network disconnect"), List.of(NETWORK, CONTAINER)),
            container("stop"),
            container("start"),
            container("restart"),
            container("kill"),
            container("rm"),
            container("logs"),
            new CommandShape(List.of("inspect", "container inspect"), List.of(CONTAINER)),
            new CommandShape(List.of("exec", "container exec"), List.of(CONTAINER, COMMAND)),
            new CommandShape(List.of("volume rm", "volume remove"), List.of(VOLUME)),
            new CommandShape(List.of("volume inspect"), List.of(VOLUME)),
            new CommandShape(List.of("image rm", "rmi", "image remove"), List.of(IMAGE)));

    CommandShape {
        spellings = List.copyOf(spellings);
        arguments = List.copyOf(arguments);
    }

    String canonical() {
        return spellings.get(0);
    }

    /** The shape whose name a usage error gives, e.g. {@code network rm}; null when docproof does not know it. */
    static CommandShape named(String name) {
        return KNOWN.stream().filter(s -> s.spellings.contains(name)).findFirst().orElse(null);
    }

    /** A container command, reachable both as {@code docker NAME} and {@code docker container NAME}. */
    private static CommandShape container(String name) {
        return new CommandShape(List.of(name, "container " + name), List.of(CONTAINER));
    }
}
