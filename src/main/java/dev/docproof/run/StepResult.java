package dev.docproof.run;

import dev.docproof.lesson.Step;
import dev.docproof.repair.Repair;
import dev.docproof.verify.MatchResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One step as the run left it: its outcome with the evidence, and what the shell saw.
 *
 * @param output   what the step printed (with its repair, what the repaired command printed)
 * @param exitCode null when the step did not run or was killed at its deadline
 * @param notes    what else is worth telling, in the order it happened
 */
public record StepResult(Step step, Outcome outcome, Output output, Integer exitCode, Duration duration,
                         List<Note> notes) {

    public StepResult {
        notes = List.copyOf(notes);
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** A step that never ran. */
    public static StepResult notRun(Step step, Outcome outcome) {
        return new StepResult(step, outcome, Output.NONE, null, Duration.ZERO, List.of());
    }

    public Status status() {
        return outcome.status();
    }

    /** The comparison with the sample, when one was made; else null. */
    public MatchResult match() {
        return outcome.match();
    }

    /** The repair, for a repaired step; else null. */
    public Repair repair() {
        return outcome instanceof Outcome.Repaired r ? r.repair() : null;
    }

    public long durationMs() {
        return duration.toMillis();
    }

    public StepResult with(Note note) {
        List<Note> more = new ArrayList<>(notes);
        more.add(note);
        return new StepResult(step, outcome, output, exitCode, duration, more);
    }
}
