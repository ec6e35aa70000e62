package dev.docproof.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The memory a lesson's sandbox may use, all its processes and its engine's containers together, and how
 * often the kernel has had to kill one of them to keep it there. Unbounded, one lesson allocating without
 * end takes the memory of the machine every other lesson, docproof and the engine run on.
 */
public final class SandboxMemory {

    /** The share of the engine machine's memory all the lessons running at once may take together. */
    private static final double MACHINE_SHARE = 0.75;

    private SandboxMemory() {}

    /** A lesson's default bound: its even part, among {@code jobs} lessons at once, of three quarters of the machine. */
    public static long defaultLimit(Engine host, int jobs) throws EngineException {
        Long total;
        try {
            total = host.client().infoCmd().exec().getMemTotal();
        } catch (RuntimeException e) {
            throw EngineCalls.failed(host.uri().toString(), "how much memory its machine has", e);
        }
        return total == null || total <= 0 ? 0 : (long) (total * MACHINE_SHARE / Math.max(1, jobs));
    }

    /** e.g. "2.5 GB"; the unit docproof's size options read. */
    public static String describe(long bytes) {
        return bytes >= 1_000_000_000L ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%d MB", bytes / 1_000_000L);
    }

    /**
     * How many processes the kernel killed for want of memory in the memory cgroup of process {@code pid} and
     * those below it (cgroup v1's {@code memory.oom_control}, v2's {@code memory.events}); -1 when this machine does
     * not say.
     */
    static long oomKills(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"), StandardCharsets.UTF_8)) {
                String[] parts = line.split(":", 3);
                if (parts.length < 3) {
                    continue;
                }
                if (List.of(parts[1].split(",")).contains("memory")) {
                    return subtreeKills(Path.of("/sys/fs/cgroup/memory" + parts[2]));
                }
                if (parts[0].equals("0") && parts[1].isEmpty() && Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
                    return counter(Path.of("/sys/fs/cgroup" + parts[2], "memory.events"));
                }
            }
        } catch (IOException gone) {
            // the sandbox ended meanwhile, or this machine keeps no such count
        }
        return -1;
    }

    /**
     * Whether the engine saw one of its containers run out of memory since {@code epochSecond}: a container's cgroup,
     * and under cgroup v1 the count of its kills, goes as soon as the container ends. Under cgroup v1 that word does
     * not always come (the engine drops it when the container is gone first, and in a sandbox it was seen to miss a
     * kill otherwise too), so a container's kill may go untold there.
     */
    static boolean containerOomSince(Engine engine, long epochSecond, Duration late) {
        AtomicBoolean seen = new AtomicBoolean();
        try {
            engine.client().eventsCmd().withSince(Long.toString(epochSecond))
                    .withUntil(timestamp(Instant.now().plus(late))).withEventFilter("oom")
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            seen.set(true);
                            try {
                                close(); // one is enough: the window need not run out
                            } catch (IOException closing) {
                                // the window ends by itself
                            }
                        }
                    }).awaitCompletion(engine.deadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException unanswered) {
            // no answer: the step's failure is told without the reason
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return seen.get();
    }

    /**
     * An instant as the engine's event filters read it, to the nanosecond. The engine holds a request whose window
     * ends ahead open until then, so the window ends no later than a step's failure needs it to.
     */
    static String timestamp(Instant instant) {
        return String.format(Locale.ROOT, "%d.%09d", instant.getEpochSecond(), instant.getNano());
    }

    /**
     * Under cgroup v1 a kill is counted in the killed process's own group only: the sandbox's containers, nested
     * below the sandbox's group, count theirs there.
     */
    private static long subtreeKills(Path group) throws IOException {
        long kills = 0;
        try (Stream<Path> files = Files.walk(group)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("memory.oom_control")).toList()) {
                kills += Math.max(0, counter(file));
            }
        } catch (UncheckedIOException gone) {
            // a container's group removed while the tree was read: its kills went with it
        }
        return kills;
    }

    private static long counter(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (line.startsWith("oom_kill ")) {
                return Long.parseLong(line.substring("oom_kill ".length()).strip());
            }
        }
        return -1;
    }
}
