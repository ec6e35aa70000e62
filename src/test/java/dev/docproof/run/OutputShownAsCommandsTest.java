package dev.docproof.run;

import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Output shown under its command in a block without prompts is not run as commands; a real command still is. */
class OutputShownAsCommandsTest {

    @TempDir
    Path dir;

    @Test
    void linesACommandPrintedRightUnderItAreNotRunButTheNextCommandIs() throws Exception {
        Path file = Files.writeString(dir.resolve("lesson.md"), """
                # Output under commands

                ```bash
                printf 'first  line\\nsecond\\n'
                first line
                second
                echo ran > proof.txt
                ```

                ```bash
                printf '%s\\n' "$(head -c 32 /dev/urandom | sha256sum | cut -c1-64)"
                3f9a1c2be4d7b5e1e2e5e5c0a0f6c1f7b8e2d1a43c6f0cecc5b1e2e5e5c0a0f6
                ```

                ```bash
                echo 'Docproof version 2.0.0'
                Docproof version 1.0.0
                docproof-test-no-such-program --version
                ```

                ```console
                $ echo ls
                ls
                $ ls
                proof.txt
                ```
                """);
        Plan plan = Planner.plan(LessonFiles.read(file));

        LessonResult lesson = CourseRunner.run(List.of(plan), new RunSettings(Duration.ofSeconds(60), false, false,
                Path.of("content")), RunListener.NONE).lessons().get(0);

        assertThat(lesson.steps()).extracting(r -> r.step().line(), StepResult::status).containsExactly(
                tuple(4, Status.RAN), tuple(5, Status.SKIPPED), tuple(6, Status.SKIPPED), tuple(7, Status.RAN),
                tuple(11, Status.RAN), tuple(12, Status.SKIPPED), tuple(16, Status.RAN), tuple(17, Status.SKIPPED),
                tuple(18, Status.SKIPPED), tuple(22, Status.PASSED), tuple(24, Status.PASSED));
        assertThat(lesson.steps().get(2).outcome()).isEqualTo(new Outcome.Skipped("line 6 is what line 4 printed, not a"
                + " command: in a block that shows commands with their output, put `$ ` before each command, and its"
                + " output is compared"));
        assertThat(((Outcome.Skipped) lesson.steps().get(5).outcome()).reason()).startsWith("line 12 is what line 11 printed");
        assertThat(lesson.steps().get(7).outcome()).isEqualTo(new Outcome.Skipped("line 17 reads as what line 16 printed,"
                + " not as a command (it needs the program Docproof, which the session lacks): in a block that shows"
                + " commands with their output, put `$ ` before each command, and its output is compared"));
        assertThat(lesson.steps().get(8).outcome()).isEqualTo(new Outcome.Skipped(
                "needs the program docproof-test-no-such-program, which the session lacks"));
    }
}
