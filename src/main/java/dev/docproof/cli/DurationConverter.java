package dev.docproof.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;

/** A step deadline as users write it: 90 (seconds), 30s, 2m, 500ms, 1h; at least one millisecond. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Duration duration;
        try {
            if (v.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("h")) {
                duration = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                duration = Duration.ofSeconds(Long.parseLong(v));
            }
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (try 90, 30s, 2m or 500ms)");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new CommandLine.TypeConversionException("a step needs some time: '" + value + "' is not above zero");
        }
        return duration;
    }
}
