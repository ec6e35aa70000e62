package dev.docproof.run;

/** Why a lesson could not be run at all; its steps are then all not run. */
public record SetupError(Kind kind, String message) {

    public enum Kind {
        /** The reader could not read the lesson. */
        UNREADABLE,
        /** No engine, an engine that fails, or an image that cannot be had. */
        ENGINE,
        /** A name the lesson creates is already taken on the engine. */
        NAME_TAKEN,
        /** A step would change the engine for every user of it (its swarm mode), which only a sandbox contains. */
        SHARED_ENGINE,
        /** The lesson's sandbox did not start. */
        SANDBOX,
        /** The lesson's shell could not be started. */
        SHELL,
        /** A disk of this machine the lesson would write to has less free space than docproof keeps. */
        DISK,
        /** A file the course gives the lesson ({@code docproof.yml}'s {@code files:}) could not be put into its folder. */
        COURSE_FILES
    }

    @Override
    public String toString() {
        return message;
    }
}
