package dev.docproof.cli;

import dev.docproof.report.ConsoleReport;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Keeps the live progress line's clock moving while a long step runs. */
final class Progress {

    private Progress() {}

    static <T> T whileRunning(ConsoleReport console, boolean terminal, Supplier<T> work) {
        if (!terminal) {
            return work.get();
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "docproof-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(console::tick, 200, 200, TimeUnit.MILLISECONDS);
        try {
            return work.get();
        } finally {
            ticker.shutdownNow();
        }
    }
}
