package dev.docproof.run;

import dev.docproof.docker.Ledger;
import dev.docproof.docker.LedgerTestEngine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Where `docproof check` spends time besides the lesson's own commands: engine client set-up, shell
 * start, the per-step cost of the session's framing, and one ledger snapshot. Run by bench/check-overhead.sh.
 */
public final class CheckOverheadBench {

    private CheckOverheadBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long t = System.nanoTime();
        Ledger ledger = new Ledger(LedgerTestEngine.client());
        ledger.snapshot();
        print("engine client set-up + first snapshot", System.nanoTime() - t);

        long[] snapshots = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            ledger.snapshot();
            snapshots[i] = System.nanoTime() - s;
        }
        print("ledger snapshot (median of " + n + ")", median(snapshots));

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
