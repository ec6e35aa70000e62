package dev.docproof.docker;

import dev.docproof.shell.ImageRef;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The sandboxes of one run: the image they run and the image store are made ready once, then each
 * lesson gets its own. Told which lessons come ({@link #expect}), it starts theirs ahead, in order, a
 * bounded number at a time, so a lesson finds its engine already answering. A finished lesson's sandbox
 * is removed in the background; {@link #close()} waits for every removal. Every sandbox still open when
 * the process is stopped (Ctrl-C, SIGTERM) is removed by a shutdown hook, those started ahead included;
 * after a {@code kill -9}, {@link SandboxReaper} removes them on the next run.
 */
public final class Sandboxes<T extends SandboxContainer> implements AutoCloseable {

    private static final Duration STARTS_TIMEOUT = Duration.ofSeconds(20);

    /** A sandbox being started ahead for a lesson due soon. */
    private record Ahead<T>(String lesson, CompletableFuture<T> sandbox) {}

    /** Starts one sandbox on the run's engine. */
    @FunctionalInterface
    private interface Starter<T> {
        T start(Sandbox.Spec spec) throws EngineException;
    }

    private volatile String store;
    /** The bytes each lesson's sandbox may use (0: unbounded). */
    private final long memory;
    private final Starter<T> starter;
    private final Set<T> open = ConcurrentHashMap.newKeySet();
    /** Set once the run stops: no sandbox starts after it, and one starting meanwhile is removed at once. */
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger starting = new AtomicInteger();
    private final Thread hook = new Thread(this::closeAll, "docproof-sandbox-cleanup");
    /** Starts ahead and removals, off the lessons' threads. */
    private final ExecutorService background = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "docproof-sandbox");
        t.setDaemon(true);
        return t;
    });
    private final Deque<String> due = new ArrayDeque<>();
    private final List<Ahead<T>> ahead = new ArrayList<>();
    private int aheadLimit;

    private Sandboxes(long memory, Starter<T> starter) {
        this.memory = memory;
        this.starter = starter;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Makes sandboxes ready on {@code host}: builds the sandbox image when needed and puts {@code images}
     * (already provisioned on the host engine) into the image store. Each lesson's sandbox may use {@code memory}
     * bytes (0: unbounded).
     */
    public static Sandboxes<Sandbox> prepare(Engine host, List<ImageRef> images, Path workDir, long memory,
                                             Consumer<String> progress) throws EngineException {
        TestcontainersSettings.require();
        SandboxImage.ensure(host, workDir, progress);
        return withStore(new Sandboxes<>(memory, Sandbox::start), host, images, progress);
    }

    /**
     * As {@link #prepare} on an engine of another machine ({@link Engine#onThisMachine()} false): the sandboxes run
     * docproof itself ({@link RemoteSandboxImage}).
     */
    public static Sandboxes<RemoteSandbox> prepareRemote(Engine host, List<ImageRef> images, Path workDir, long memory,
                                                         Consumer<String> progress) throws EngineException {
        TestcontainersSettings.require();
        RemoteSandboxImage.ensure(host, workDir, progress);
        return withStore(new Sandboxes<>(memory, RemoteSandbox::start), host, images, progress);
    }

    private static <T extends SandboxContainer> Sandboxes<T> withStore(Sandboxes<T> sandboxes, Engine host,
                                                                       List<ImageRef> images, Consumer<String> progress)
            throws EngineException {
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

    /**
     * The lessons that will ask for a sandbox, in the order they will: up to {@code limit} sandboxes are
     * started ahead of them at any time, the next one as soon as a lesson takes its own.
     */
    public synchronized void expect(List<String> lessons, int limit) {
        due.addAll(lessons);
        aheadLimit = Math.max(0, limit);
        startAhead();
    }

    /** A fresh sandbox for the lesson at {@code lesson}, with the run's images in its engine. */
    public T start(String lesson) throws EngineException {
        CompletableFuture<T> started = take(lesson);
        try {
            return started == null ? startNow(lesson) : await(started);
        } finally {
            synchronized (this) {
                startAhead();
            }
        }
    }

    /** The sandbox started ahead for {@code lesson}, if any; the lesson is no longer due either way. */
    private synchronized CompletableFuture<T> take(String lesson) {
        due.removeFirstOccurrence(lesson);
        for (Iterator<Ahead<T>> i = ahead.iterator(); i.hasNext(); ) {
            Ahead<T> a = i.next();
            if (a.lesson().equals(lesson)) {
                i.remove();
                return a.sandbox();
            }
        }
        return null;
    }

    private void startAhead() {
        while (ahead.size() < aheadLimit && !due.isEmpty() && !stopping.get()) {
            String lesson = due.poll();
            ahead.add(new Ahead<>(lesson, CompletableFuture.supplyAsync(() -> {
                try {
                    return startNow(lesson);
                } catch (EngineException e) {
                    throw new CompletionException(e);
                }
            }, background)));
        }
    }

    private static <T> T await(CompletableFuture<T> started) throws EngineException {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof EngineException ee) {
                throw ee;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private T startNow(String lesson) throws EngineException {
        starting.incrementAndGet();
        try {
            if (stopping.get()) {
                throw new EngineException("the run is stopping; no sandbox starts for " + lesson);
            }
            T sandbox = starter.start(new Sandbox.Spec(SandboxLabels.Kind.LESSON, RunOwner.of(lesson), store, memory));
            open.add(sandbox);
            if (stopping.get()) {
                remove(sandbox);
                throw new EngineException("the run is stopping; the sandbox for " + lesson + " was removed");
            }
            return sandbox;
        } finally {
            starting.decrementAndGet();
        }
    }

    /**
     * Drops one lesson's sandbox: it is removed in the background while the run goes on; {@link #close()}
     * (and the shutdown hook) wait for that removal.
     */
    public void discard(T sandbox) {
        try {
            background.execute(() -> remove(sandbox));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            remove(sandbox);
        }
    }

    private void remove(T sandbox) {
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
        // In parallel: each removal waits for the engine, and a stopping process has little time. A sandbox
        // already being removed in the background is waited for (its close is synchronized).
        List.copyOf(open).parallelStream().forEach(SandboxContainer::close);
        open.clear();
    }

    @Override
    public void close() {
        closeAll();
        background.shutdown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
    }
}
