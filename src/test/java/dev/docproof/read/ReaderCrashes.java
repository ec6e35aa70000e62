package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What counts as a reader crash, how a crashing input is made small, and where it is kept. A crash is
 * an exception out of reading or planning, a reader's own failure caught by its safety net (the input
 * was still read, but only thanks to the net), or a diagnostic placed outside the file.
 */
public final class ReaderCrashes {

    /** Every crash found is kept here, one file per input, and read again by every test run. */
    static final Path CORPUS = Path.of("src/test/resources/read/fuzz-corpus");

    /** Where a run that finds a new crash writes it, to be added to {@link #CORPUS} with its fix. */
    static final Path FOUND = Path.of("target/fuzz-crashes");

    private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");

    private ReaderCrashes() {}

    /** What went wrong reading (and planning) these bytes, if anything. */
    public static Optional<String> check(Lesson.Format format, byte[] bytes) {
        Path file = Path.of("fuzz." + LessonMutator.extension(format));
        Lesson lesson;
        Plan plan;
        try {
            lesson = LessonFiles.read(file, format, bytes);
            plan = Planner.plan(lesson);
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.of("threw " + e);
        }
        // Line ends as the readers count them: \r\n, \r or \n.
        String text = new String(bytes, StandardCharsets.UTF_8);
        int lastLine = 1 + (int) LINE_END.matcher(text).results().count();
        for (Diagnostic d : plan.diagnostics()) {
            if (ReaderFailure.isFailure(d)) {
                return Optional.of(d.toString());
            }
            if (d.span().line() < 1 || d.span().line() > lastLine + 1 || d.span().column() < 1) {
                return Optional.of("diagnostic outside the file (" + lastLine + " lines): " + d);
            }
        }
        return Optional.empty();
    }

    /** A smaller input that still crashes: whole lines dropped first, then single characters. */
    public static byte[] minimize(Lesson.Format format, byte[] bytes) {
        Predicate<String> crashes = text -> check(format, text.getBytes(StandardCharsets.UTF_8)).isPresent();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!crashes.test(text)) {
            return bytes; // the crash needs the bytes that are not UTF-8: keep them as they are
        }
        text = shrink(text, crashes, true);
        text = shrink(text, crashes, false);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String shrink(String text, Predicate<String> crashes, boolean byLine) {
        List<String> parts = new ArrayList<>(byLine ? List.of(text.split("(?<=\n)")) : splitChars(text));
        boolean progress = true;
        int budget = 5_000;
        while (progress && budget > 0) {
            progress = false;
            for (int i = 0; i < parts.size() && budget-- > 0; i++) {
                List<String> without = new ArrayList<>(parts);
                without.remove(i);
                if (crashes.test(String.join("", without))) {
                    parts = without;
                    progress = true;
                    i--;
                }
            }
        }
        return String.join("", parts);
    }

    private static List<String> splitChars(String text) {
        return text.codePoints().mapToObj(Character::toString).toList();
    }

    /** Writes a crashing input under {@link #FOUND}, named by its hash; returns the file. */
    public static Path keep(Lesson.Format format, byte[] bytes) {
        try {
            Files.createDirectories(FOUND);
            Path file = FOUND.resolve(name(format, bytes));
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the crashing input: " + e.getMessage(), e);
        }
    }

    static String name(Lesson.Format format, byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "crash-" + HexFormat.of().formatHex(hash, 0, 6) + "." + LessonMutator.extension(format);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
