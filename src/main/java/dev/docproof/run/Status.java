package dev.docproof.run;

/** The verdict of one step. */
public enum Status {
    PASSED, FAILED, REPAIRED, NOT_RUN;

    public String jsonName() {
        return this == NOT_RUN ? "not-run" : name().toLowerCase();
    }
}
