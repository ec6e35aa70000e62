package dev.docproof.docker;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up path of engine set-up, on a private dockerd (own socket, data, state and pid file, no
 * bridge or iptables changes) so the shared engine is never touched.
 */
class EngineSetupDaemonTest {

    @Test
    void startsADetachedDockerdThatIsNotOurChildAndAnswersWithinTheDeadline() throws Exception {
        Path dockerd = Host.program("dockerd").orElseThrow(() -> new AssertionError(
                "dockerd is missing: run bin/test, which installs docker.io (or: apt-get install -y docker.io)"));
        // Socket paths are limited to about 100 bytes: a short folder under /tmp.
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "docproof-test-foundation-");
        String host = "unix://" + dir.resolve("d.sock");
        Path log = dir.resolve("dockerd.log");
        Path pidFile = dir.resolve("d.pid");
        try {
            EngineSetup.startDetached(dockerd, List.of("--host", host, "--data-root", dir.resolve("data").toString(),
                    "--exec-root", dir.resolve("x").toString(), "--pidfile", pidFile.toString(), "--bridge", "none",
                    "--iptables=false", "--ip-masq=false"), log);

            try (Engine engine = EngineSetup.awaitEngine(host, log)) {
                assertThat(engine.serverVersion()).isNotBlank();
                assertThat(engine.foundVia()).isEqualTo("DOCKER_HOST=" + host);
                assertThat(engine.client().pingCmd().exec()).isNull(); // the full client talks to it too
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            assertThat(ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .as("dockerd runs in its own session, so it outlives the JVM that started it")
                    .isNotEqualTo(Optional.of(ProcessHandle.current().pid()));
            assertThat(Files.readString(log)).contains("API listen on " + dir.resolve("d.sock"));
        } finally {
            stop(pidFile);
            Processes.run(List.of("rm", "-rf", "--one-file-system", dir.toString()), Map.of(), Duration.ofMinutes(1),
                    Path.of("target", "engine-setup-test.log"));
        }
    }

    private static void stop(Path pidFile) throws Exception {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> daemon = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
        if (daemon.isPresent()) {
            daemon.get().destroy();
            daemon.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
