package dev.docproof.run;

import dev.docproof.shell.ReadOnly;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request that found no server answering yet: curl failing for want of one (refused, or the connection closed
 * before an answer) in a step that only reads, so running it again changes nothing but the timing.
 */
final class ServerStart {

    private static final Pattern CURL = Pattern.compile("(?<![\\w-])curl(?![\\w-])");
    /** Could not connect (7), an empty reply (52), the connection reset while receiving (56). */
    private static final Set<Integer> NOT_ANSWERED = Set.of(7, 52, 56);

    private ServerStart() {}

    static boolean notAnswering(String command, ShellSession.Execution e) {
        if (e.exitCode() == null || e.timedOut()) {
            return false;
        }
        return NOT_ANSWERED.contains(e.exitCode()) && CURL.matcher(command).find() && ReadOnly.onlyFetches(command);
    }
}
