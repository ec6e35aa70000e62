package dev.docproof.lesson;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How this run turns file names into text and back: Java 17 takes the charset from the locale (LC_ALL, LC_CTYPE,
 * LANG), and under the C or POSIX locale it is ASCII, so a lesson named {@code ñandú.md} reads as {@code ��and��.md}:
 * two such names read alike, and a report written so cannot name the file again, here or in a UTF-8 locale.
 */
public final class FileNameCharset {

    private FileNameCharset() {}

    /** The charset of file names, as the JVM took it from the locale. */
    public static String name() {
        return System.getProperty("sun.jnu.encoding", "UTF-8");
    }

    /**
     * Whether reports may name {@code path} otherwise than a run in a UTF-8 locale does: its name is not ASCII, and
     * this run does not read file names as UTF-8.
     */
    public static boolean mayBeMisread(Path path) {
        return !name().equalsIgnoreCase("UTF-8") && !path.toString().chars().allMatch(c -> c < 0x80);
    }

    /** What to do about a name this locale may misread. */
    public static String advice() {
        return "run docproof in a UTF-8 locale (export LC_ALL=C.UTF-8), the same for every shard and the merge";
    }

    /** The path {@code text} names; empty when no file here can have that name (a NUL, or what the locale cannot hold). */
    public static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException noSuchName) {
            return Optional.empty();
        }
    }
}
