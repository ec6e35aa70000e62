package dev.docproof.run;

/** The kind of a step's {@link Outcome}, as reports name and count it. */
public enum Status {
    PASSED, RAN, FAILED, REPAIRED, BOUND, SKIPPED, NOT_RUN;

    public String jsonName() {
        return this == NOT_RUN ? "not-run" : name().toLowerCase();
    }
}
