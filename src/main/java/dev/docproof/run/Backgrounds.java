package dev.docproof.run;

import dev.docproof.lesson.Step;
import dev.docproof.shell.ForegroundServers;
import dev.docproof.shell.ShellWords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The lesson's background steps: servers a learner leaves running in one terminal while going on in another.
 * Each is started from the session in its own process group ({@code setsid}), so it keeps the session's
 * working folder and exported variables; docproof polls until it is ready (its {@code ready:} command succeeds,
 * or its port accepts connections) and stops the whole group when the lesson ends, or on an interrupt.
 *
 * <p>Every probe and signal goes through the session's own bash, so it works wherever that bash runs (on this
 * machine, or inside a sandbox, whose processes and ports are its own); its log is in the session's folder,
 * which that bash sees at the same path.
 */
final class Backgrounds implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROBE = Duration.ofSeconds(5);
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** Whether the background step came up, and how long it took; {@code failure} null when it did. */
    record Start(String readiness, String failure, Output output) {}

    private final ShellSession session;
    /** Process-group ids as the session's bash sees them. */
    private final List<Long> groups = new ArrayList<>();

    Backgrounds(ShellSession session) {
        this.session = session;
    }

    Start start(Step step, String command, Duration deadline) {
        Path log = session.directory().resolve("background-" + step.line() + ".log");
        String launch = "setsid bash -c " + ShellWords.quote(command) + " >" + ShellWords.quote(log.toString())
                + " 2>&1 </dev/null & echo $!";
        ShellSession.Execution e = session.run(launch, PROBE);
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
            boolean up = ready != null ? succeeds(ready)
                    : port.isPresent() ? succeeds("(: </dev/tcp/127.0.0.1/" + port.getAsInt() + ") 2>/dev/null")
                    : System.nanoTime() - t0 >= SETTLE.toNanos();
            if (up) {
                String how = ready != null ? "`" + ready + "` succeeded" : port.isPresent()
                        ? "port " + port.getAsInt() + " listening" : "still running after " + SETTLE.toSeconds() + " s";
                return new Start(how + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms", null, logged(log));
            }
            pause();
        }
        return new Start(null, "not ready within " + deadline.toSeconds() + " s", logged(log));
    }

    /** Stops every background step's process group through the session: TERM, then KILL after a grace period. */
    @Override
    public void close() {
        List<Long> all = taken();
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
    }

    /**
     * On an interrupt, from a shutdown hook: the session's shell is being ended, so each group's leader and
     * what it started are killed from here, found by the id the session's bash reported (the session maps it
     * to this machine's process, wherever its bash runs); the session's end also kills whatever carries its token.
     */
    void killFromHere() {
        taken().forEach(group -> session.process(group).ifPresent(Backgrounds::kill));
    }

    private List<Long> taken() {
        synchronized (groups) {
            List<Long> all = List.copyOf(groups);
            groups.clear();
            return all;
        }
    }

    private boolean alive(long group) {
        Boolean seen = ask("kill -0 -- -" + group + " 2>/dev/null");
        return seen != null ? seen : session.process(group).map(ProcessHandle::isAlive).orElse(false);
    }

    private boolean succeeds(String command) {
        return Boolean.TRUE.equals(ask(command));
    }

    private void signal(String signal, long group) {
        if (ask("kill -" + signal + " -- -" + group + " 2>/dev/null") == null) {
            session.process(group).ifPresent(Backgrounds::kill);
        }
    }

    /** Whether {@code command} exits 0 in the session; null when the session cannot run it any more. */
    private Boolean ask(String command) {
        try {
            ShellSession.Execution e = session.ask(command, PROBE);
            return e.exitCode() == null ? null : e.exitCode() == 0;
        } catch (IllegalStateException | UncheckedIOException closed) {
            return null;
        }
    }

    private static void kill(ProcessHandle leader) {
        leader.descendants().forEach(ProcessHandle::destroyForcibly);
        leader.destroyForcibly();
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
