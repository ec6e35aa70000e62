package dev.docproof.lesson;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way every report writes a duration ({@code 250 ms}, {@code 4.1s}), and the one way a step's deadline
 * is read, wherever it is written (an option, a marker, {@code docproof.yml}).
 */
public final class Durations {

    /** The longest deadline a step may have (the clocks deadlines are counted on overflow far beyond it). */
    private static final Duration LONGEST_DEADLINE = Duration.ofHours(24);

    private static final Pattern DEADLINE = Pattern.compile("(\\d{1,18})(ms|s|m|h)?");

    private Durations() {}

    /**
     * A step's deadline as users write it: 90 (seconds), 30s, 2m, 500ms, 1h; above zero and at most a day.
     *
     * @throws IllegalArgumentException saying why {@code text} is no deadline
     */
    public static Duration deadline(String text) {
        Matcher m = DEADLINE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (try 90, 30s, 2m or 500ms)");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofSeconds(Math.min(n, Long.MAX_VALUE / 3600) * 60);
            case "h" -> Duration.ofSeconds(Math.min(n, Long.MAX_VALUE / 3600) * 3600);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("a step needs some time: '" + text + "' is not above zero");
        }
        if (d.compareTo(LONGEST_DEADLINE) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than a step may run: give at most 24h");
        }
        return d;
    }

    public static String format(Duration duration) {
        long millis = duration == null ? 0 : duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
