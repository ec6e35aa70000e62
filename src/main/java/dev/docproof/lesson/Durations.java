package dev.docproof.lesson;

import java.time.Duration;
import java.util.Locale;

/** The one way every report writes a duration: {@code 250 ms}, {@code 4.1s}. */
public final class Durations {

    private Durations() {}

    public static String format(Duration duration) {
        long millis = duration == null ? 0 : duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
