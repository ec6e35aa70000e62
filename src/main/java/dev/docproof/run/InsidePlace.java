package dev.docproof.run;

import dev.docproof.docker.Engine;
import dev.docproof.docker.EngineException;
import dev.docproof.docker.Ledger;
import dev.docproof.docker.LessonEngine;
import dev.docproof.docker.Sandbox;
import dev.docproof.lesson.CourseFile;
import dev.docproof.lesson.Plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson run by a docproof started inside its sandbox ({@link Isolation#INSIDE}): bash, files and engine are this
 * machine's, which is the sandbox; the lesson starts in the sandbox's working folder and owns its engine alone, as in
 * {@link SandboxPlace}. The docproof outside drops the sandbox afterwards, and what the lesson made with it.
 */
final class InsidePlace implements LessonPlace {

    /** Written into the image docproof runs in on a sandbox: a run anywhere else is refused. */
    static final Path MARK = Path.of("/etc/docproof-sandbox");

    private final Engine engine;
    private final LessonEngine owned;
    private final Path proxyFolder;
    private final long memory;

    private InsidePlace(Engine engine, LessonEngine owned, Path proxyFolder, long memory) {
        this.engine = engine;
        this.owned = owned;
        this.proxyFolder = proxyFolder;
        this.memory = memory;
    }

    /** {@code memory}: the bytes the sandbox's processes may use together (0: unbounded). */
    static InsidePlace open(Engine engine, Plan plan, long memory) throws EngineException {
        if (!Files.isRegularFile(MARK)) {
            throw new EngineException("--isolation inside is docproof's own, for the docproof it starts in a sandbox;"
                    + " this machine is no sandbox (" + MARK + " is missing): choose --isolation sandbox or host");
        }
        Path proxyFolder;
        try {
            Files.createDirectories(Path.of(Sandbox.WORKING_FOLDER));
            proxyFolder = Files.createTempDirectory("docproof-engine-");
        } catch (IOException e) {
            throw new EngineException("cannot make the lesson's folders in the sandbox: " + e.getMessage());
        }
        return new InsidePlace(engine, LessonEngine.openAlone(engine, plan.lesson().source().toString(), proxyFolder),
                proxyFolder, memory);
    }

    @Override
    public ShellSession openSession(long maxOutput, Path workingFolder) throws IOException {
        return ShellSession.start(Path.of(Sandbox.WORKING_FOLDER), maxOutput, owned.shellEnvironment());
    }

    @Override
    public void bringIn(CourseFile file, ShellSession session) throws IOException {
        CourseFiles.copy(file.source(), Path.of(CourseFiles.destination(file, Sandbox.WORKING_FOLDER)));
    }

    @Override
    public List<Path> disks(ShellSession session) {
        List<Path> disks = new ArrayList<>(List.of(Path.of(Sandbox.WORKING_FOLDER), Path.of("/tmp")));
        engine.dataRoot().ifPresent(disks::add);
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

    /** The sandbox's bound, as the docproof outside set it and passed it on (--sandbox-memory). */
    @Override
    public long memoryLimit() {
        return memory;
    }

    @Override
    public Sandbox.MemoryMark memoryMark() {
        return memory > 0 ? Sandbox.memoryMarkInside() : null;
    }

    @Override
    public boolean killedForMemorySince(Sandbox.MemoryMark mark, int exitCode) {
        return Sandbox.killedForMemoryInsideSince(engine, mark, exitCode);
    }

    @Override
    public Note failureExplained(Output output) {
        return SandboxPlace.devicesRefused(output);
    }

    /** The lesson's leaks as the ledger saw them: the sandbox is dropped with them once this run is over. */
    @Override
    public List<Ledger.Removal> removeLeftBehind() throws EngineException {
        return owned.ledger().leftBehindForDrop();
    }

    @Override
    public void removeAfterInterrupt() {
        close();
    }

    @Override
    public void close() {
        owned.close();
        proxyFolder.toFile().delete();
    }
}
