package dev.docproof.run;

import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson using Docker Compose, in its sandbox: the compose file it writes names its services' images, which the
 * sandbox holds; `docker compose` runs them there, and what it creates is the lesson's, reported when left.
 */
class SandboxComposeEngineTest {

    @TempDir
    Path dir;

    @Test
    void composeRunsTheServicesOfTheFileTheLessonWritesAndWhatItLeavesIsALeak() throws Exception {
        TestEngine.ready();
        Path file = Files.writeString(dir.resolve("compose.md"), """
                # Compose

                Put this into `compose.yaml`:

                ```yaml
                services:
                  web:
                    image: launchcodedevops/simple-http
                ```

                ```console
                $ docker compose up -d
                $ docker compose ps --format '{{.Service}} {{.State}}'
                web running
                $ docker compose stop
                ```
                """);
        LessonResult result = SandboxedLesson.run(file);

        assertThat(result.setupError()).isNull();
        assertThat(result.steps()).extracting(StepResult::status).doesNotContain(Status.FAILED, Status.SKIPPED);
        assertThat(result.steps().get(2).status()).isEqualTo(Status.PASSED);
        assertThat(result.leaks()).extracting(Leak::name).as("stopped, not removed: the container and its network")
                .containsExactlyInAnyOrder("lesson-web-1", "lesson_default");
    }
}
