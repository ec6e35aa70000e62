package dev.docproof.run;

import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson that pulls its image first, as courses do, run offline in its sandbox: the pull cannot reach a registry and
 * is skipped, but the image comes from content/images, so the steps that use it run; an image nothing provides still
 * skips them.
 */
class PulledImageEngineTest {

    @TempDir
    Path dir;

    @Test
    void aPulledImageProvidedOfflineRunsTheStepsThatUseItAndOneNothingProvidesSkipsThem() throws Exception {
        TestEngine.ready();
        Path file = Files.writeString(dir.resolve("pull.md"), """
                # Pull, then run

                ```console
                $ docker pull launchcodedevops/simple-http
                $ docker run --rm launchcodedevops/simple-http echo hello
                hello
                $ docker pull docproof-test-nowhere/app:1
                $ docker run --rm docproof-test-nowhere/app:1
                ```
                """);

        LessonResult result = SandboxedLesson.run(file);

        assertThat(result.setupError()).isNull();
        assertThat(result.steps()).extracting(StepResult::status)
                .containsExactly(Status.SKIPPED, Status.PASSED, Status.SKIPPED, Status.SKIPPED);
        assertThat(result.steps().get(0).outcome().describe()).endsWith("the engine has the image already (provided"
                + " offline), so the steps that use it run");
        assertThat(result.steps().get(3).outcome().describe())
                .startsWith("skipped: needs image docproof-test-nowhere/app:1, which the lesson did not make (line 7");
    }
}
