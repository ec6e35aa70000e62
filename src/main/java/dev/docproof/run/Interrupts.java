package dev.docproof.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C (SIGINT), SIGTERM or SIGHUP during a run: the step that runs is stopped, the lesson cleans up as after any
 * step, the steps and lessons not reached are not run, and every report is still written. The command line
 * catches the signal and calls {@link #request}; a run asks {@link #requested} between steps.
 */
public final class Interrupts {

    /** The signal that asked the run to stop, with the exit status a shell gives a process it ended. */
    public enum Signal {
        INT(130), TERM(143),
        /** The terminal docproof ran in was closed (an ssh session that dropped). */
        HUP(129);

        private final int exitStatus;

        Signal(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        public int exitStatus() {
            return exitStatus;
        }
    }

    private static final AtomicReference<Signal> REQUESTED = new AtomicReference<>();
    private static final AtomicReference<Signal> ABANDONED = new AtomicReference<>();
    /** What stops the steps that run now (one per lesson running: several with --jobs); empty between steps. */
    private static final Set<Runnable> STOP_RUNNING = ConcurrentHashMap.newKeySet();

    private Interrupts() {}

    /** Asks the run to stop; the first signal counts. */
    public static void request(Signal signal) {
        if (REQUESTED.compareAndSet(null, signal)) {
            STOP_RUNNING.forEach(Runnable::run);
        }
    }

    /** The signal that asked the run to stop, or null. */
    public static Signal requested() {
        return REQUESTED.get();
    }

    /**
     * A second signal: docproof ends at once, its shutdown hooks removing what the run made. What it would still say
     * or write would describe a run half taken down (a sandbox removed under its lesson), so nothing more is.
     */
    public static void abandon(Signal signal) {
        ABANDONED.compareAndSet(null, signal);
    }

    /** The signal that ended the run at once, or null. */
    public static Signal abandoned() {
        return ABANDONED.get();
    }

    /** While a lesson runs, {@code stop} ends its running step should a signal come. */
    static void whileRunning(Runnable stop) {
        STOP_RUNNING.add(stop);
        if (REQUESTED.get() != null) {
            stop.run();
        }
    }

    /** The lesson that {@code stop} stops is done. */
    static void doneRunning(Runnable stop) {
        STOP_RUNNING.remove(stop);
    }
}
