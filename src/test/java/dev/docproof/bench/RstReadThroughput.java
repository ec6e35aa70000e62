package dev.docproof.bench;

import dev.docproof.lesson.Lesson;
import dev.docproof.read.RstReader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Measures how fast {@link RstReader} reads a corpus of course pages: the real lesson, the RST test
 * fixtures and generated pages in the same style, at least 5 MB in all. Prints MB/s per round.
 * Usage: RstReadThroughput [lesson-file] [fixture-dir] [megabytes] [rounds]
 */
public final class RstReadThroughput {

    public static void main(String[] args) throws IOException {
        Path lesson = Path.of(args.length > 0 ? args[0] : "content/docker-networking.rst");
        Path fixtures = Path.of(args.length > 1 ? args[1] : "src/test/resources/rst");
        int megabytes = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;

        List<String> pages = corpus(lesson, fixtures, megabytes * 1_000_000L);
        long bytes = 0;
        for (String page : pages) {
            bytes += page.getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf("corpus: %d pages, %.2f MB%n", pages.size(), bytes / 1e6);

        RstReader reader = new RstReader();
        long sink = 0;
        for (int warm = 0; warm < 10; warm++) {
            sink += readAll(reader, pages);
        }
        // Wall time, the reader thread's CPU time and the whole process's CPU time (GC and JIT included):
        // on a shared, loaded machine wall time mostly measures the neighbours, CPU time the reader.
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean thread = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] wallRates = new double[rounds];
        double[] threadRates = new double[rounds];
        double[] processRates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long processStart = os.getProcessCpuTime();
            long threadStart = thread.getCurrentThreadCpuTime();
            long allocatedStart = thread.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            sink += readAll(reader, pages);
            double wall = (System.nanoTime() - start) / 1e9;
            double threadCpu = (thread.getCurrentThreadCpuTime() - threadStart) / 1e9;
            double processCpu = (os.getProcessCpuTime() - processStart) / 1e9;
            double allocated = (thread.getCurrentThreadAllocatedBytes() - allocatedStart) / 1e6;
            wallRates[round] = bytes / 1e6 / wall;
            threadRates[round] = bytes / 1e6 / threadCpu;
            processRates[round] = bytes / 1e6 / processCpu;
            System.out.printf("round %2d: %6.1f MB/s wall, %6.1f MB/s reader-thread cpu, %6.1f MB/s process cpu, %.0f MB allocated%n",
                    round + 1, wallRates[round], threadRates[round], processRates[round], allocated);
        }
        Arrays.sort(wallRates);
        Arrays.sort(threadRates);
        Arrays.sort(processRates);
        System.out.printf("median: %.1f MB/s wall, %.1f MB/s reader-thread cpu, %.1f MB/s process cpu"
                + " (load average %.1f on %d cpus; nodes read: %d)%n",
                wallRates[rounds / 2], threadRates[rounds / 2], processRates[rounds / 2],
                os.getSystemLoadAverage(), os.getAvailableProcessors(), sink);
        hostile(reader, thread);
    }

    /** Hostile input (unclosed start-strings everywhere, one huge paragraph) must stay linear too. */
    private static void hostile(RstReader reader, ThreadMXBean thread) {
        String text = "``a *b [c |d `e :r:`f _`g ".repeat(40_000);
        for (int warm = 0; warm < 3; warm++) {
            reader.read(Path.of("hostile.rst"), text);
        }
        long start = thread.getCurrentThreadCpuTime();
        Lesson lesson = reader.read(Path.of("hostile.rst"), text);
        double seconds = (thread.getCurrentThreadCpuTime() - start) / 1e9;
        System.out.printf("hostile paragraph: %.2f MB in %.3f s reader-thread cpu (%.1f MB/s), %d diagnostics%n",
                text.length() / 1e6, seconds, text.length() / 1e6 / seconds, lesson.diagnostics().size());
    }

    private static long readAll(RstReader reader, List<String> pages) {
        long nodes = 0;
        for (int i = 0; i < pages.size(); i++) {
            Lesson lesson = reader.read(Path.of("page-" + i + ".rst"), pages.get(i));
            nodes += lesson.nodes().size() + lesson.diagnostics().size();
        }
        return nodes;
    }

    /** Real pages first, then generated ones until the corpus holds {@code target} characters. */
    static List<String> corpus(Path lesson, Path fixtures, long target) throws IOException {
        List<String> real = new ArrayList<>();
        real.add(Files.readString(lesson));
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".rst")).sorted().toList()) {
                real.add(Files.readString(p));
            }
        }
        List<String> pages = new ArrayList<>(real);
        long size = 0;
        for (String page : pages) {
            size += page.length();
        }
        Random random = new Random(7);
        int n = 0;
        while (size < target) {
            // every fourth page is a real one again, the rest are generated in the lesson's style
            String page = n % 4 == 0 ? real.get(n / 4 % real.size()) : generatedPage(random, n);
            pages.add(page);
            size += page.length();
            n++;
        }
        return pages;
    }

    /** {@code count} generated course pages, the same for the same seed (also read by the oracle test). */
    public static List<String> generatedPages(int count, long seed) {
        Random random = new Random(seed);
        List<String> pages = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            pages.add(generatedPage(random, n));
        }
        return pages;
    }

    private static final String[] WORDS = ("container network bridge alias host port image volume service"
            + " request server client process machine address resolve inspect create connect remove default"
            + " custom driver subnet database publish expose localhost the a of to and in on with for by").split(" ");

    private static String sentence(Random r) {
        StringBuilder sb = new StringBuilder();
        int words = 8 + r.nextInt(14);
        for (int w = 0; w < words; w++) {
            String word = WORDS[r.nextInt(WORDS.length)];
            if (w > 0) {
                sb.append(' ');
            }
            switch (r.nextInt(14)) {
                case 0 -> sb.append("``").append(word).append(" --").append(WORDS[r.nextInt(WORDS.length)]).append("``");
                case 1 -> sb.append('*').append(word).append('*');
                case 2 -> sb.append("**").append(word).append(" ").append(WORDS[r.nextInt(WORDS.length)]).append("**");
                case 3 -> sb.append('`').append(word).append(" <https://docs.example.com/").append(word).append("/>`_");
                case 4 -> sb.append(":ref:`").append(word).append('`');
                default -> sb.append(word);
            }
        }
        return sb.append('.').toString();
    }

    private static String paragraph(Random r) {
        StringBuilder sb = new StringBuilder();
        int sentences = 2 + r.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            sb.append(sentence(r)).append(s % 2 == 1 ? "\n" : " ");
        }
        return sb.toString().strip() + "\n\n";
    }

    private static String codeBlock(Random r) {
        StringBuilder sb = new StringBuilder(".. code:: bash\n\n");
        int commands = 1 + r.nextInt(5);
        for (int c = 0; c < commands; c++) {
            sb.append("  # ").append(sentence(r)).append('\n');
            sb.append("  $ docker ").append(WORDS[r.nextInt(WORDS.length)]).append(" --name ")
                    .append(WORDS[r.nextInt(WORDS.length)]).append("-").append(c).append(" <network name>\n\n");
        }
        return sb.toString();
    }

    private static String generatedPage(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        sb.append(".. _page-").append(n).append(":\n\n");
        String title = "Lesson " + n + ": " + WORDS[r.nextInt(WORDS.length)] + " networking";
        sb.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
        int sections = 3 + r.nextInt(4);
        for (int s = 0; s < sections; s++) {
            String sub = "Part " + s + " " + WORDS[r.nextInt(WORDS.length)];
            sb.append(sub).append('\n').append((s % 2 == 0 ? "-" : "~").repeat(sub.length())).append("\n\n");
            int blocks = 4 + r.nextInt(8);
            for (int b = 0; b < blocks; b++) {
                switch (r.nextInt(8)) {
                    case 0, 1, 2 -> sb.append(paragraph(r));
                    case 3, 4 -> sb.append(paragraph(r)).append(codeBlock(r));
                    case 5 -> sb.append(".. ").append(r.nextBoolean() ? "note" : "tip").append("::\n\n  ")
                            .append(paragraph(r).replace("\n", "\n  ").strip()).append("\n\n");
                    case 6 -> {
                        for (int i = 0; i < 3 + r.nextInt(4); i++) {
                            sb.append("* ").append(sentence(r)).append('\n');
                        }
                        sb.append('\n');
                    }
                    default -> {
                        sb.append("#. Step::\n\n     $ docker ps\n\n#. ").append(sentence(r)).append("\n\n");
                        sb.append("=======  ==========\nName     Value\n=======  ==========\nport     8080\nhost     server\n=======  ==========\n\n");
                    }
                }
            }
        }
        return sb.toString();
    }
}
