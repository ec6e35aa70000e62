package dev.docproof.site;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Numbers and times as pages show them. */
final class Format {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Format() {}

    static String millis(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String duration(Duration duration) {
        return duration == null ? "" : millis(duration.toMillis());
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
