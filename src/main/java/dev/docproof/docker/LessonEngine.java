package dev.docproof.docker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine as one lesson run owns it: its {@link RunOwner} labels, its run folder, the locks on the
 * names it creates, the proxy its shell's {@code DOCKER_HOST} points at, and the {@link Ledger} the
 * proxy reports to. Closing it stops the proxy and lets go of the names and the folder; what the lesson
 * left is removed before, through {@link #removeLeftBehind()}.
 */
public final class LessonEngine implements AutoCloseable {

    /** Null for a sandbox's engine ({@link #openAlone}), as are the locks. */
    private final RunFolder folder;
    private final NameLocks locks;
    private final Ledger ledger;
    private final EngineProxy proxy;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LessonEngine(RunFolder folder, NameLocks locks, Ledger ledger, EngineProxy proxy) {
        this.folder = folder;
        this.locks = locks;
        this.ledger = ledger;
        this.proxy = proxy;
    }

    /**
     * Opens {@code engine} for a run of {@code lesson} that creates {@code names}.
     *
     * @throws NameLocks.HeldException when another run on this engine uses one of the names now
     */
    public static LessonEngine open(Engine engine, String lesson, List<NameLocks.Name> names)
            throws EngineException, NameLocks.HeldException {
        return open(engine, lesson, names, RunFolder.defaultTemp(), NameLocks.defaultFolder());
    }

    /**
     * Opens a sandbox's own engine for its one lesson, the proxy's socket in {@code sharedFolder} (seen at the
     * same path inside the sandbox). Nothing else reaches that engine and dropping the sandbox recovers all,
     * so no name is locked and no run folder is kept.
     */
    public static LessonEngine openAlone(Engine engine, String lesson, Path sharedFolder) throws EngineException {
        Ledger ledger = new Ledger(engine, RunOwner.of(lesson));
        EngineProxy proxy = EngineProxy.start(sharedFolder, engine.link(), ledger.owner().labels(), ledger);
        return new LessonEngine(null, null, ledger, proxy);
    }

    static LessonEngine open(Engine engine, String lesson, List<NameLocks.Name> names, Path tmp, Path lockFolder)
            throws EngineException, NameLocks.HeldException {
        RunOwner owner = RunOwner.of(lesson);
        NameLocks locks = NameLocks.acquire(lockFolder, engine.uri().toString(), owner, names);
        RunFolder folder = null;
        try {
            folder = RunFolder.create(tmp, owner);
            Ledger ledger = new Ledger(engine, owner);
            EngineProxy proxy = EngineProxy.start(folder.path(), engine.link(), owner.labels(), ledger);
            return new LessonEngine(folder, locks, ledger, proxy);
        } catch (IOException | EngineException | RuntimeException e) {
            if (folder != null) {
                folder.close();
            }
            locks.close();
            if (e instanceof EngineException ee) {
                throw ee;
            }
            throw new EngineException("cannot prepare the lesson's run folder in " + tmp + ": " + e.getMessage(), e);
        }
    }

    /** The DOCKER_HOST for the lesson's shell. */
    public String dockerHost() {
        return proxy.dockerHost();
    }

    /**
     * What the lesson's shell sees of docproof's environment changed: DOCKER_HOST names the proxy, and the variables
     * that ask for TLS are removed (mapped to null), since the proxy speaks plain HTTP whatever the engine behind it
     * speaks: a docker CLI that saw them would try TLS on the proxy.
     */
    public Map<String, String> shellEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DOCKER_HOST", dockerHost());
        EngineTls.VARIABLES.forEach(name -> environment.put(name, null));
        return Collections.unmodifiableMap(environment);
    }

    public Ledger ledger() {
        return ledger;
    }

    public RunOwner owner() {
        return ledger.owner();
    }

    /** Writes down a temp folder the run made, for recovery should the run be killed. */
    public void register(Path tempFolder) {
        if (folder != null) {
            folder.register(tempFolder);
        }
    }

    /** Removes what the lesson left (only what carries its label); see {@link Ledger#removeLeftBehind()}. */
    public List<Ledger.Removal> removeLeftBehind() throws EngineException {
        return ledger.removeLeftBehind();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return; // an interrupt's hook and the run's own end may both close it
        }
        proxy.close();
        if (locks != null) {
            locks.close();
        }
        if (folder != null) {
            folder.close();
        }
    }
}
