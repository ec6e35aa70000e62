package dev.docproof.run;

import dev.docproof.docker.Engine;
import dev.docproof.docker.LessonEngine;
import dev.docproof.testsupport.TestEngine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Where `docproof check` spends time besides the lesson's own commands: engine client set-up, shell
 * start, the per-step cost of the session's framing, the lesson's engine (locks, run folder, proxy) and its
 * one listing for the name check, and an engine call through the proxy against one straight to the engine.
 * Run by bench/check-overhead.sh.
 */
public final class CheckOverheadBench {

    private CheckOverheadBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long t = System.nanoTime();
        Engine engine = TestEngine.ready();
        print("engine client set-up", System.nanoTime() - t);

        long[] opens = new long[n];
        long[] viaProxy = new long[n];
        long[] direct = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            try (LessonEngine owned = LessonEngine.open(engine, "bench.md", java.util.List.of())) {
                owned.ledger().begin();
                opens[i] = System.nanoTime() - s;
                s = System.nanoTime();
                new ProcessBuilder("docker", "network", "ls", "-q").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectErrorStream(true).start().waitFor();
                direct[i] = System.nanoTime() - s;
                ProcessBuilder proxied = new ProcessBuilder("docker", "network", "ls", "-q")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
                proxied.environment().put("DOCKER_HOST", owned.dockerHost());
                s = System.nanoTime();
                proxied.start().waitFor();
                viaProxy[i] = System.nanoTime() - s;
            }
        }
        print("lesson engine open + name-check listing (median of " + n + ")", median(opens));
        print("`docker network ls` straight to the engine (median of " + n + ")", median(direct));
        print("`docker network ls` through the lesson's proxy (median of " + n + ")", median(viaProxy));

        t = System.nanoTime();
        try (ShellSession session = ShellSession.start(Path.of("/tmp"))) {
            print("shell session start", System.nanoTime() - t);
            long[] steps = new long[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                session.run("true", Duration.ofSeconds(10));
                steps[i] = System.nanoTime() - s;
            }
            print("step `true`, framing included (median of " + n + ")", median(steps));
            long[] bare = new long[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                new ProcessBuilder("bash", "-c", "true").start().waitFor();
                bare[i] = System.nanoTime() - s;
            }
            print("plain `bash -c true` process, for scale (median of " + n + ")", median(bare));
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void print(String what, long nanos) {
        System.out.printf("%-60s %8.2f ms%n", what, nanos / 1e6);
    }
}
