package dev.docproof.run;

import dev.docproof.shell.ResourceKind;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson that manages its engine as on its own machine, in its sandbox: settings in /etc/docker/daemon.json, then
 * `service docker restart` or `systemctl stop|start docker`; the engine comes back with them, and what the lesson
 * creates after, with sudo too, is still its own. A command failing while the lesson has its engine stopped fails at
 * once, and the lesson goes on.
 */
class SandboxEngineServiceEngineTest {

    @TempDir
    Path dir;

    @Test
    void aLessonRestartsItsEngineWithNewSettingsAndStopsAndStartsIt() throws Exception {
        TestEngine.ready();
        Path file = Files.writeString(dir.resolve("daemon.md"), """
                # Engine settings

                ```console
                $ sudo mkdir -p /etc/docker
                $ echo '{"labels": ["course=networking"]}' | sudo tee /etc/docker/daemon.json
                {"labels": ["course=networking"]}
                $ sudo service docker restart
                $ docker info -f '{{.Labels}}'
                [course=networking]
                $ sudo systemctl stop docker
                $ docker ps
                ```

                <!-- docproof: expect-exit 3 -->
                ```console
                $ systemctl status docker
                Docker is not running.
                ```

                ```console
                $ sudo systemctl start docker
                $ sudo docker network create after-restart
                $ systemctl status docker
                Docker is running.
                ```
                """);
        LessonResult result = SandboxedLesson.run(file);

        assertThat(result.setupError()).isNull();
        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.RAN, Status.PASSED,
                Status.RAN, Status.PASSED, Status.RAN, Status.FAILED, Status.PASSED, Status.RAN, Status.RAN, Status.PASSED);
        assertThat(result.steps().get(5).notes()).as("a stopped engine the lesson stopped itself goes on").isEmpty();
        assertThat(result.leaks()).singleElement().satisfies(leak -> {
            assertThat(leak.kind()).isEqualTo(ResourceKind.NETWORK);
            assertThat(leak.name()).isEqualTo("after-restart");
        });
    }
}
