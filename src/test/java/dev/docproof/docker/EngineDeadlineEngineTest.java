package dev.docproof.docker;

import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hung engine (dockerd stopped with SIGSTOP) is an error naming it within the call deadline, never a
 * silent wait. Stops the engine of this machine for a few seconds: run only under the engine lock, and
 * the engine is always continued, whatever happens.
 */
class EngineDeadlineEngineTest {

    @TempDir
    Path tmp;

    @Test
    void aStoppedEngineIsAnErrorNamingItWithinTheDeadline() throws Exception {
        TestEngine.ready();
        // The pid file of the engine on the default socket: other dockerd processes (inside sandboxes) are not it.
        String dockerd = java.nio.file.Files.readString(java.nio.file.Path.of("/var/run/docker.pid")).strip();
        assertThat(dockerd).as("the engine of this machine writes its pid").matches("[0-9]+");
        Duration deadline = Duration.ofSeconds(3);
        try (Engine engine = Engine.connect(null, deadline);
             LessonEngine owned = LessonEngine.open(engine, "hung.md", List.of(), tmp, tmp.resolve("locks"))) {
            // Should this JVM end in the window, the engine is continued all the same.
            Thread resume = new Thread(() -> cont(dockerd));
            Runtime.getRuntime().addShutdownHook(resume);
            new ProcessExecutor("kill", "-STOP", dockerd).execute();
            try {
                // On a thread of its own, so that even a call that hangs cannot keep the engine stopped.
                CompletableFuture<Duration> calls = CompletableFuture.supplyAsync(() -> {
                    long t0 = System.nanoTime();
                    assertThatThrownBy(owned::removeLeftBehind).isInstanceOf(EngineException.class)
                            .hasMessageContaining("the Docker engine at unix:///var/run/docker.sock")
                            .hasMessageContaining("did not answer")
                            .hasMessageContaining("within its deadline");
                    assertThatThrownBy(() -> Leftovers.recover(engine.client(), engine.uri().toString(), tmp))
                            .isInstanceOf(EngineException.class).hasMessageContaining("unix:///var/run/docker.sock");
                    assertThat(Engine.answers(null)).as("a ping has its deadline too").isFalse();
                    dev.docproof.shell.ImageRef image = TestEngine.LESSON_IMAGES.get(0);
                    assertThatThrownBy(() -> new ImageProvisioner(engine, ImageRecipes.of(List.of()), tmp, line -> { })
                            .state(image)).isInstanceOf(EngineException.class)
                            .hasMessageContaining("did not answer about the image " + image);
                    assertThatThrownBy(() -> Ledger.missingImages(engine, List.of(image.canonical())))
                            .isInstanceOf(EngineException.class).hasMessageContaining("within its deadline");
                    // Set-up, finding this dockerd, says it is stopped instead of waiting for it to answer.
                    assertThat(EngineSetup.stopped(Long.parseLong(dockerd), Processes.state(Long.parseLong(dockerd))))
                            .get().asString().contains("is stopped", "kill -CONT " + dockerd);
                    return Duration.ofNanos(System.nanoTime() - t0);
                });
                Duration took = calls.get(deadline.multipliedBy(10).toSeconds(), TimeUnit.SECONDS);
                assertThat(took).as("each call bounded by its deadline").isLessThan(deadline.multipliedBy(4)
                        .plus(Duration.ofSeconds(9)));
            } finally {
                cont(dockerd);
                Runtime.getRuntime().removeShutdownHook(resume);
            }
        }
        assertThat(Engine.answers(null)).as("the engine answers again once continued").isTrue();
    }

    private static void cont(String pid) {
        try {
            new ProcessExecutor("kill", "-CONT", pid).execute();
        } catch (Exception e) {
            throw new AssertionError("could not continue dockerd " + pid + ": run `kill -CONT " + pid + "`", e);
        }
    }
}
