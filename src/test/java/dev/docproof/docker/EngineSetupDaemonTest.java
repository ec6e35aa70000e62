package dev.docproof.docker;

import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up path of engine set-up. The detached start is tried on a stand-in daemon (a script that
 * logs and waits), because a second real dockerd on a shared machine can disturb the first one's
 * networking; the wait for an answer is tried on the real engine.
 */
class EngineSetupDaemonTest {

    @TempDir
    Path dir;

    @Test
    void startsTheDaemonInItsOwnSessionWithItsOutputInTheLogAndNotAsOurChild() throws Exception {
        Path daemon = dir.resolve("fake-dockerd");
        Path pidFile = dir.resolve("pid");
        Files.writeString(daemon, "#!/bin/sh\necho \"$$\" > \"$1\"\necho \"listening as $2\"\nexec sleep 300\n");
        assertThat(daemon.toFile().setExecutable(true)).isTrue();
        Path log = dir.resolve("dockerd.log");
        try {
            EngineSetup.startDetached(daemon, List.of(pidFile.toString(), "requested"), log);

            assertThat(Poll.until(Duration.ofSeconds(10), () -> Files.exists(pidFile) && read(log).contains("\n")))
                    .as("the stand-in daemon started and wrote to " + log).isTrue();
            long pid = Long.parseLong(read(pidFile).strip());
            assertThat(read(log)).isEqualTo("listening as requested\n");
            assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive, "alive after the starter returned");
            assertThat(ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .as("not a child of this JVM").isNotEqualTo(Optional.of(ProcessHandle.current().pid()));
            // Field 6 of /proc/PID/stat is the session id: setsid makes the daemon lead its own session.
            String stat = read(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertThat(Long.parseLong(fields[3])).as("session id").isEqualTo(pid);
        } finally {
            if (Files.exists(pidFile)) {
                Optional<ProcessHandle> started = ProcessHandle.of(Long.parseLong(read(pidFile).strip()));
                if (started.isPresent()) {
                    started.get().destroy();
                    started.get().onExit().get(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void waitingForAnEngineThatAnswersReturnsItAtOnce() throws Exception {
        TestEngine.ready();
        long started = System.nanoTime();
        try (Engine engine = EngineSetup.awaitEngine(System.getenv("DOCKER_HOST"), dir.resolve("dockerd.log"))) {
            assertThat(engine.serverVersion()).isNotBlank();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
