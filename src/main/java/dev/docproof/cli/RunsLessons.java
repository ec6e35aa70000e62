package dev.docproof.cli;

import dev.docproof.run.CourseRunner;

import java.util.Set;

/**
 * A command that runs lessons, and so connects to the engine: it takes over a connection begun before the
 * command line was parsed ({@link Main}), or begins its own.
 */
interface RunsLessons {

    /** The names of the commands that run lessons; a test keeps this in step with the commands themselves. */
    Set<String> NAMES = Set.of("check", "fix", "site");

    /** Whether {@code args} name a command that runs lessons: known from the first word, before any parsing. */
    static boolean named(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /** The connection this run began early; the command owns (and closes) it from now on. */
    void connectingSince(CourseRunner.EarlyEngine early);
}
