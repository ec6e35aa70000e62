package dev.docproof.run;

import dev.docproof.docker.Ledger;
import dev.docproof.lesson.Step;
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

    StepRunner(ShellSession session, Ledger ledger, RunSettings settings, CourseRunner.SampleMatcher matcher,
               Path lessonFile) {
        this.session = session;
        this.ledger = ledger;
        this.settings = settings;
        this.matcher = matcher;
        this.lessonFile = lessonFile;
    }

    Attempt run(Step step, String command) {
        ledger.stepStarted(step.line(), step.section());
        ShellSession.Execution e = session.run(command, settings.stepTimeout());
        Note ledgerNote = null; // the ledger learns what the step did from the lesson's engine proxy, as it happens
        MatchResult match = null;
        if (!e.timedOut() && e.exitCode() == 0 && !step.sample().isEmpty()) {
            match = matcher.match(step.sample(), lessonFile, e.output().merged(), e.output().stdout(), e.output().stderr());
        }
        return new Attempt(e, Verdicts.outcome(step, e, match, settings.stepTimeout()), ledgerNote);
    }
}
