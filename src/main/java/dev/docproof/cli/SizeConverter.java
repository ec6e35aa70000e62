package dev.docproof.cli;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An amount of output as users write it: 20000 (bytes), 500kB, 1MB, 2m, 1GB; from a kilobyte to 100MB ({@link Memory}: of memory, {@link Disk}: of disk). */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {

    /** The most output a step may keep. */
    private static final long MOST_OUTPUT = 100_000_000;

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|m|mb|g|gb)?");

    @Override
    public Long convert(String value) {
        long bytes = bytes(value);
        if (bytes < 1000) {
            throw new CommandLine.TypeConversionException("'" + value + "' keeps too little output: give at least 1kB");
        }
        if (bytes > MOST_OUTPUT) {
            // Each stream and both merged are held at once, and again by every report: more would not fit in memory.
            throw new CommandLine.TypeConversionException("'" + value + "' keeps more output than docproof can hold"
                    + " and show: give at most 100MB");
        }
        return bytes;
    }

    /** The memory a sandbox may use: at least what the engine accepts for a container. */
    static final class Memory implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long bytes = bytes(value);
            if (bytes < 6_000_000) {
                throw new CommandLine.TypeConversionException("'" + value + "' is too little memory for a sandbox,"
                        + " which runs a Docker engine: give at least 6MB (say 2GB)");
            }
            return bytes;
        }
    }

    /** The free space kept on a disk: any size, 0 for none. */
    static final class Disk implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return bytes(value);
        }
    }

    private static long bytes(String value) {
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size (try 1MB, 500kB or 20000)");
        }
        long unit = switch (m.group(2) == null ? "b" : m.group(2)) {
            case "k", "kb" -> 1_000L;
            case "m", "mb" -> 1_000_000L;
            case "g", "gb" -> 1_000_000_000L;
            default -> 1L;
        };
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large a size");
        }
        return bytes;
    }
}
