package dev.docproof.run;

import dev.docproof.docker.EngineException;
import dev.docproof.docker.Ledger;
import dev.docproof.lesson.Step;
import dev.docproof.shell.LedgerSkip;
import dev.docproof.verify.MatchResult;

import java.nio.file.Path;

/**
 * Runs a command for a step in the lesson's session, tells the ledger what it did, and judges it: the one
 * way both a step and its repair are run.
 */
final class StepRunner {

    /** One command run for a step: the shell's account, its outcome, and a note when the ledger was blind. */
    record Attempt(ShellSession.Execution execution, Outcome outcome, Note ledgerNote) {}

    private final ShellSession session;
    private final Ledger ledger;
    private final RunSettings settings;
    private final CourseRunner.SampleMatcher matcher;
    private final Path lessonFile;
    /** Set once a step may have changed what a utility's name runs: from then on every step is recorded. */
    private boolean lookupMayChange;

    StepRunner(ShellSession session, Ledger ledger, RunSettings settings, CourseRunner.SampleMatcher matcher,
               Path lessonFile) {
        this.session = session;
        this.ledger = ledger;
        this.settings = settings;
        this.matcher = matcher;
        this.lessonFile = lessonFile;
    }

    Attempt run(Step step, String command) {
        ShellSession.Execution e = session.run(command, settings.stepTimeout());
        ledger.noteStep(step.line(), command, e.output().merged());
        Note ledgerNote = recordAfter(step, command);
        MatchResult match = null;
        if (!e.timedOut() && e.exitCode() == 0 && !step.sample().isEmpty()) {
            match = matcher.match(step.sample(), lessonFile, e.output().merged(), e.output().stdout(), e.output().stderr());
        }
        return new Attempt(e, Verdicts.outcome(step, e, match, settings.stepTimeout()), ledgerNote);
    }

    /**
     * Records what {@code command} did to the engine, unless it provably did nothing to it: see
     * {@link LedgerSkip} for when that is so and why it is sound.
     */
    private Note recordAfter(Step step, String command) {
        boolean engineFree = !lookupMayChange && LedgerSkip.engineFree(command);
        lookupMayChange |= LedgerSkip.mayChangeLater(command);
        if (engineFree) {
            return null;
        }
        try {
            ledger.record(step.line(), step.section());
            return null;
        } catch (EngineException e) {
            return new Note.LedgerBlind(e.getMessage());
        }
    }
}
