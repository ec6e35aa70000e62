package dev.docproof.repair;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Docker CLI's complaint that a command lacks arguments, in the wordings of the 20.10 and 28 clients:
 * {@code "docker network rm" requires at least 1 argument.} and
 * {@code docker: 'docker network rm' requires at least 1 argument}; {@code requires exactly 2 arguments.} and
 * {@code requires 2 arguments}. "at most" (too many arguments) is not a gap and is not recognised.
 *
 * @param command the command as the CLI names it, e.g. {@code network rm} (its canonical spelling)
 */
record UsageError(String command, int required) {

    private static final Pattern WORDING = Pattern.compile(
            "[\"']docker ([a-z][a-z -]*?)[\"'] requires (?:at least |exactly )?(\\d+) arguments?");

    static Optional<UsageError> find(String output) {
        var m = WORDING.matcher(output == null ? "" : output);
        return m.find() ? Optional.of(new UsageError(m.group(1), Integer.parseInt(m.group(2)))) : Optional.empty();
    }
}
