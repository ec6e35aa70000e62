package dev.docproof.shell;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The CLIs whose commands docproof checks against their own help, each with the format of its help. Adding a
 * CLI is a row here when its help follows a format docproof reads, else a new {@link HelpFormat}.
 *
 * @see CliModel
 */
public enum KnownCli {
    /** Docker's plugins add commands its help lists only where they are installed. */
    DOCKER("docker", new CobraHelp("docker"), "--version",
            Set.of("compose", "buildx", "scout", "init", "debug", "sbom", "scan", "extension")),
    CURL("curl", new CurlHelp(), "--version", Set.of());

    private final String program;
    private final HelpFormat format;
    private final String versionOption;
    private final Set<String> plugins;

    KnownCli(String program, HelpFormat format, String versionOption, Set<String> plugins) {
        this.program = program;
        this.format = format;
        this.versionOption = versionOption;
        this.plugins = plugins;
    }

    /**
     * Commands a plugin adds, which a client without that plugin does not list: a lesson naming one is right
     * elsewhere, so its words are not judged by a help that lacks it.
     */
    public Set<String> plugins() {
        return plugins;
    }

    public String program() {
        return program;
    }

    public HelpFormat format() {
        return format;
    }

    /** The option that prints the client's version, which keys the cache of its help. */
    public String versionOption() {
        return versionOption;
    }

    public static Optional<KnownCli> named(String program) {
        return Arrays.stream(values()).filter(cli -> cli.program.equals(program)).findFirst();
    }
}
