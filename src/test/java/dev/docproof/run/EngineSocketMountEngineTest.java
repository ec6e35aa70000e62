package dev.docproof.run;

import dev.docproof.docker.Engine;
import dev.docproof.docker.SandboxImage;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.shell.ResourceKind;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A container that mounts the engine's socket, as a lesson's `docker` image, CI agent or dashboard does, creates on
 * the engine as the lesson's own commands do: through the lesson's socket, so what it leaves is the lesson's leak,
 * reported at the step and removed, and never stays on the engine. A container user the engine's socket lets in
 * through its group gets in through the lesson's socket too.
 */
class EngineSocketMountEngineTest {

    private static final String NETWORK = "docproof-test-made-inside";

    @TempDir
    Path dir;

    @Test
    void whatAContainerCreatesThroughTheMountedEngineSocketIsTheLessonsAndIsRemovedAsItsLeak() throws Exception {
        Engine engine = TestEngine.ready();
        SandboxImage.ensure(engine, Path.of("target"), line -> { }); // an image with a docker client in it
        String docker = "docker run --rm -v /var/run/docker.sock:/var/run/docker.sock --entrypoint docker "
                + SandboxImage.REFERENCE.canonical();
        Path file = Files.writeString(dir.resolve("socket.md"), """
                # A docker client in a container

                ```console
                $ %1$s network create %2$s
                $ %1$s network ls --filter name=%2$s --format '{{.Name}}'
                %2$s
                $ docker run --rm -u 1000 --group-add "$(stat -c %%g /var/run/docker.sock)" -v /var/run/docker.sock:/var/run/docker.sock --entrypoint docker %3$s network ls --filter name=%2$s --format '{{.Name}}'
                %2$s
                ```
                """.formatted(docker, NETWORK, SandboxImage.REFERENCE.canonical()));
        RunSettings host = new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false, true, Path.of("content"),
                ShellSession.DEFAULT_MAX_OUTPUT, false, null, Isolation.HOST, 1, 0);

        LessonResult result = CourseRunner.run(List.of(Planner.plan(LessonFiles.read(file))), host, RunListener.NONE)
                .lessons().get(0);

        assertThat(result.setupError()).isNull();
        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.RAN, Status.PASSED, Status.PASSED);
        assertThat(result.leaks()).containsExactly(new Leak(ResourceKind.NETWORK, NETWORK, 4, true));
        assertThat(engine.client().listNetworksCmd().withNameFilter(NETWORK).exec()).isEmpty();
    }
}
