package dev.docproof.shell;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CLIs whose commands docproof checks against their own help, each with the format of its help. Adding a
 * CLI is a row here when its help follows a format docproof reads, else a new {@link HelpFormat}.
 *
 * @see CliModel
 */
public enum KnownCli {
    DOCKER("docker", new CobraHelp("docker"), "--version"),
    CURL("curl", new CurlHelp(), "--version");

    private final String program;
    private final HelpFormat format;
    private final String versionOption;

    KnownCli(String program, HelpFormat format, String versionOption) {
        this.program = program;
        this.format = format;
        this.versionOption = versionOption;
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
