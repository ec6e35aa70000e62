package dev.docproof.run;

/** Where lessons run. */
public enum Isolation {
    /** Each lesson in its own disposable sandbox: its own engine, files, /tmp and HOME. */
    SANDBOX,
    /** On this machine, against its engine, as a learner typing along would. */
    HOST,
    /**
     * This machine is the lesson's sandbox: docproof itself was started in it, as it is in each sandbox on an engine of
     * another machine ({@link RemoteLessons}). The lesson runs as in {@link #SANDBOX}; only docproof starts it so.
     */
    INSIDE
}
