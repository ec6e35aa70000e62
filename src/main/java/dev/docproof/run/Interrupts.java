package dev.docproof.run;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: the step that runs is stopped, the lesson cleans up as after any
 * step, the steps and lessons not reached are not run, and every report is still written. The command line
 * catches the signal and calls {@link #request}; a run asks {@link #requested} between steps.
 */
public final class Interrupts {

    /** The signal that asked the run to stop, with the exit status a shell gives a process it ended. */
    public enum Signal {
        INT(130), TERM(143);

        private final int exitStatus;

        Signal(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        public int exitStatus() {
            return exitStatus;
        }
    }

    private static final AtomicReference<Signal> REQUESTED = new AtomicReference<>();
    /** What stops the step that runs now (the running lesson's shell session); null between steps. */
    private static final AtomicReference<Runnable> STOP_CURRENT = new AtomicReference<>();

    private Interrupts() {}

    /** Asks the run to stop; the first signal counts. */
    public static void request(Signal signal) {
        if (REQUESTED.compareAndSet(null, signal)) {
            Runnable stop = STOP_CURRENT.get();
            if (stop != null) {
                stop.run();
            }
        }
    }

    /** The signal that asked the run to stop, or null. */
    public static Signal requested() {
        return REQUESTED.get();
    }

    /** While a lesson runs, {@code stop} ends its running step should a signal come. */
    static void whileRunning(Runnable stop) {
        STOP_CURRENT.set(stop);
        if (REQUESTED.get() != null) {
            stop.run();
        }
    }

    static void doneRunning() {
        STOP_CURRENT.set(null);
    }
}
