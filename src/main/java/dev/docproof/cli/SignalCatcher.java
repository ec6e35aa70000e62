package dev.docproof.cli;

import dev.docproof.run.Interrupts;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * While lessons run, the first Ctrl-C (SIGINT), SIGTERM or SIGHUP (its terminal closed) asks the run to stop and report (see
 * {@link Interrupts}) instead of ending the JVM; a second one ends it at once, saying so, its shutdown hooks still
 * ending the shell and removing what the lesson created, and nothing more printed or written (see
 * {@link Interrupts#abandon}). One catcher covers a command from its run to its last report: installing one inside it
 * changes nothing.
 */
final class SignalCatcher implements AutoCloseable {

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final AtomicBoolean caught = new AtomicBoolean();

    private SignalCatcher() {}

    /** Installed and not yet closed: a catcher installed inside it (a run inside a site's) leaves it in charge. */
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private boolean owner;

    static SignalCatcher install() {
        SignalCatcher catcher = new SignalCatcher();
        if (INSTALLED.compareAndSet(false, true)) {
            catcher.owner = true;
            catcher.catchSignal("INT", Interrupts.Signal.INT);
            catcher.catchSignal("TERM", Interrupts.Signal.TERM);
            catcher.catchSignal("HUP", Interrupts.Signal.HUP);
        }
        return catcher;
    }

    private void catchSignal(String name, Interrupts.Signal as) {
        try {
            Signal signal = new Signal(name);
            previous.put(signal, Signal.handle(signal, s -> {
                if (caught.compareAndSet(false, true)) {
                    Interrupts.request(as);
                } else {
                    endAtOnce(as);
                }
            }));
        } catch (IllegalArgumentException unavailable) {
            // the JVM keeps this signal for itself (-Xrs) or the platform lacks it: it ends the run as before
        }
    }

    private void endAtOnce(Interrupts.Signal as) {
        Interrupts.abandon(as);
        System.err.println("docproof: SIG" + as + " again: ending at once, without reports; what the run made is"
                + " removed on the way out");
        System.err.flush();
        restore(); // a third signal is the JVM's own
        System.exit(as.exitStatus());
    }

    private synchronized void restore() {
        previous.forEach(Signal::handle);
        previous.clear();
    }

    @Override
    public void close() {
        restore();
        if (owner) {
            INSTALLED.set(false);
        }
    }
}
