package dev.docproof.read;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a reader on a thread with a deep stack. The parsers docproof reads through (flexmark, asciidoctor on
 * JRuby) recurse once per level of nesting, so a hostile lesson (a line of 5000 {@code > } or {@code - }, 300
 * nested example blocks) would overflow an ordinary thread's stack and lose the whole lesson; with this one
 * they read it, and docproof's own readers keep what is deeper than any real page as text.
 */
final class DeepStack {

    /** Reserved, not committed: only what a deep document touches is ever used. */
    private static final long STACK_BYTES = 512L * 1024 * 1024;

    private DeepStack() {}

    /** {@code work}'s result, or what it threw, thrown here. */
    static <T> T call(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }, "docproof-reader", STACK_BYTES);
        reader.setDaemon(true);
        reader.start();
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the read is short and bounded: finish it, then pass the interrupt on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException r) {
            throw r;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        return result.get();
    }
}
