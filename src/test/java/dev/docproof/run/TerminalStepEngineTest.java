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

/**
 * Docker commands that want a terminal, as lessons write `docker run -it` by habit, in steps, which have none: one the
 * container runs and ends with gives the learner's output; an interactive session fails with a note.
 */
class TerminalStepEngineTest {

    @TempDir
    Path dir;

    @Test
    void aCommandRunWithDashItGivesTheLearnersOutputAndAnInteractiveSessionFailsWithANoteSayingWhatToWrite() throws Exception {
        TestEngine.ready();
        Path file = Files.writeString(dir.resolve("lesson.md"), """
                # Terminal

                ```console
                $ docker run -it --rm launchcodedevops/simple-client sh
                $ docker run -i --rm launchcodedevops/simple-client echo hi
                hi
                $ docker run -it --rm launchcodedevops/simple-client echo hello from a terminal
                hello from a terminal
                $ docker run -ti --rm launchcodedevops/simple-client sh -c 'echo one; echo two >&2'
                one
                two
                ```
                """);
        Plan plan = Planner.plan(LessonFiles.read(file));

        LessonResult result = CourseRunner.run(List.of(plan), new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false,
                true, dir), RunListener.NONE).lessons().get(0);

        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.FAILED, Status.PASSED,
                Status.PASSED, Status.PASSED);
        assertThat(result.steps().get(0).notes()).containsExactly(new Note.TerminalWanted());
        assertThat(result.steps().get(0).notes().get(0).describe()).startsWith("docker was asked for a terminal (`-t`) for an"
                + " interactive session, and steps run without one");
        assertThat(result.steps().get(1).notes()).isEmpty();
    }
}
