package dev.docproof.run;

import dev.docproof.lesson.Step;
import dev.docproof.verify.Secrets;
import dev.docproof.verify.MatchResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Turns what a step did into its outcome. Pure. */
final class Verdicts {

    private Verdicts() {}

    /**
     * @param match the comparison with the step's sample; null when there was none to make (no sample, or the
     *              step failed or timed out first)
     */
    static Outcome outcome(Step step, ShellSession.Execution e, MatchResult match, Duration timeout) {
        if (e.diskShort() != null) {
            return new Outcome.DiskShort(e.diskShort());
        }
        if (e.timedOut()) {
            return new Outcome.TimedOut(timeout, e.note());
        }
        if (!exitedAsExpected(step, e.exitCode())) {
            Integer expected = step.marks().expectExit();
            return new Outcome.ExitCode(e.exitCode(), expected == null || e.note() != null ? e.note()
                    : "the lesson expects exit code " + expected);
        }
        if (match == null) {
            return new Outcome.Ran();
        }
        int sampleLine = step.sample().firstLine();
        return match.matched() ? new Outcome.Passed(match, sampleLine) : new Outcome.Mismatch(match, sampleLine);
    }

    /**
     * For a step that fails where the lesson expects success while printing what its sample shows — a failure the
     * lesson documents on purpose ({@code cat: missing.txt: No such file or directory}) without the marker that says
     * so — the note naming that marker; else null. The step stays failed, as its exit code says.
     */
    static Note failureShown(Step step, ShellSession.Execution e, Outcome outcome, Supplier<MatchResult> match) {
        if (!(outcome instanceof Outcome.ExitCode failed) || e.exitCode() == null || step.marks().expectExit() != null
                || step.sample().isEmpty() || step.marks().ignoreOutput()) {
            return null;
        }
        return match.get().matched() ? new Note.FailureShown(step.sample().firstLine(), failed.code()) : null;
    }

    /** Exit 0, or the code a {@code docproof: expect-exit} marker names. */
    static boolean exitedAsExpected(Step step, Integer code) {
        Integer expected = step.marks().expectExit();
        return code != null && code == (expected == null ? 0 : expected);
    }

    /** What the step printed, with credential-looking values masked unless the run shows secrets. */
    static Output masked(Output output, RunSettings settings) {
        return settings.showSecrets() ? output
                : new Output(Secrets.mask(output.merged()), Secrets.mask(output.stdout()), Secrets.mask(output.stderr()));
    }

    static StepResult result(Step step, Outcome outcome, ShellSession.Execution e, List<Note> notes, RunSettings settings) {
        StepResult r = result(step, outcome, e, notes);
        return new StepResult(step, r.outcome(), masked(r.output(), settings), r.exitCode(), r.duration(), r.notes());
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
