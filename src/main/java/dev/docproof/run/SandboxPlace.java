package dev.docproof.run;

import dev.docproof.docker.Engine;
import dev.docproof.docker.EngineException;
import dev.docproof.docker.Ledger;
import dev.docproof.docker.LessonEngine;
import dev.docproof.docker.Sandbox;
import dev.docproof.docker.Sandboxes;
import dev.docproof.lesson.CourseFile;
import dev.docproof.lesson.Plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson in its own sandbox: bash, files and engine all inside it. The ledger follows the sandbox's own
 * engine through the lesson's proxy, so leaks are still reported with the line that created them; the
 * sandbox itself bounds what the lesson owns, so dropping it is the clean-up.
 */
final class SandboxPlace implements LessonPlace {

    private final Sandboxes<Sandbox> sandboxes;
    private final Engine host;
    private final Sandbox sandbox;
    private final LessonEngine owned;

    private SandboxPlace(Sandboxes<Sandbox> sandboxes, Engine host, Sandbox sandbox, LessonEngine owned) {
        this.sandboxes = sandboxes;
        this.host = host;
        this.sandbox = sandbox;
        this.owned = owned;
    }

    /** The lesson's names need no lock: no other run reaches the sandbox's engine. */
    static SandboxPlace open(Sandboxes<Sandbox> sandboxes, Engine host, Plan plan) throws EngineException {
        Sandbox sandbox = sandboxes.start(SandboxLink.lesson(plan));
        try {
            return new SandboxPlace(sandboxes, host, sandbox, sandbox.openLessonEngine(SandboxLink.lesson(plan)));
        } catch (EngineException | RuntimeException e) {
            sandboxes.discard(sandbox);
            throw e;
        }
    }

    /** A folder of this machine cannot be the sandbox's ({@link RunSettings} refuses that). */
    @Override
    public ShellSession openSession(long maxOutput, Path workingFolder) throws IOException {
        return ShellSession.start(Path.of(Sandbox.WORKING_FOLDER), maxOutput, owned.shellEnvironment(),
                new SandboxShell(sandbox));
    }

    @Override
    public void bringIn(CourseFile file, ShellSession session) {
        sandbox.copyIn(file.source(), CourseFiles.destination(file, Sandbox.WORKING_FOLDER));
    }

    /**
     * The storage of the engine the sandbox runs on: the sandbox's files and its own engine's images and containers are
     * there. Then the folder the sandbox shares with docproof (each step's output while it runs).
     */
    @Override
    public List<Path> disks(ShellSession session) {
        List<Path> disks = new ArrayList<>();
        host.dataRoot().ifPresent(disks::add);
        disks.add(sandbox.folder());
        return disks;
    }

    @Override
    public boolean engineShared() {
        return false;
    }

    @Override
    public LessonEngine engine() {
        return owned;
    }

    @Override
    public long memoryLimit() {
        return sandbox.memoryLimit();
    }

    @Override
    public Sandbox.MemoryMark memoryMark() {
        return sandbox.memoryMark();
    }

    @Override
    public boolean killedForMemorySince(Sandbox.MemoryMark mark, int exitCode) {
        return sandbox.killedForMemorySince(mark, exitCode);
    }

    /**
     * A sandbox is no privileged container: under cgroup v1 its engine's runtime is refused the device access that a
     * privileged container, or one given a device, asks for.
     */
    @Override
    public Note failureExplained(Output output) {
        return devicesRefused(output);
    }

    static Note devicesRefused(Output output) {
        return output.merged().contains("devices.allow: operation not permitted") ? new Note.SandboxDevices() : null;
    }

    @Override
    public String stoppedWhy() {
        return sandbox.stopped() ? "the lesson's sandbox stopped: its Docker engine (dockerd), the sandbox's first"
                + " process, ended (as a step's `sudo pkill dockerd` or `kill -9 -1` ends it), and nothing of the lesson"
                + " can go on without it; removing the sandbox removed all the lesson had made" : null;
    }

    /**
     * The lesson's leaks, as the ledger saw them, without removing them one by one: dropping the sandbox
     * removes them with everything else.
     */
    @Override
    public List<Ledger.Removal> removeLeftBehind() throws EngineException {
        return owned.ledger().leftBehindForDrop();
    }

    /** Dropping the sandbox removes all the lesson made, whatever the ledger saw. */
    @Override
    public void removeAfterInterrupt() {
        close();
    }

    @Override
    public void close() {
        try {
            owned.close();
        } finally {
            sandboxes.discard(sandbox);
        }
    }
}
