package dev.docproof.site;

import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.run.StepResult;

/** What a page says of one step; {@code role} is its CSS class. */
public enum Verdict {
    PASSED("passed", "passed"),
    RAN("ran", "ran, nothing to compare"),
    FAILED("failed", "failed"),
    REPAIRED("repaired", "repaired"),
    BOUND("bound", "bound"),
    SKIPPED("skipped", "skipped"),
    ILLUSTRATIVE("illustrative", "illustrative, not run"),
    NOT_RUN("not-run", "not run"),
    NOT_VERIFIED("not-verified", "not verified");

    private final String role;
    private final String label;

    Verdict(String role, String label) {
        this.role = role;
        this.label = label;
    }

    public String role() {
        return role;
    }

    public String label() {
        return label;
    }

    /** @param result null when the lesson was rendered without a run */
    public static Verdict of(Step step, StepResult result) {
        if (step.kind() == StepKind.TEMPLATE && (result == null || result.status() != dev.docproof.run.Status.BOUND)) {
            return ILLUSTRATIVE;
        }
        if (result == null) {
            return NOT_VERIFIED;
        }
        return switch (result.status()) {
            case PASSED -> PASSED;
            case RAN -> RAN;
            case SKIPPED -> SKIPPED;
            case FAILED -> FAILED;
            case REPAIRED -> REPAIRED;
            case BOUND -> BOUND;
            case NOT_RUN -> NOT_RUN;
        };
    }

    /** Counted as "not run" in summaries. */
    public boolean notRun() {
        return this == ILLUSTRATIVE || this == NOT_RUN || this == NOT_VERIFIED;
    }
}
