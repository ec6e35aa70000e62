package dev.docproof.run;

import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A privileged container, which a sandbox's engine cannot start, fails its step with the reason and what to do. */
class SandboxDevicesEngineTest {

    @TempDir
    Path dir;

    @Test
    void aPrivilegedContainerInASandboxFailsItsStepWithANoteSayingWhyAndTheLessonGoesOn() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/sys/fs/cgroup/devices")), "cgroup v1 keeps a devices controller");
        TestEngine.ready();
        Path lesson = Files.writeString(dir.resolve("privileged.md"), """
                # Privileged

                ```console
                $ docker run --rm --privileged launchcodedevops/simple-http echo privileged
                privileged
                $ docker run --rm launchcodedevops/simple-http echo plain
                plain
                ```
                """);
        Plan plan = Planner.plan(LessonFiles.read(lesson));
        RunSettings settings = new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false, true, Path.of("content"),
                ShellSession.DEFAULT_MAX_OUTPUT, false, null, Isolation.SANDBOX, 1, 0);

        LessonResult result = CourseRunner.run(List.of(plan), settings, RunListener.NONE).lessons().get(0);

        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.FAILED, Status.PASSED);
        assertThat(result.steps().get(0).notes()).containsExactly(new Note.SandboxDevices());
        assertThat(result.steps().get(0).notes().get(0).describe()).startsWith("a container in a sandbox cannot have"
                + " this machine's devices (`--privileged`, `--device`)");
        assertThat(result.steps().get(1).notes()).isEmpty();
    }
}
