package dev.docproof.run;

import dev.docproof.lesson.Step;
import dev.docproof.verify.MatchResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns what a step did into its outcome. Pure. */
final class Verdicts {

    private Verdicts() {}

    /**
     * @param match the comparison with the step's sample; null when there was none to make (no sample, or the
     *              step failed or timed out first)
     */
    static Outcome outcome(Step step, ShellSession.Execution e, MatchResult match, Duration timeout) {
        if (e.timedOut()) {
            return new Outcome.TimedOut(timeout, e.note());
        }
        if (e.exitCode() != 0) {
            return new Outcome.ExitCode(e.exitCode(), e.note());
        }
        if (match == null) {
            return new Outcome.Ran();
        }
        int sampleLine = step.sample().firstLine();
        return match.matched() ? new Outcome.Passed(match, sampleLine) : new Outcome.Mismatch(match, sampleLine);
    }

    /** The step's result from its outcome and execution; a shell event on a success becomes a note. */
    static StepResult result(Step step, Outcome outcome, ShellSession.Execution e, List<Note> notes) {
        List<Note> all = new ArrayList<>();
        if (e.note() != null && outcome.succeeded()) {
            all.add(new Note.ShellEvent(e.note()));
        }
        all.addAll(notes);
        return new StepResult(step, outcome, e.output(), e.timedOut() ? null : e.exitCode(), e.duration(), all);
    }
}
