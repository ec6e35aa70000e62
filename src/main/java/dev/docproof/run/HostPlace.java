package dev.docproof.run;

import dev.docproof.docker.Engine;
import dev.docproof.docker.EngineException;
import dev.docproof.docker.LessonEngine;
import dev.docproof.docker.NameLocks;
import dev.docproof.lesson.CourseFile;
import dev.docproof.lesson.Plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A lesson on this machine ({@code --isolation host}): a scratch working folder, and the machine's engine
 * through the lesson's labelling proxy, with name locks against other runs and its folders written down so
 * that a killed run's are recovered.
 */
final class HostPlace implements LessonPlace {

    private final Engine engine;
    private final LessonEngine owned;

    private HostPlace(Engine engine, LessonEngine owned) {
        this.engine = engine;
        this.owned = owned;
    }

    static HostPlace open(Engine engine, Plan plan, List<NameLocks.Name> names)
            throws EngineException, NameLocks.HeldException {
        return new HostPlace(engine, LessonEngine.open(engine, plan.lesson().source().toString(), names));
    }

    @Override
    public void bringIn(CourseFile file, ShellSession session) throws IOException {
        CourseFiles.copy(file.source(), Path.of(CourseFiles.destination(file, session.workingDirectory().toString())));
    }

    @Override
    public ShellSession openSession(long maxOutput, Path workingFolder) throws IOException {
        Map<String, String> environment = owned.shellEnvironment();
        ShellSession session = workingFolder == null ? ShellSession.startInScratchFolder(maxOutput, environment)
                : ShellSession.start(workingFolder, maxOutput, environment);
        session.folders().forEach(owned::register);
        return session;
    }

    /**
     * This machine's temporary folders, the lesson's folders and the engine's storage: a lesson writes to all of them.
     * A disk is named by the first of them on it, so a scratch folder's disk is named by the lasting folder it is in.
     */
    @Override
    public List<Path> disks(ShellSession session) {
        List<Path> disks = new ArrayList<>(List.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of("/tmp"),
                session.workingDirectory(), session.directory()));
        engine.dataRoot().ifPresent(disks::add);
        return disks;
    }

    @Override
    public LessonEngine engine() {
        return owned;
    }

    @Override
    public void removeAfterInterrupt() {
        try {
            owned.removeLeftBehind();
        } catch (EngineException unreachable) {
            // the labels stay: the next run removes what this one could not
        }
        owned.close();
    }

    @Override
    public void close() {
        owned.close(); // the session removes its scratch folder itself
    }
}
