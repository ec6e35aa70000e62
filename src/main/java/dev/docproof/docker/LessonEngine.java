package dev.docproof.docker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final String engineName;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** How long the engine may take to answer a ping before a step's unanswered request says it stopped. */
    private static final Duration PING = Duration.ofSeconds(2);

    /**
     * A request a step sent that the engine had not begun to answer when the step ended.
     *
     * @param engine      the engine, as messages name it
     * @param answersPing whether the engine still answered a ping then: a slow call, not an engine that stopped
     */
    public record Unanswered(String engine, String request, Duration waited, boolean answersPing) {}

    private LessonEngine(RunFolder folder, NameLocks locks, Ledger ledger, EngineProxy proxy, String engineName) {
        this.folder = folder;
        this.locks = locks;
        this.ledger = ledger;
        this.proxy = proxy;
        this.engineName = engineName;
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
        EngineProxy proxy = EngineProxy.start(sharedFolder, engine.link(), ledger.owner().labels(), false, ledger);
        return new LessonEngine(null, null, ledger, proxy, engine.uri().toString());
    }

    static LessonEngine open(Engine engine, String lesson, List<NameLocks.Name> names, Path tmp, Path lockFolder)
            throws EngineException, NameLocks.HeldException {
        RunOwner owner = RunOwner.of(lesson);
        NameLocks locks = NameLocks.acquire(lockFolder, engine.uri().toString(), owner, names);
        RunFolder folder = null;
        try {
            folder = RunFolder.create(tmp, owner);
            Ledger ledger = new Ledger(engine, owner);
            EngineProxy proxy = EngineProxy.start(folder.path(), engine.link(), owner.labels(), true, ledger);
            return new LessonEngine(folder, locks, ledger, proxy, engine.uri().toString());
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

    /**
     * The longest-waiting request the step at {@code line} sent that the engine has not begun to answer, with
     * whether the engine answers a ping (asked only when there is such a request); empty when there is none.
     */
    public Optional<Unanswered> unanswered(int line) {
        return proxy.unanswered(line).map(u -> new Unanswered(engineName, u.request(), u.waiting(),
                proxy.answersPing(PING)));
    }

    /** The engine as its users know it (its DOCKER_HOST). */
    public String engineName() {
        return engineName;
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

    /**
     * Removes what the lesson left (only what carries its label); see {@link Ledger#removeLeftBehind()}. A create
     * still on its way is waited for first (up to an engine call's deadline), so what it makes is not missed.
     */
    public List<Ledger.Removal> removeLeftBehind() throws EngineException {
        proxy.awaitCreates(Engine.DEFAULT_DEADLINE);
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
