package dev.docproof.run;

import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docproof labels all a lesson makes, but the lesson reads its resources as a learner's terminal shows them: the
 * samples copied from one (`"Labels": {}`, an image's `null`) match, with the lesson's own labels, on this machine and
 * in a sandbox.
 */
class OwnLabelsHiddenEngineTest {

    @TempDir
    Path dir;

    private Path lesson() throws Exception {
        return Files.writeString(dir.resolve("labels.md"), """
                # Labels

                ```console
                $ docker volume create docproof-test-labels
                docproof-test-labels
                $ docker volume inspect docproof-test-labels --format '{{json .Labels}}'
                {}
                $ docker run -d --name docproof-test-labelled --label tier=web launchcodedevops/simple-http
                $ docker inspect docproof-test-labelled --format '{{json .Config.Labels}}'
                {"tier":"web"}
                $ docker ps --filter name=docproof-test-labelled --format '{{.Labels}}'
                tier=web
                $ docker image inspect launchcodedevops/simple-http --format '{{range $k, $v := .Config.Labels}}{{$k}} {{end}}'
                $ docker image inspect launchcodedevops/simple-http --format '{{json .Config.Labels}}'
                null
                $ printf 'FROM launchcodedevops/simple-http\\nLABEL tier=web\\n' > Dockerfile
                $ docker build -t docproof-test-labels-img .
                $ docker rmi docproof-test-labels-img
                $ docker rm -f docproof-test-labelled
                docproof-test-labelled
                $ docker volume rm docproof-test-labels
                docproof-test-labels
                ```
                """);
    }

    private void assertReadAsWithoutDocproof(LessonResult result) {
        assertThat(result.setupError()).isNull();
        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.PASSED, Status.PASSED,
                Status.RAN, Status.PASSED, Status.PASSED, Status.RAN, Status.PASSED, Status.RAN, Status.RAN, Status.RAN,
                Status.PASSED, Status.PASSED);
        assertThat(result.steps().get(5).output().merged()).doesNotContain("dev.docproof");
        // The classic builder counts each label docproof gives the image as a step of its own: those are not shown.
        assertThat(result.steps().get(8).output().stdout()).contains("Step 1/2 : FROM launchcodedevops/simple-http",
                "Step 2/2 : LABEL tier=web", "Successfully tagged docproof-test-labels-img:latest")
                .doesNotContain("dev.docproof", "Step 3/");
        assertThat(result.leaks()).isEmpty();
    }

    @Test
    void onThisMachine() throws Exception {
        TestEngine.ready();
        RunSettings host = new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false, true, Path.of("content"),
                ShellSession.DEFAULT_MAX_OUTPUT, false, null, Isolation.HOST, 1, 0);

        assertReadAsWithoutDocproof(CourseRunner.run(List.of(Planner.plan(LessonFiles.read(lesson()))), host,
                RunListener.NONE).lessons().get(0));
    }

    @Test
    void inASandbox() throws Exception {
        TestEngine.ready();

        assertReadAsWithoutDocproof(SandboxedLesson.run(lesson()));
    }
}
