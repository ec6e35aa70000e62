package dev.docproof.run;

import dev.docproof.docker.Engine;
import dev.docproof.docker.EngineException;
import dev.docproof.docker.NameLocks;
import dev.docproof.docker.SandboxMemory;
import dev.docproof.docker.RemoteSandbox;
import dev.docproof.docker.RemoteSandboxImage;
import dev.docproof.docker.Sandbox;
import dev.docproof.docker.Sandboxes;
import dev.docproof.lesson.Plan;
import dev.docproof.shell.ImageRef;

import java.nio.file.Path;
import java.util.List;

/**
 * The run's sandboxes, made ready once the lessons' images are known, then one per lesson. On an engine of another
 * machine each lesson runs whole in its sandbox ({@link RemoteLessons}).
 */
final class SandboxLink implements CourseRunner.PlaceOpener, AutoCloseable {

    private final Engine engine;
    private final Path workDir;
    private final RunListener listener;
    private final RunSettings settings;
    private final CourseRunner.ResultsReader results;
    private volatile Sandboxes<Sandbox> sandboxes;
    private volatile RemoteLessons remote;
    private volatile Sandboxes<RemoteSandbox> remoteSandboxes;

    SandboxLink(Engine engine, Path workDir, RunListener listener, RunSettings settings,
                CourseRunner.ResultsReader results) {
        this.engine = engine;
        this.workDir = workDir;
        this.listener = listener;
        this.settings = settings;
        this.results = results;
    }

    void prepare(List<ImageRef> images) throws EngineException {
        listener.setupProgress("preparing sandboxes (one Docker engine per lesson)");
        long memory = settings.sandboxMemory() > 0 ? settings.sandboxMemory()
                : SandboxMemory.defaultLimit(engine, settings.jobs());
        if (engine.onThisMachine()) {
            sandboxes = Sandboxes.prepare(engine, images, workDir, memory, listener::setupProgress);
        } else {
            listener.setupProgress("the engine runs on another machine (" + engine.uri() + "): docproof runs each lesson"
                    + " inside its sandbox there");
            remoteSandboxes = Sandboxes.prepareRemote(engine, images, workDir,
                    memory > 0 ? memory + RemoteSandboxImage.DOCPROOF_MEMORY : 0, listener::setupProgress);
            remote = new RemoteLessons(remoteSandboxes, settings, results, memory);
        }
    }

    /** Starts the first lessons' sandboxes now, and each next one as a lesson takes its own: {@code jobs} ahead. */
    @Override
    public void expect(List<Plan> plans, int jobs) {
        List<String> lessons = plans.stream().map(SandboxLink::lesson).toList();
        if (sandboxes != null) {
            sandboxes.expect(lessons, jobs);
        } else if (remoteSandboxes != null) {
            remoteSandboxes.expect(lessons, jobs);
        }
    }

    @Override
    public LessonResult runThere(Plan plan, RunListener listener) {
        return remote == null ? null : remote.run(plan, listener);
    }

    @Override
    public LessonPlace open(Plan plan, List<NameLocks.Name> names) throws EngineException {
        if (sandboxes == null) {
            throw new IllegalStateException("prepare() first");
        }
        return SandboxPlace.open(sandboxes, engine, plan);
    }

    /** How a lesson names itself to its sandbox (its labels, and which sandbox started ahead is its own). */
    static String lesson(Plan plan) {
        return plan.lesson().source().toString();
    }

    @Override
    public void close() {
        if (sandboxes != null) {
            sandboxes.close();
        }
        if (remoteSandboxes != null) {
            remoteSandboxes.close();
        }
    }
}
