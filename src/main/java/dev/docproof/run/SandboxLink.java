package dev.docproof.run;

import dev.docproof.docker.Engine;
import dev.docproof.docker.EngineException;
import dev.docproof.docker.NameLocks;
import dev.docproof.docker.SandboxMemory;
import dev.docproof.docker.Sandboxes;
import dev.docproof.lesson.Plan;
import dev.docproof.shell.ImageRef;

import java.nio.file.Path;
import java.util.List;

/** The run's sandboxes, made ready once the lessons' images are known, then one per lesson. */
final class SandboxLink implements CourseRunner.PlaceOpener, AutoCloseable {

    private final Engine engine;
    private final Path workDir;
    private final RunListener listener;
    private final RunSettings settings;
    private volatile Sandboxes sandboxes;

    SandboxLink(Engine engine, Path workDir, RunListener listener, RunSettings settings) {
        this.engine = engine;
        this.workDir = workDir;
        this.listener = listener;
        this.settings = settings;
    }

    void prepare(List<ImageRef> images) throws EngineException {
        listener.setupProgress("preparing sandboxes (one Docker engine per lesson)");
        long memory = settings.sandboxMemory() > 0 ? settings.sandboxMemory()
                : SandboxMemory.defaultLimit(engine, settings.jobs());
        sandboxes = Sandboxes.prepare(engine, images, workDir, memory, listener::setupProgress);
    }

    /** Starts the first lessons' sandboxes now, and each next one as a lesson takes its own: {@code jobs} ahead. */
    @Override
    public void expect(List<Plan> plans, int jobs) {
        if (sandboxes != null) {
            sandboxes.expect(plans.stream().map(SandboxLink::lesson).toList(), jobs);
        }
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
    }
}
