package dev.docproof.run;

/** Where lessons run. */
public enum Isolation {
    /** Each lesson in its own disposable sandbox: its own engine, files, /tmp and HOME. */
    SANDBOX,
    /** On this machine, against its engine, as a learner typing along would. */
    HOST
}
