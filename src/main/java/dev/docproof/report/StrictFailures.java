package dev.docproof.report;

import dev.docproof.lesson.Finding;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Leak;
import dev.docproof.run.Status;
import dev.docproof.run.StepResult;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code --strict} counts as failures besides failed steps: repaired and skipped steps, abridged samples,
 * leaked resources and warning findings. The exit code and the JUnit report read them here, so both say the same.
 */
public final class StrictFailures {

    private StrictFailures() {}

    /**
     * {@code 1 repaired step, 2 skipped steps and 1 leaked resource}: each kind there is, counted over the lessons;
     * empty when there is none.
     */
    public static String counted(List<LessonResult> lessons) {
        List<String> counts = new ArrayList<>();
        counted(counts, lessons.stream().mapToLong(l -> l.tally().count(Status.REPAIRED)).sum(), "repaired step");
        counted(counts, lessons.stream().mapToLong(l -> l.tally().count(Status.SKIPPED)).sum(), "skipped step");
        counted(counts, lessons.stream().flatMap(l -> l.steps().stream()).filter(StrictFailures::abridged).count(),
                "abridged sample");
        counted(counts, lessons.stream().mapToLong(l -> l.leaks().size()).sum(), "leaked resource");
        counted(counts, lessons.stream().flatMap(l -> l.findings().stream()).filter(StrictFailures::warning).count(),
                "warning finding");
        int last = counts.size() - 1;
        return last <= 0 ? String.join("", counts) : String.join(", ", counts.subList(0, last)) + " and " + counts.get(last);
    }

    /** Each of them in one lesson, at its line: {@code content/x.md:6: repaired step `docker network rm`}. */
    static List<String> of(LessonResult lesson) {
        List<String> failures = new ArrayList<>();
        for (StepResult step : lesson.steps()) {
            String at = step.step().span().fileLine() + ": ";
            String command = " `" + Texts.oneLine(step.step().command()) + "`";
            if (step.status() == Status.REPAIRED || step.status() == Status.SKIPPED) {
                failures.add(at + step.status().jsonName() + " step" + command);
            }
            if (abridged(step)) {
                failures.add(at + "abridged sample of" + command);
            }
        }
        for (Leak leak : lesson.leaks()) {
            failures.add(lesson.plan().lesson().source() + ":" + leak.line() + ": leaked " + leak.kind().jsonName() + " "
                    + leak.name());
        }
        lesson.findings().stream().filter(StrictFailures::warning).forEach(f -> failures.add(f.toString()));
        return failures;
    }

    private static boolean abridged(StepResult step) {
        return step.match() != null && !step.match().abridged().isEmpty();
    }

    private static boolean warning(Finding finding) {
        return finding.severity() == Finding.Severity.WARNING;
    }

    private static void counted(List<String> counts, long n, String what) {
        if (n > 0) {
            counts.add(n + " " + what + (n == 1 ? "" : "s"));
        }
    }
}
