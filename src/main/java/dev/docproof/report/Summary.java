package dev.docproof.report;

import dev.docproof.lesson.StepKind;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Status;
import dev.docproof.run.StepResult;

import java.time.Duration;
import java.util.List;

/**
 * The counts every report states for a lesson or a course. {@code notRun} counts every step that did not
 * run: templates (never run by design) and runnable steps left after a failure or a set-up error.
 */
public record Summary(int runnable, int passed, int repaired, int failed, int notRun, int templates, int leaks,
                      Duration duration) {

    public static Summary of(LessonResult lesson) {
        return of(lesson.steps(), lesson.leaks().size(), lesson.duration());
    }

    public static Summary of(CourseResult course) {
        List<StepResult> steps = course.lessons().stream().flatMap(l -> l.steps().stream()).toList();
        int leaks = course.lessons().stream().mapToInt(l -> l.leaks().size()).sum();
        return of(steps, leaks, course.duration());
    }

    private static Summary of(List<StepResult> steps, int leaks, Duration duration) {
        return new Summary(
                (int) steps.stream().filter(s -> s.step().kind() == StepKind.RUN).count(),
                count(steps, Status.PASSED), count(steps, Status.REPAIRED), count(steps, Status.FAILED),
                count(steps, Status.NOT_RUN),
                (int) steps.stream().filter(s -> s.step().kind() == StepKind.TEMPLATE).count(),
                leaks, duration == null ? Duration.ZERO : duration);
    }

    private static int count(List<StepResult> steps, Status status) {
        return (int) steps.stream().filter(s -> s.status() == status).count();
    }

    /** Runnable steps that were meant to run but did not (not templates). */
    public int skipped() {
        return runnable - passed - repaired - failed;
    }

    /** {@code 16 runnable: 15 passed, 1 repaired, 0 failed; 10 not run; 2 leaks; 23.4s}. */
    public String describe() {
        return runnable + " runnable: " + passed + " passed, " + repaired + " repaired, " + failed + " failed; "
                + notRun + " not run; " + leaks + (leaks == 1 ? " leak; " : " leaks; ") + Texts.seconds(duration);
    }
}
