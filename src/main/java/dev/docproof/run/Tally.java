package dev.docproof.run;

import dev.docproof.lesson.StepKind;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one count of outcomes that every report states, for a lesson or a whole course. "Runnable" counts every
 * step docproof runs or would run: the runnable steps and the templates it ran bound, so the outcomes listed
 * after it never add up to more; "templates" counts the templates left unrun.
 */
public record Tally(Map<Status, Integer> byStatus, int runnable, int templates) {

    public Tally {
        byStatus = Map.copyOf(byStatus);
    }

    public static Tally of(Collection<StepResult> steps) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        int runnable = 0;
        for (StepResult r : steps) {
            counts.merge(r.status(), 1, Integer::sum);
            if (r.step().kind() == StepKind.RUN || r.status() == Status.BOUND) {
                runnable++;
            }
        }
        return new Tally(counts, runnable, steps.size() - runnable);
    }

    public int count(Status status) {
        return byStatus.getOrDefault(status, 0);
    }

    public int passed() {
        return count(Status.PASSED);
    }

    public int ran() {
        return count(Status.RAN);
    }

    public int failed() {
        return count(Status.FAILED);
    }

    public int repaired() {
        return count(Status.REPAIRED);
    }

    public int bound() {
        return count(Status.BOUND);
    }

    public int skipped() {
        return count(Status.SKIPPED);
    }

    public int notRun() {
        return count(Status.NOT_RUN);
    }

}
