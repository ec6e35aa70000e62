package dev.docproof.docker;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * Who owns what one lesson run creates on an engine: the run's id, the process that runs it (pid and its
 * start, so a reused pid is not taken for the owner) and the machine. Every resource the run creates
 * carries these as labels; they are how its resources are told apart from anyone else's, and how a later
 * run recognises the leftovers of a run whose process is gone.
 *
 * @param lesson the lesson's path as the user named it, for messages
 */
public record RunOwner(String runId, long pid, Instant processStarted, String host, Instant started, String lesson) {

    public static final String RUN = "dev.docproof.run";
    public static final String PID = "dev.docproof.owner.pid";
    public static final String PROCESS_STARTED = "dev.docproof.owner.started";
    public static final String HOST = "dev.docproof.owner.host";
    public static final String STARTED = "dev.docproof.run.started";
    public static final String LESSON = "dev.docproof.lesson";
    /** On an image the lesson built or committed: the line of the step that made it (an image has no create to follow). */
    public static final String MADE_AT = "dev.docproof.made-at-line";

    /** A new run of {@code lesson} owned by this process. */
    public static RunOwner of(String lesson) {
        ProcessHandle self = ProcessHandle.current();
        return new RunOwner(UUID.randomUUID().toString(), self.pid(), startOf(self).orElse(Instant.EPOCH),
                hostName(), Instant.now().truncatedTo(ChronoUnit.MILLIS), lesson);
    }

    /** The labels every resource of this run carries. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RUN, runId);
        labels.put(PID, Long.toString(pid));
        labels.put(PROCESS_STARTED, processStarted.toString());
        labels.put(HOST, host);
        labels.put(STARTED, started.toString());
        labels.put(LESSON, lesson);
        return labels;
    }

    /** The owner a resource's labels name; empty when they are not a docproof run's (or are damaged). */
    public static Optional<RunOwner> fromLabels(Map<String, String> labels) {
        if (labels == null || labels.get(RUN) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunOwner(labels.get(RUN), Long.parseLong(labels.getOrDefault(PID, "")),
                    Instant.parse(labels.getOrDefault(PROCESS_STARTED, "")), labels.getOrDefault(HOST, ""),
                    Instant.parse(labels.getOrDefault(STARTED, "")), labels.getOrDefault(LESSON, "")));
        } catch (RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /** Writes the owner into {@code file}, where {@link #readFrom} reads it again. */
    void writeTo(Path file) throws IOException {
        Properties p = new Properties();
        p.putAll(labels());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "docproof run owner");
        }
    }

    /** The owner {@code file} names; empty when it cannot be read or is damaged. */
    static Optional<RunOwner> readFrom(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> labels.put(k, p.getProperty(k)));
        return fromLabels(labels);
    }

    /** Whether the owner is known to be gone, still runs, or ran on another machine and cannot be told from here. */
    public enum Liveness { GONE, RUNNING, ELSEWHERE }

    /**
     * Whether the owner is known to be gone: it ran on this machine and no process with its pid and start
     * time lives. A run of another machine is never judged from here: its process cannot be seen.
     */
    public boolean ownerGone() {
        return liveness() == Liveness.GONE;
    }

    public Liveness liveness() {
        if (!host.equals(hostName())) {
            return Liveness.ELSEWHERE;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isEmpty() || !process.get().isAlive()
                || startOf(process.get()).map(s -> Duration.between(s, processStarted).abs().compareTo(SAME_START) > 0)
                .orElse(false) ? Liveness.GONE : Liveness.RUNNING;
    }

    /**
     * How far apart two readings of one process's start may be. The start instant is the machine's boot time plus the
     * process's age at start, and the boot time is read from the wall clock as it is now: when the clock is adjusted, a
     * process read by another run can seem to have started a second, or a few, earlier or later. A process that took
     * the owner's pid, which only comes round again after every other pid, never starts within seconds of the owner.
     */
    private static final Duration SAME_START = Duration.ofSeconds(5);

    /** e.g. "pid 4242 on build-7, started 2026-12-01T21:40:03Z, lesson content/x.rst". */
    public String describe() {
        return "pid " + pid + " on " + host + ", started " + started + ", lesson " + lesson;
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        // Truncated: the start instant is derived from clock ticks and can differ below the millisecond.
        return process.info().startInstant().map(i -> i.truncatedTo(ChronoUnit.SECONDS));
    }

    private static final String HOST_NAME = lookUpHostName();

    static String hostName() {
        return HOST_NAME;
    }

    private static String lookUpHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }
}
