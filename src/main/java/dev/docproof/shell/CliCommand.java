package dev.docproof.shell;

import java.util.List;

/**
 * One command of a CLI as its own help describes it.
 *
 * @param path           the words that name it after the program ({@code [network, connect]}; empty for the program)
 * @param usage          the usage line, e.g. {@code docker exec [OPTIONS] CONTAINER COMMAND [ARG...]}
 * @param aliases        other full spellings the help names, each as its words after the program
 * @param subcommands    the commands listed below it
 * @param flags          its options (for the program itself: the options valid before any subcommand)
 * @param optionsEndAtArgument whether its options end at the first argument, which starts a command of its own
 *                       ({@code docker run IMAGE COMMAND...}): read from a usage that ends in {@code COMMAND [ARG...]}
 */
public record CliCommand(List<String> path, String usage, List<List<String>> aliases, List<String> subcommands,
                         List<CliFlag> flags, boolean optionsEndAtArgument) {

    public CliCommand {
        path = List.copyOf(path);
        aliases = aliases.stream().map(List::copyOf).toList();
        subcommands = List.copyOf(subcommands);
        flags = List.copyOf(flags);
    }

    public boolean isGroup() {
        return !subcommands.isEmpty();
    }

    public String name() {
        return String.join(" ", path);
    }
}
