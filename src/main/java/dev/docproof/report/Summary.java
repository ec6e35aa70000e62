package dev.docproof.report;

import dev.docproof.lesson.Durations;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;
import dev.docproof.run.StepResult;
import dev.docproof.run.Tally;

import java.time.Duration;
import java.util.List;

/**
 * What every report states for a lesson or a course: the tally of outcomes, the leaks and the time taken.
 * "Not run" counts every step that did not run: templates (never run by design) and runnable steps left
 * after a failure or a set-up error.
 */
public record Summary(Tally tally, int leaks, Duration duration) {

    public static Summary of(LessonResult lesson) {
        return new Summary(lesson.tally(), lesson.leaks().size(), orZero(lesson.duration()));
    }

    public static Summary of(CourseResult course) {
        List<StepResult> steps = course.lessons().stream().flatMap(l -> l.steps().stream()).toList();
        int leaks = course.lessons().stream().mapToInt(l -> l.leaks().size()).sum();
        return new Summary(Tally.of(steps), leaks, orZero(course.duration()));
    }

    private static Duration orZero(Duration d) {
        return d == null ? Duration.ZERO : d;
    }

    /**
     * {@code 16 runnable: 1 passed, 14 ran, 1 repaired, 0 failed; 10 not run; 2 leaks; 4.1s}: "passed" had its
     * output compared with the lesson's sample, "ran" only exited 0. Bound and skipped steps are counted when there are any.
     */
    public String describe() {
        int skipped = tally.skipped();
        int bound = tally.bound();
        return tally.runnable() + " runnable: " + tally.passed() + " passed, " + tally.ran() + " ran, "
                + tally.repaired() + " repaired, " + tally.failed() + " failed"
                + (bound > 0 ? ", " + bound + " bound" : "") + (skipped > 0 ? ", " + skipped + " skipped" : "") + "; "
                + tally.notRun() + " not run; " + leaks + (leaks == 1 ? " leak; " : " leaks; ") + Durations.format(duration);
    }
}
