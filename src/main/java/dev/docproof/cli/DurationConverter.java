package dev.docproof.cli;

import dev.docproof.lesson.Durations;
import picocli.CommandLine;

import java.time.Duration;

/** A step deadline as users write it: 90 (seconds), 30s, 2m, 500ms, 1h; from a millisecond to a day. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.deadline(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
