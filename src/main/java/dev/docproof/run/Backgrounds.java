package dev.docproof.run;

import dev.docproof.lesson.Step;
import dev.docproof.shell.ForegroundServers;
import dev.docproof.shell.ShellWords;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The lesson's background steps: servers a learner leaves running in one terminal while going on in another.
 * Each is started from the session in its own process group ({@code setsid}), so it keeps the session's
 * working folder and variables; docproof polls until it is ready (its {@code ready:} command succeeds, or its
 * port accepts connections) and stops the whole group when the lesson ends, or on an interrupt.
 */
final class Backgrounds implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** Whether the background step came up, and how long it took; {@code failure} null when it did. */
    record Start(String readiness, String failure, Output output) {}

    private final ShellSession session;
    private final List<Long> groups = new ArrayList<>();
    private Path logs;

    Backgrounds(ShellSession session) {
        this.session = session;
    }

    Start start(Step step, String command, Duration deadline) {
        Path log;
        try {
            if (logs == null) {
                logs = Files.createTempDirectory("docproof-background-");
            }
            log = logs.resolve("background-" + step.line() + ".log");
        } catch (IOException e) {
            return new Start(null, "no folder for its log: " + e.getMessage(), Output.NONE);
        }
        String launch = "setsid bash -c " + ShellWords.quote(command) + " >" + ShellWords.quote(log.toString())
                + " 2>&1 </dev/null & echo $!";
        ShellSession.Execution e = session.run(launch, Duration.ofSeconds(10));
        String pid = e.output().stdout().strip();
        if (e.exitCode() == null || e.exitCode() != 0 || !pid.matches("\\d+")) {
            return new Start(null, "could not be started in the background: " + e.output().merged().strip(), e.output());
        }
        long group = Long.parseLong(pid);
        synchronized (groups) {
            groups.add(group);
        }
        long t0 = System.nanoTime();
        long until = t0 + deadline.toNanos();
        String ready = step.marks().background() == null ? null : step.marks().background().ready();
        OptionalInt port = ForegroundServers.port(command);
        while (System.nanoTime() < until) {
            if (!alive(group)) {
                return new Start(null, "ended before it was ready", logged(log));
            }
            if (ready != null ? Integer.valueOf(0).equals(session.run(ready, Duration.ofSeconds(5)).exitCode())
                    : port.isPresent() ? listening(port.getAsInt()) : System.nanoTime() - t0 >= SETTLE.toNanos()) {
                String how = ready != null ? "`" + ready + "` succeeded" : port.isPresent()
                        ? "port " + port.getAsInt() + " listening" : "still running after " + SETTLE.toSeconds() + " s";
                return new Start(how + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms", null, logged(log));
            }
            pause();
        }
        return new Start(null, "not ready within " + deadline.toSeconds() + " s", logged(log));
    }

    /** Stops every background step's process group: TERM, then KILL after a grace period. */
    @Override
    public void close() {
        List<Long> all;
        synchronized (groups) {
            all = List.copyOf(groups);
            groups.clear();
        }
        for (long group : all) {
            signal("TERM", group);
        }
        long until = System.nanoTime() + STOP_GRACE.toNanos();
        for (long group : all) {
            while (alive(group) && System.nanoTime() < until) {
                pause();
            }
            if (alive(group)) {
                signal("KILL", group);
            }
        }
        ScratchFolder.delete(logs);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(String signal, long group) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + group).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(group).ifPresent(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Output logged(Path log) {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "";
            return new Output(text, text, "");
        } catch (IOException e) {
            return Output.NONE;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis()); // polling with a deadline, not a guess at readiness
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
