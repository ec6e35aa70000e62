package dev.docproof.cli;

import dev.docproof.report.ConsoleReport;
import dev.docproof.run.CourseResult;
import dev.docproof.run.CourseRunner;
import dev.docproof.run.Interrupts;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Status;
import dev.docproof.run.StepResult;

import java.io.PrintWriter;
import java.util.List;

/**
 * Runs the lessons of a {@link CourseInput} with the console report, writes the reports asked for and
 * chooses the exit code: the part {@code check} and {@code site} share.
 */
final class CourseRun {

    private CourseRun() {}

    record Ran(CourseResult result, int exitCode) {}

    static Ran run(CourseInput input, RunOptions options, CourseRunner.EarlyEngine early, PrintWriter out,
                   PrintWriter err) {
        String problem = options.problem();
        if (problem != null) {
            err.println("docproof: " + problem);
            early.close();
            return new Ran(null, Main.SETUP_ERROR);
        }
        boolean terminal = System.console() != null;
        ConsoleReport console = new ConsoleReport(out, terminal, terminal && System.getenv("NO_COLOR") == null);
        CourseResult result;
        try (SignalCatcher signals = SignalCatcher.install()) {
            result = Progress.whileRunning(console, terminal,
                    () -> CourseRunner.run(input.plans(), options.settings(input), console, early));
        }
        console.courseFinished(result);
        out.flush();

        if (!options.writeReports(result, err)) {
            return new Ran(result, Main.SETUP_ERROR);
        }
        result.lessons().stream().filter(l -> l.setupError() != null)
                .forEach(l -> err.println("docproof: " + l.setupError()));
        Interrupts.Signal interrupted = Interrupts.requested();
        if (interrupted != null) {
            err.println("docproof: interrupted by SIG" + interrupted + ": the running step was stopped, what the lesson"
                    + " created was removed, and the steps not reached were not run");
            return new Ran(result, interrupted.exitStatus());
        }
        int code = exitCode(result, options.strict);
        long repaired = count(result, Status.REPAIRED);
        if (code == Main.OK && repaired > 0) {
            err.println("docproof: warning: " + repaired + (repaired == 1 ? " step passes" : " steps pass")
                    + " only after a repair; run `docproof fix` to write the repair back into the lesson");
        }
        return new Ran(result, code);
    }

    /**
     * The contract: 2 when a lesson could not run (set-up error), 1 when a runnable step failed (with
     * {@code strict}, also a repaired or skipped step, an abridged sample or a leaked resource), else 0.
     */
    static int exitCode(CourseResult result, boolean strict) {
        if (result.lessons().isEmpty() || result.lessons().stream().anyMatch(l -> l.setupError() != null)) {
            return Main.SETUP_ERROR;
        }
        if (count(result, Status.FAILED) > 0) {
            return Main.FAILURES;
        }
        if (strict && (count(result, Status.REPAIRED) > 0 || count(result, Status.SKIPPED) > 0 || anyAbridged(result)
                || result.lessons().stream().anyMatch(l -> !l.leaks().isEmpty()))) {
            return Main.FAILURES;
        }
        return Main.OK;
    }

    private static long count(CourseResult result, Status status) {
        return result.lessons().stream().mapToLong(l -> l.tally().count(status)).sum();
    }

    private static boolean anyAbridged(CourseResult result) {
        return result.lessons().stream().map(LessonResult::steps).flatMap(List::stream)
                .map(StepResult::match).anyMatch(m -> m != null && !m.abridged().isEmpty());
    }
}
