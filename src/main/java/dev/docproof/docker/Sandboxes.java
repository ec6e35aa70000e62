package dev.docproof.docker;

import dev.docproof.shell.ImageRef;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The sandboxes of one run: the image they run and the image store are made ready once, then each
 * lesson gets its own. Every sandbox still open when the process is stopped (Ctrl-C, SIGTERM) is
 * removed by a shutdown hook; after a {@code kill -9}, {@link SandboxReaper} removes them on the next run.
 */
public final class Sandboxes implements AutoCloseable {

    private static final Duration STARTS_TIMEOUT = Duration.ofSeconds(20);

    private volatile String store;
    private final Set<Sandbox> open = ConcurrentHashMap.newKeySet();
    /** Set once the run stops: no sandbox starts after it, and one starting meanwhile is removed at once. */
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger starting = new AtomicInteger();
    private final Thread hook = new Thread(this::closeAll, "docproof-sandbox-cleanup");

    private Sandboxes() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Makes sandboxes ready on {@code host}: builds the sandbox image when needed and puts {@code images}
     * (already provisioned on the host engine) into the image store.
     */
    public static Sandboxes prepare(Engine host, List<ImageRef> images, Path workDir, Consumer<String> progress)
            throws EngineException {
        TestcontainersSettings.require();
        SandboxImage.ensure(host, workDir, progress);
        Sandboxes sandboxes = new Sandboxes();
        try {
            if (!images.isEmpty()) {
                sandboxes.store = ImageStore.ensure(host, images, progress);
            }
            return sandboxes;
        } catch (EngineException | RuntimeException e) {
            sandboxes.close();
            throw e;
        }
    }

    /** A fresh sandbox for the lesson at {@code lesson}, with the run's images in its engine. */
    public Sandbox start(String lesson) throws EngineException {
        starting.incrementAndGet();
        try {
            if (stopping.get()) {
                throw new EngineException("the run is stopping; no sandbox starts for " + lesson);
            }
            Sandbox sandbox = Sandbox.start(new Sandbox.Spec(SandboxLabels.Kind.LESSON, RunOwner.of(lesson), store));
            open.add(sandbox);
            if (stopping.get()) {
                discard(sandbox);
                throw new EngineException("the run is stopping; the sandbox for " + lesson + " was removed");
            }
            return sandbox;
        } finally {
            starting.decrementAndGet();
        }
    }

    /** Removes one lesson's sandbox. */
    public void discard(Sandbox sandbox) {
        try {
            sandbox.close();
        } finally {
            open.remove(sandbox);
        }
    }

    private void closeAll() {
        stopping.set(true);
        // A sandbox being created now would be missed: wait for those starts to end (each removes its own).
        Poll.until(STARTS_TIMEOUT, () -> starting.get() == 0);
        // In parallel: each removal waits for the engine, and a stopping process has little time.
        open.parallelStream().forEach(Sandbox::close);
        open.clear();
    }

    @Override
    public void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
    }
}
