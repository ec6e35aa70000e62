package dev.docproof.testsupport;

import dev.docproof.docker.Engine;
import dev.docproof.docker.EngineException;
import dev.docproof.docker.EngineSetup;
import dev.docproof.docker.ImageProvisioner;
import dev.docproof.docker.ImageRecipes;
import dev.docproof.docker.Sandbox;
import dev.docproof.docker.Sandboxes;
import dev.docproof.shell.ImageRef;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Docker engine for tests that need one: set up once per test JVM (started and provisioned when
 * needed, exactly as {@code docproof engine} does), shared by every test. A test never skips for want
 * of an engine: {@link #ready()} either returns one or fails with what to do.
 */
public final class TestEngine {

    /** The images the course lesson runs, provisioned from content/images before any test gets the engine. */
    public static final List<ImageRef> LESSON_IMAGES = List.of(
            ImageRef.parse("launchcodedevops/simple-http"), ImageRef.parse("launchcodedevops/simple-client"));

    private static Engine engine;
    private static String failure;
    private static boolean sandboxesPrepared;

    private TestEngine() {}

    /**
     * An engine that answers, with both lesson images present. Shared: do not close it.
     * Set-up output goes to target/ (apt.log, dockerd.log, debootstrap.log).
     */
    public static synchronized Engine ready() {
        if (engine != null) {
            return engine;
        }
        if (failure != null) {
            throw new AssertionError(failure);
        }
        Path target = Path.of("target");
        try {
            Engine started = EngineSetup.ensure(target, line -> { });
            new ImageProvisioner(started, ImageRecipes.discover(ImageRecipes.DEFAULT_ROOT), target, line -> { })
                    .ensure(LESSON_IMAGES);
            engine = started;
            return engine;
        } catch (EngineException | IOException e) {
            failure = "The tests need a Docker engine with the lesson images: " + e.getMessage();
            throw new AssertionError(failure, e);
        }
    }

    /**
     * {@link #ready()}, and the sandbox image and the lesson images' store built, so that a test's own
     * docproof run starts sandboxes without building anything.
     */
    public static synchronized Engine sandboxesReady() {
        Engine ready = ready();
        if (!sandboxesPrepared) {
            try (Sandboxes<Sandbox> prepared = Sandboxes.prepare(ready, LESSON_IMAGES, Path.of("target"), 0, line -> { })) {
                sandboxesPrepared = true;
            } catch (EngineException e) {
                throw new AssertionError("The tests need sandboxes on the engine: " + e.getMessage(), e);
            }
        }
        return ready;
    }

    /** Base image every recipe builds on; test recipes may build on it too ({@code FROM} this). */
    public static String baseImage() {
        return "docproof/bookworm-minbase:1";
    }
}
