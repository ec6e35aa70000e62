package dev.docproof.site;

import dev.docproof.lesson.Durations;

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
        return Durations.format(Duration.ofMillis(millis));
    }

    static String duration(Duration duration) {
        return duration == null ? "" : Durations.format(duration);
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
