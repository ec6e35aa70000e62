package dev.docproof.bench;

import dev.docproof.lesson.Lesson;
import dev.docproof.read.LessonMutator;
import dev.docproof.read.ReaderCrashes;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The long fuzz run of one reader: reads and plans COUNT mutated lessons (seeded, so a run can be
 * repeated), keeps each distinct crash, made small, under target/fuzz-crashes, and prints how many ran,
 * how fast, the slowest input and the crashes. Usage: ReaderFuzz rst|md|adoc COUNT [SEED]
 */
public final class ReaderFuzz {

    public static void main(String[] args) {
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
        long slowest = 0;
        long bytes = 0;
        long start = System.nanoTime();
        for (long n = 1; n <= count; n++) {
            byte[] lesson = mutator.next(random);
            bytes += lesson.length;
            long t0 = System.nanoTime();
            Optional<String> crash = ReaderCrashes.check(format, lesson);
            slowest = Math.max(slowest, System.nanoTime() - t0);
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
        System.out.printf(Locale.ROOT, "%s: %d inputs (%.1f MB, seed %d) in %.0f s, %.0f inputs/s, slowest %.1f ms;"
                        + " %d distinct crashes%n", mutator, count, bytes / 1e6, seed, seconds, count / seconds,
                slowest / 1e6, crashes.size());
        crashes.forEach((kind, file) -> System.out.println("  " + file + ": " + kind));
    }
}
