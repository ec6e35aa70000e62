package dev.docproof.cli;

import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.run.CourseResult;
import dev.docproof.run.Interrupts;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Outcome;
import dev.docproof.run.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run interrupted while its lessons ran says, by what the signal stopped. */
class CourseRunTest {

    @TempDir
    Path dir;

    @Test
    void aSignalDuringTheCleanUpAfterTheLastStepStoppedNoStepAndSaysSo() throws Exception {
        assertThat(CourseRun.duringRun(course(new Outcome.Ran(), new Outcome.Ran()), Interrupts.Signal.INT))
                .isEqualTo("docproof: interrupted by SIGINT once every step had run: what the lessons created was removed");
    }

    @Test
    void aSignalDuringAStepSaysItWasStoppedAndTheRestNotRun() throws Exception {
        assertThat(CourseRun.duringRun(course(new Outcome.Ran(), new Outcome.Interrupted("SIGTERM")), Interrupts.Signal.TERM))
                .isEqualTo("docproof: interrupted by SIGTERM: the running step was stopped, what the lesson created was"
                        + " removed, and the steps not reached were not run");
    }

    /** One lesson of two steps with these outcomes. */
    private CourseResult course(Outcome first, Outcome second) throws Exception {
        Path lesson = Files.writeString(dir.resolve("lesson.md"), "# Two\n\n```console\n$ echo one\n$ echo two\n```\n");
        Plan plan = Planner.plan(LessonFiles.read(lesson));
        List<StepResult> steps = List.of(StepResult.notRun(plan.steps().get(0), first),
                StepResult.notRun(plan.steps().get(1), second));
        LessonResult result = new LessonResult(plan, steps, List.of(), List.of(), plan.diagnostics(),
                Instant.parse("2026-12-01T10:00:00Z"), Duration.ofSeconds(1), null);
        return new CourseResult(List.of(result), null, Instant.parse("2026-12-01T10:00:00Z"), Duration.ofSeconds(1));
    }
}
