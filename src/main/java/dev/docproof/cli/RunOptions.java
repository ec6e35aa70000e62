package dev.docproof.cli;

import dev.docproof.report.JsonReport;
import dev.docproof.run.CourseResult;
import dev.docproof.run.Interrupts;
import dev.docproof.run.Isolation;
import dev.docproof.run.Shard;
import dev.docproof.run.RunSettings;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/** How lessons are run and reported, shared by the commands that run them ({@code check}, {@code site}). */
final class RunOptions {

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
            description = "Deadline of each step: 90, 30s, 2m, 500ms (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--fail-fast", description = "Stop a lesson at its first failed step.")
    boolean failFast;

    @Option(names = "--strict",
            description = "Repairs, skipped steps, abridged samples and leaked resources count as failures.")
    boolean strict;

    @Option(names = "--show-secrets", description = "Show credential-looking values in step output unmasked;"
            + " refused where the CI variable is set, since reports there are shared.")
    boolean showSecrets;

    @Option(names = "--no-repair", description = "Do not repair failed steps from the engine's evidence.")
    boolean noRepair;

    @Option(names = "--max-output", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "1MB",
            description = "Output a step keeps, in memory and on the page: 1MB, 500kB, 20000 (default: ${DEFAULT-VALUE});"
                    + " the rest is counted and dropped, with a note.")
    long maxOutput;

    @Option(names = "--isolation", paramLabel = "WHERE", converter = IsolationConverter.class, defaultValue = "sandbox",
            description = "Where each lesson runs: sandbox (its own disposable Docker engine and files) or host (this"
                    + " machine and its engine, one lesson at a time) (default: ${DEFAULT-VALUE}).")
    Isolation isolation;

    @Option(names = "--jobs", paramLabel = "N", description = "How many lessons run at once, each in its own sandbox"
            + " (default: the number of cores).")
    Integer jobs;

    @Option(names = "--sandbox-memory", paramLabel = "SIZE", converter = SizeConverter.Memory.class,
            description = "Memory each lesson's sandbox may use, its containers included: 2GB, 500MB (default: its even"
                    + " part, among --jobs lessons, of three quarters of the engine machine's memory).")
    Long sandboxMemory;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardConverter.class,
            description = "Run only shard K of N: a stable share of the lessons, balanced by their runnable steps,"
                    + " for one of N CI runners.")
    Shard shard;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--junit", paramLabel = "DIR", description = "Also write JUnit XML reports into DIR.")
    Path junit;

    RunSettings settings(CourseInput input) {
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        return new RunSettings(timeout, failFast, !noRepair, input.contentDir(), maxOutput, showSecrets, null,
                isolation, n, sandboxMemory == null ? 0 : sandboxMemory);
    }

    /** Null when the options fit together; else what is wrong, for a usage error. */
    String problem() {
        return problem(System.getenv("CI"));
    }

    /** @param ci the CI variable as set, null when it is not */
    String problem(String ci) {
        if (jobs != null && jobs < 1) {
            return "--jobs must be at least 1, not " + jobs;
        }
        if (jobs != null && jobs > 1 && isolation == Isolation.HOST) {
            return "--jobs " + jobs + " runs lessons at once, each in its own sandbox; with --isolation host they run"
                    + " one at a time on this machine: drop --jobs, or drop --isolation host";
        }
        return showSecrets && ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")
                ? "--show-secrets is for a local run only, and CI is set: reports made here are shared" : null;
    }

    /** Reads sandbox or host, in any case. */
    static final class IsolationConverter implements picocli.CommandLine.ITypeConverter<Isolation> {
        @Override
        public Isolation convert(String value) {
            for (Isolation i : Isolation.values()) {
                if (i.name().equalsIgnoreCase(value.strip())) {
                    return i;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a kind of isolation: choose"
                    + " sandbox (each lesson in its own Docker engine) or host (this machine)");
        }
    }

    /** Reads K/N. */
    static final class ShardConverter implements picocli.CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            return Shard.parse(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not a shard: write K/N, shard K of N runners, with 1 <= K <= N (e.g. 2/4)"));
        }
    }

    /** Writes the JSON and JUnit reports asked for; false, after saying why on {@code err}, when one cannot be. */
    boolean writeReports(CourseResult result, PrintWriter err) {
        return ReportFiles.write(result, new JsonReport.Scope(shard, Interrupts.requested()), json, junit, err);
    }
}
