package dev.docproof.docker;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition by asking it again and again until a deadline; never a fixed sleep. */
final class Poll {

    private static final long INTERVAL_NANOS = Duration.ofMillis(100).toNanos();

    private Poll() {}

    /** True as soon as {@code condition} holds; false when {@code timeout} passes first. */
    static boolean until(Duration timeout, BooleanSupplier condition) {
        return until(timeout, Duration.ofNanos(INTERVAL_NANOS), condition);
    }

    /** As {@link #until(Duration, BooleanSupplier)}, asking every {@code interval}. */
    static boolean until(Duration timeout, Duration interval, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(interval.toNanos());
        }
    }
}
