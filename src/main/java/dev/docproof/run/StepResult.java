package dev.docproof.run;

import dev.docproof.lesson.Step;
import dev.docproof.repair.Repair;
import dev.docproof.verify.MatchResult;

/**
 * The verdict of one step with its evidence.
 *
 * @param exitCode null when the step did not run (templates) or was killed at its deadline
 * @param match    null when the step did not run
 * @param repair   non-null only for {@link Status#REPAIRED}
 * @param reason   why it failed, or a note for a passed step; null when there is nothing to say
 */
public record StepResult(Step step, Status status, Integer exitCode, long durationMs, boolean timedOut,
                         Output output, MatchResult match, Repair repair, String reason) {

    public static StepResult notRun(Step step) {
        return new StepResult(step, Status.NOT_RUN, null, 0, false, Output.NONE, null, null, null);
    }
}
