package dev.docproof.run;

import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson that reads images it never starts a container from (tags, lists, inspects one) finds them in its sandbox,
 * as it would on this machine, whose engine has them.
 */
class NamedImageEngineTest {

    @TempDir
    Path dir;

    @Test
    void anImageALessonOnlyTagsAndListsIsInItsSandbox() throws Exception {
        TestEngine.ready();
        Path file = Files.writeString(dir.resolve("images.md"), """
                # Images

                ```console
                $ docker image ls launchcodedevops/simple-client --format '{{.Repository}}'
                launchcodedevops/simple-client
                $ docker tag launchcodedevops/simple-client my-client:v1
                $ docker image inspect my-client:v1 --format '{{len .RepoTags}}'
                2
                $ docker rmi my-client:v1
                Untagged: my-client:v1
                ```
                """);

        LessonResult result = SandboxedLesson.run(file);

        assertThat(result.setupError()).isNull();
        assertThat(result.steps()).extracting(StepResult::status)
                .containsExactly(Status.PASSED, Status.RAN, Status.PASSED, Status.PASSED);
    }
}
