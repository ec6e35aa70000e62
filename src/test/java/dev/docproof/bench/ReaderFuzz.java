package dev.docproof.bench;

import dev.docproof.lesson.Lesson;
import dev.docproof.read.LessonMutator;
import dev.docproof.read.ReaderCrashes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The long fuzz run of one reader: reads and plans COUNT mutated lessons (seeded, so a run can be
 * repeated), keeps each distinct crash, made small, under target/fuzz-crashes, and prints how many ran,
 * how fast, the slowest input (kept in target/fuzz-slowest.EXT) and the crashes. Usage: ReaderFuzz rst|md|adoc COUNT [SEED]
 *
 * <p>The reader is started before the clock (a first AsciiDoc read boots asciidoctorj's JRuby, seconds), so
 * that the slowest input is slow for what it holds, not for coming first.
 */
public final class ReaderFuzz {

    public static void main(String[] args) throws IOException {
        Lesson.Format format = switch (args[0]) {
            case "rst" -> Lesson.Format.RST;
            case "md" -> Lesson.Format.MARKDOWN;
            case "adoc" -> Lesson.Format.ASCIIDOC;
            default -> throw new IllegalArgumentException("format: rst, md or adoc");
        };
        long count = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        LessonMutator mutator = LessonMutator.forFormat(format);
        Random random = new Random(seed);
        Map<String, Path> crashes = new LinkedHashMap<>();
        long startUp = System.nanoTime();
        ReaderCrashes.check(format, "Title\n".getBytes(StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "reader started in %.0f ms (not counted)%n", (System.nanoTime() - startUp) / 1e6);
        long slowest = 0;
        long slowestInput = 0;
        byte[] slowestBytes = new byte[0];
        long bytes = 0;
        long start = System.nanoTime();
        for (long n = 1; n <= count; n++) {
            byte[] lesson = mutator.next(random);
            bytes += lesson.length;
            long t0 = System.nanoTime();
            Optional<String> crash = ReaderCrashes.check(format, lesson);
            long took = System.nanoTime() - t0;
            if (took > slowest) {
                slowest = took;
                slowestInput = n;
                slowestBytes = lesson;
            }
            if (crash.isPresent()) {
                String kind = crash.get().replaceAll("\\d+", "N"); // one entry per kind of crash, wherever it is
                if (!crashes.containsKey(kind)) {
                    Path kept = ReaderCrashes.keep(format, ReaderCrashes.minimize(format, lesson));
                    crashes.put(kind, kept);
                    System.out.println("crash at input " + n + ": " + kind + " -> " + kept);
                }
            }
            if (n % 100_000 == 0) {
                System.out.printf(Locale.ROOT, "%d inputs, %.0f s%n", n, (System.nanoTime() - start) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d inputs (%.1f MB, seed %d) in %.0f s, %.0f inputs/s, slowest %.1f ms"
                        + " (input %d); %d distinct crashes%n", mutator, count, bytes / 1e6, seed, seconds, count / seconds,
                slowest / 1e6, slowestInput, crashes.size());
        crashes.forEach((kind, file) -> System.out.println("  " + file + ": " + kind));
        Path slowestFile = Path.of("target/fuzz-slowest." + LessonMutator.extension(format));
        Files.write(slowestFile, slowestBytes);
        System.out.println("slowest input kept in " + slowestFile);
    }
}
