package dev.docproof.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Gets a Docker engine that answers. An engine that already answers (Docker Desktop, a remote
 * DOCKER_HOST, a dockerd someone started) is used as it is and never touched. Otherwise, as root on
 * Debian, docproof installs Debian's {@code docker.io} when dockerd is missing and starts dockerd
 * detached (it outlives this JVM, so later runs reuse it); anywhere else it says what to do.
 * Idempotent: calling it again, from this or another process, finds the engine running.
 */
public final class EngineSetup {

    static final Duration APT_TIMEOUT = Duration.ofMinutes(15);
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Path PID_FILE = Path.of("/var/run/docker.pid");

    private EngineSetup() {}

    /**
     * Returns an engine that answers, installing and starting one when allowed.
     *
     * @param logDir   where apt's and dockerd's output go (apt.log, dockerd.log), e.g. target/
     * @param progress receives one line per thing done, for the caller to show
     */
    public static synchronized Engine ensure(Path logDir, Consumer<String> progress) throws EngineException {
        String dockerHost = System.getenv("DOCKER_HOST");
        EngineException notAnswering;
        try {
            Engine engine = Engine.connect(dockerHost);
            progress.accept(describe(engine) + ", used as it is");
            return engine;
        } catch (EngineException e) {
            notAnswering = e;
        }
        if (dockerHost != null && !dockerHost.isBlank()) {
            throw notAnswering; // An engine chosen by DOCKER_HOST is the user's to start; its message says so.
        }
        Host host = Host.current();
        if (!host.maySetUpEngine()) {
            throw new EngineException(whatToDo(host));
        }
        Path dockerd = Host.program("dockerd").orElse(null);
        if (dockerd == null) {
            progress.accept("dockerd is missing: installing Debian's docker.io (output in " + logDir.resolve("apt.log")
                    + ")");
            Apt.install(List.of("docker.io"), logDir, progress);
            dockerd = Host.program("dockerd").orElseThrow(() -> new EngineException(
                    "docker.io was installed but no dockerd is on PATH; see " + logDir.resolve("apt.log")));
        }
        Path log = logDir.resolve("dockerd.log");
        Optional<Long> running = runningDaemon();
        if (running.isPresent()) {
            long pid = running.get();
            Optional<String> stopped = stopped(pid, Processes.state(pid));
            if (stopped.isPresent()) {
                throw new EngineException(stopped.get());
            }
            progress.accept("dockerd (pid " + pid + ") runs but does not answer yet; waiting for it (log: " + log + ")");
        } else {
            progress.accept("starting " + dockerd + " in the background (log: " + log + ")");
            startDetached(dockerd, List.of(), log);
        }
        Engine engine = awaitEngine(null, log);
        progress.accept(describe(engine) + ", started by docproof");
        return engine;
    }

    /** Polls until an engine answers at {@code dockerHost} (null: the default socket), within a deadline. */
    static Engine awaitEngine(String dockerHost, Path log) throws EngineException {
        if (!Poll.until(START_TIMEOUT, () -> Engine.answers(dockerHost))) {
            throw new EngineException("dockerd did not answer at "
                    + (dockerHost == null ? Engine.DEFAULT_SOCKET : dockerHost) + " within "
                    + START_TIMEOUT.toSeconds() + " s. Its log (" + log + ") ends with:\n" + Processes.tail(log, 15)
                    + "\nFix what the log names, then run: ./docproof engine");
        }
        return Engine.connect(dockerHost);
    }

    /** e.g. "engine answers: Docker 20.10.24 (API 1.41) via socket /var/run/docker.sock". */
    public static String describe(Engine engine) {
        return "engine answers: Docker " + engine.serverVersion() + " (API " + engine.apiVersion() + ") via "
                + engine.foundVia();
    }

    /** What a user must do where docproof may not set up an engine itself. */
    static String whatToDo(Host host) {
        String why = !host.debian()
                ? "this machine is not Debian-based, so docproof does not install an engine itself"
                : "docproof installs and starts an engine only when run as root";
        return "No Docker engine answers at " + Engine.DEFAULT_SOCKET + ", and " + why + ". Start Docker"
                + " (Docker Desktop, or `sudo systemctl start docker` where it is installed), or set DOCKER_HOST"
                + " to an engine that runs"
                + (host.debian() ? ", or run `sudo ./docproof engine` to install and start one" : "") + ".";
    }

    /**
     * Why a dockerd that runs will not answer however long docproof waits: it is stopped (a SIGSTOP, a debugger).
     * Any other state may still come to answer (one starting up, say).
     *
     * @param state the process's state letter as Linux lists it ({@code T} stopped, {@code t} traced), or '?'
     */
    static Optional<String> stopped(long pid, char state) {
        if (state != 'T' && state != 't') {
            return Optional.empty();
        }
        return Optional.of("dockerd (pid " + pid + ") is " + (state == 'T' ? "stopped (sent SIGSTOP)" : "held by a debugger")
                + ", so it cannot answer at " + Engine.DEFAULT_SOCKET + ". Resume it with `kill -CONT " + pid
                + "`, or end it (`kill " + pid + "`) and run: ./docproof engine");
    }

    /** A dockerd that holds the pid file, e.g. one another process started a moment ago. */
    private static Optional<Long> runningDaemon() {
        try {
            long pid = Long.parseLong(Files.readString(PID_FILE, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts dockerd in its own session with its output in {@code log}; the shell redirects the
     * daemon's streams to the file, so it holds no pipe of ours and survives this JVM.
     */
    static void startDetached(Path dockerd, List<String> arguments, Path log) throws EngineException {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "log=\"$1\"; shift; exec setsid -f \"$@\" >>\"$log\" 2>&1 </dev/null", "start-dockerd",
                log.toAbsolutePath().toString(), dockerd.toString()));
        command.addAll(arguments);
        Processes.run(command, Map.of(), Duration.ofSeconds(10), log.resolveSibling("dockerd-start.log"));
    }
}
