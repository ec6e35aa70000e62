package dev.docproof.run;

import dev.docproof.docker.Ledger;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.repair.GapRepair;
import dev.docproof.shell.LedgerEntry;

import java.util.ArrayList;
import java.util.List;

/** Completes a failed step from the ledger's evidence and runs the completed command once. */
final class StepRepair {

    private final NamedByLesson evidence;
    private final Ledger ledger;
    private final CourseRunner.Repairer repairer;

    StepRepair(Plan plan, Ledger ledger, CourseRunner.Repairer repairer) {
        this.evidence = new NamedByLesson(plan);
        this.ledger = ledger;
        this.repairer = repairer;
    }

    /**
     * The step's result after trying a repair: repaired, or still failed, with a note saying why when its output
     * showed a gap that could not be filled.
     */
    StepResult attempt(StepRunner runner, StepResult failed) {
        Step step = failed.step();
        List<LedgerEntry> candidates = evidence.before(ledger.entries(), step);
        GapRepair.Proposal proposal = repairer.propose(step, failed.output().merged(), candidates);
        if (proposal instanceof GapRepair.Proposal.NoGap) {
            return failed;
        }
        if (proposal instanceof GapRepair.Proposal.None none) {
            return failed.with(new Note.NoRepair(none.reason(), none.candidates()));
        }
        var fill = ((GapRepair.Proposal.Fill) proposal).repair();
        StepRunner.Attempt again = runner.run(step, fill.command());
        if (!again.outcome().succeeded()) {
            return failed.with(new Note.RepairFailed(fill, again.outcome()));
        }
        List<Note> notes = new ArrayList<>(failed.notes());
        notes.addAll(again.notes());
        var e = again.execution();
        return new StepResult(step, new Outcome.Repaired(fill, again.outcome()), e.output(), e.exitCode(),
                failed.duration().plus(e.duration()), notes);
    }
}
