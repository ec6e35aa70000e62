package dev.docproof.shell;

import java.util.List;
import java.util.Optional;

/**
 * How one family of CLIs prints its help: how to ask for a command's page, and how to read one. A CLI
 * whose help follows a format docproof reads ({@link CobraHelp} for docker and the Go CLIs built like it,
 * {@link CurlHelp}) is checked by that reading; see {@link KnownCli}.
 */
public interface HelpFormat {

    /** The arguments after the program that print the help page of the command at {@code path}. */
    List<String> helpArguments(List<String> path);

    /**
     * The command {@code page} describes; empty when the page is not about the command at {@code path}
     * (a CLI that prints its general help for a name it does not know).
     */
    Optional<CliCommand> read(List<String> path, String page);

    /**
     * The aliases {@link #read} would find on {@code page}. A model needs every page's aliases to resolve a
     * spelling, but reads most pages in full only when asked: a format may find them more cheaply.
     */
    default List<List<String>> aliases(List<String> path, String page) {
        return read(path, page).map(CliCommand::aliases).orElse(List.of());
    }
}
