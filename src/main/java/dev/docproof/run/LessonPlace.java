package dev.docproof.run;

import dev.docproof.docker.EngineException;
import dev.docproof.docker.Ledger;
import dev.docproof.docker.LessonEngine;
import dev.docproof.docker.Sandbox;
import dev.docproof.lesson.CourseFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where one lesson runs: on this machine or in its own sandbox. It starts the lesson's shell there, its
 * {@code docker} commands reaching the engine of that place through the lesson's labelling proxy, and
 * holds the ledger the proxy reports to. Closing it lets go of what the lesson had of its own there
 * (its proxy and name locks; its sandbox).
 */
interface LessonPlace extends AutoCloseable {

    /**
     * Starts the lesson's bash, in a working folder of its own, or on this machine in {@code workingFolder} when
     * given; each step keeps {@code maxOutput} bytes.
     */
    ShellSession openSession(long maxOutput, Path workingFolder) throws IOException;

    /** Copies a file or folder of the course into the working folder of {@code session}, before its first step. */
    void bringIn(CourseFile file, ShellSession session) throws IOException;

    /** The folders of this machine whose disks the lesson fills as it runs in {@code session} ({@link DiskFloor}). */
    List<Path> disks(ShellSession session);

    /** The engine as the lesson owns it there: its proxy and ledger. */
    LessonEngine engine();

    /** Whether others use the lesson's engine too (this machine's), rather than the lesson alone (a sandbox's). */
    default boolean engineShared() {
        return true;
    }

    default Ledger ledger() {
        return engine().ledger();
    }

    /** Removes what the lesson left (only what carries its label); see {@link Ledger#removeLeftBehind()}. */
    default List<Ledger.Removal> removeLeftBehind() throws EngineException {
        return engine().removeLeftBehind();
    }

    /** The bytes all the lesson's processes there may use together; 0 where docproof sets no bound. */
    default long memoryLimit() {
        return 0;
    }

    /** Where the kernel's kills for want of memory stood there now; null where docproof sets no bound. */
    default Sandbox.MemoryMark memoryMark() {
        return null;
    }

    /**
     * Whether the kernel killed one of the lesson's processes there for want of memory since {@code mark}; asked of a
     * step that ended with {@code exitCode}.
     */
    default boolean killedForMemorySince(Sandbox.MemoryMark mark, int exitCode) {
        return false;
    }

    /** Why a step failed there, when the place itself is the reason and its output shows it; else null. */
    default Note failureExplained(Output output) {
        return null;
    }

    /** Why the place cannot go on, when it stopped by itself during the lesson (a sandbox whose engine ended); else null. */
    default String stoppedWhy() {
        return null;
    }

    /** As the process ends in the middle of the lesson: removes what the lesson made so far, from a shutdown hook. */
    void removeAfterInterrupt();

    /** Safe from a shutdown hook, and more than once. */
    @Override
    void close();
}
