package dev.docproof.lesson;

/** A runnable command, or an illustrative template that is shown but never run. */
public enum StepKind {
    RUN, TEMPLATE;

    public String jsonName() {
        return this == RUN ? "run" : "template";
    }
}
