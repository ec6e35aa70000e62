package dev.docproof.repair;

import java.util.List;
import java.util.Set;

import static dev.docproof.repair.Argument.COMMAND;
import static dev.docproof.repair.Argument.CONTAINER;
import static dev.docproof.repair.Argument.IMAGE;
import static dev.docproof.repair.Argument.NETWORK;
import static dev.docproof.repair.Argument.VOLUME;

/**
 * What a Docker CLI command needs, as data: to teach docproof another command, add a row to {@link #KNOWN}.
 *
 * @param spellings    the words after {@code docker}; the first is the name the CLI uses in its usage errors
 * @param arguments    the required positional arguments, in the CLI's order
 * @param valueOptions options that take a value in the next word (so that value is not taken for an argument)
 * @param lastTakesRest true when everything after the last required argument belongs to it (exec's command)
 */
record CommandShape(List<String> spellings, List<Argument> arguments, Set<String> valueOptions, boolean lastTakesRest) {

    static final List<CommandShape> KNOWN = List.of(
            shape(List.of("network rm", "network remove"), List.of(NETWORK)),
            shape(List.of("network inspect"), List.of(NETWORK), "-f", "--format"),
            shape(List.of("network connect"), List.of(NETWORK, CONTAINER),
                    "--alias", "--ip", "--ip6", "--link", "--link-local-ip", "--driver-opt", "--gw-priority"),
            shape(List.of("network disconnect"), List.of(NETWORK, CONTAINER)),
            container("stop", "-t", "--time", "-s", "--signal"),
            container("start", "--detach-keys"),
            container("restart", "-t", "--time", "-s", "--signal"),
            container("kill", "-s", "--signal"),
            container("rm"),
            container("logs", "--since", "--until", "-n", "--tail"),
            shape(List.of("inspect", "container inspect"), List.of(CONTAINER), "-f", "--format", "--type"),
            new CommandShape(List.of("exec", "container exec"), List.of(CONTAINER, COMMAND),
                    Set.of("-e", "--env", "--env-file", "-u", "--user", "-w", "--workdir", "--detach-keys"), true),
            shape(List.of("volume rm", "volume remove"), List.of(VOLUME)),
            shape(List.of("volume inspect"), List.of(VOLUME), "-f", "--format"),
            shape(List.of("image rm", "rmi", "image remove"), List.of(IMAGE)));

    CommandShape {
        spellings = List.copyOf(spellings);
        arguments = List.copyOf(arguments);
        valueOptions = Set.copyOf(valueOptions);
    }

    String canonical() {
        return spellings.get(0);
    }

    /** The shape whose name a usage error gives, e.g. {@code network rm}; null when docproof does not know it. */
    static CommandShape named(String name) {
        return KNOWN.stream().filter(s -> s.spellings.contains(name)).findFirst().orElse(null);
    }

    private static CommandShape shape(List<String> spellings, List<Argument> arguments, String... valueOptions) {
        return new CommandShape(spellings, arguments, Set.of(valueOptions), false);
    }

    /** A container command, reachable both as {@code docker NAME} and {@code docker container NAME}. */
    private static CommandShape container(String name, String... valueOptions) {
        return shape(List.of(name, "container " + name), List.of(CONTAINER), valueOptions);
    }
}
