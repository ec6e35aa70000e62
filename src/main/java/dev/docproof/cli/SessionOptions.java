package dev.docproof.cli;

import dev.docproof.run.Isolation;
import dev.docproof.run.RunSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how each lesson's session runs, the same for every command that runs lessons ({@code check},
 * {@code site}, {@code fix}, {@code preview --run}): a lesson that {@code check} ran in a sandbox is never run on
 * this machine by another command without being told to.
 */
final class SessionOptions {

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
            description = "Deadline of each step: 90, 30s, 2m, 500ms (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-output", paramLabel = "SIZE", converter = SizeConverter.class, defaultValue = "1MB",
            description = "Output a step keeps, in memory and on the page: 1MB, 500kB, 20000 (default: ${DEFAULT-VALUE});"
                    + " the rest is counted and dropped, with a note.")
    long maxOutput;

    @Option(names = "--isolation", paramLabel = "WHERE", converter = IsolationConverter.class,
            defaultValue = "sandbox", description = "Where each lesson runs: sandbox (its own disposable Docker engine"
            + " and files) or host (this machine and its engine, one lesson at a time) (default: ${DEFAULT-VALUE}).")
    Isolation isolation;

    @Option(names = "--jobs", paramLabel = "N", description = "How many lessons run at once, each in its own sandbox"
            + " (default: the number of cores).")
    Integer jobs;

    @Option(names = "--sandbox-memory", paramLabel = "SIZE", converter = SizeConverter.Memory.class,
            description = "Memory each lesson's sandbox may use, its containers included: 2GB, 500MB (default: its even"
                    + " part, among --jobs lessons, of three quarters of the engine machine's memory).")
    Long sandboxMemory;

    @Option(names = "--min-free-disk", paramLabel = "SIZE", converter = SizeConverter.Disk.class, defaultValue = "1GB",
            description = "Free space kept on this machine's disks a lesson writes to (its folders, the engine's"
                    + " storage): a step that brings one under it is stopped and its lesson ends there; 0 turns this off"
                    + " (default: ${DEFAULT-VALUE}).")
    long minFreeDisk;

    RunSettings settings(Path contentDir, boolean failFast, boolean repair, boolean showSecrets) {
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        return new RunSettings(timeout, failFast, repair, contentDir, maxOutput, showSecrets, null, isolation, n,
                sandboxMemory == null ? 0 : sandboxMemory, minFreeDisk);
    }

    /** Null when the options fit together; else what is wrong, for a usage error. */
    String problem() {
        if (jobs != null && jobs < 1) {
            return "--jobs must be at least 1, not " + jobs;
        }
        if (jobs != null && jobs > 1 && isolation == Isolation.HOST) {
            return "--jobs " + jobs + " runs lessons at once, each in its own sandbox; with --isolation host they run"
                    + " one at a time on this machine: drop --jobs, or drop --isolation host";
        }
        return null;
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
}
