package dev.docproof.run;

import dev.docproof.repair.Repair;
import dev.docproof.verify.MatchResult;

import java.time.Duration;

/**
 * What became of one step, with the evidence for it. Built once, by the run; every report (console, JSON,
 * JUnit, site, fix) reads it and none works it out again.
 */
public sealed interface Outcome {

    Status status();

    /** What a reader is told of it, in one sentence. */
    String describe();

    /** The comparison with the documented sample, when one was made (also inside a repair); else null. */
    default MatchResult match() {
        return null;
    }

    /** A documented sample was compared with the output, and it matched. */
    record Passed(MatchResult match, int sampleLine) implements Outcome {
        public Status status() {
            return Status.PASSED;
        }

        public String describe() {
            return "the output matches the sample at line " + sampleLine;
        }
    }

    /** The step exited 0; the lesson documents no output to compare, so nothing else was verified. */
    record Ran() implements Outcome {
        public Status status() {
            return Status.RAN;
        }

        public String describe() {
            return "exited 0; the lesson shows no output to compare";
        }
    }

    /** The step failed; each case carries its own evidence. */
    sealed interface Failed extends Outcome {
        default Status status() {
            return Status.FAILED;
        }
    }

    /**
     * @param shellEvent what else happened to the shell (the step called {@code exit}), else null
     */
    record ExitCode(int code, String shellEvent) implements Failed {
        public String describe() {
            return "exited with " + code + (shellEvent == null ? "" : " (" + shellEvent + ")");
        }
    }

    /** The step exited 0, but a documented line is missing from its output. */
    record Mismatch(MatchResult match, int sampleLine) implements Failed {
        public String describe() {
            return "the output does not match the sample at line " + sampleLine;
        }
    }

    /** Still running at its deadline: killed with every process it started; its partial output is kept. */
    record TimedOut(Duration deadline, String shellEvent) implements Failed {
        public String describe() {
            return shellEvent != null ? "timed out: " + shellEvent
                    : "still running at its deadline of " + dev.docproof.lesson.Durations.format(deadline)
                    + "; killed (raise the deadline with --timeout)";
        }
    }

    /** A background step that ended, or did not get ready, before its deadline. */
    record NotReady(String why) implements Failed {
        public String describe() {
            return "in the background: " + why;
        }
    }

    /** The run was interrupted (Ctrl-C, SIGTERM) while this step ran. */
    record Interrupted(String signal) implements Failed {
        public String describe() {
            return "interrupted by " + signal + " while it ran";
        }
    }

    /**
     * Killed because a disk of this machine fell under the free space docproof keeps ({@code --min-free-disk}) while
     * it ran: the lesson stops here, and removing what it made gives the space back.
     */
    record DiskShort(String why) implements Failed {
        public String describe() {
            return "stopped: " + why + "; the lesson stops here";
        }
    }

    /** The step failed as written; the evidence completed it, and the completed command passed. */
    record Repaired(Repair repair, Outcome rerun) implements Outcome {
        public Status status() {
            return Status.REPAIRED;
        }

        public String describe() {
            return "passes as '" + repair.command() + "' (" + repair.evidence() + ")";
        }

        @Override
        public MatchResult match() {
            return rerun.match();
        }
    }

    /**
     * Ran with what the author left open (a placeholder, an id from the author's own run) bound to the one
     * resource of its kind the lesson made; {@code ran} is how the bound command went. A {@code template} (one no
     * step instantiates, run bound because it only reads) illustrates the lesson rather than being one of its
     * steps: what its run shows is a finding ({@code TemplateChecks}), so it counts as bound however it went.
     */
    record Bound(String command, String evidence, Outcome ran, boolean template) implements Outcome {

        /** A runnable step run bound. */
        public Bound(String command, String evidence, Outcome ran) {
            this(command, evidence, ran, false);
        }

        public Status status() {
            return ran.succeeded() || template ? Status.BOUND : ran.status();
        }

        public String describe() {
            return "ran as `" + command + "` (" + evidence + "): " + ran.describe();
        }

        @Override
        public MatchResult match() {
            return ran.match();
        }
    }

    /** A block of the lesson written into a file in the session's working folder. */
    record Written(String file) implements Outcome {
        public Status status() {
            return Status.RAN;
        }

        public String describe() {
            return "written to " + file;
        }
    }

    /** Started in the background, and up; stopped when the lesson ends. */
    record Started(String readiness) implements Outcome {
        public Status status() {
            return Status.RAN;
        }

        public String describe() {
            return "runs in the background (" + readiness + "); stopped when the lesson ends";
        }
    }

    /** Deliberately not run, for a reason the lesson or its course gives (a marker, a need it lacks). */
    record Skipped(String reason) implements Outcome {
        public Status status() {
            return Status.SKIPPED;
        }

        public String describe() {
            return "skipped: " + reason;
        }
    }

    /** Not run: a template by design, or a runnable step the run never reached. */
    record NotRun(Why why, int line) implements Outcome {

        public enum Why { TEMPLATE, AFTER_FAIL_FAST, LESSON_NOT_RUN, AFTER_INTERRUPT, AFTER_ENGINE_GONE, AFTER_DISK_SHORT }

        public static final NotRun TEMPLATE = new NotRun(Why.TEMPLATE, 0);
        public static final NotRun LESSON_NOT_RUN = new NotRun(Why.LESSON_NOT_RUN, 0);

        public Status status() {
            return Status.NOT_RUN;
        }

        /** Whether a runnable step was left because the run stopped the lesson before it: a reason worth showing. */
        public boolean cutOff() {
            return why == Why.AFTER_FAIL_FAST || why == Why.AFTER_INTERRUPT || why == Why.AFTER_ENGINE_GONE
                    || why == Why.AFTER_DISK_SHORT;
        }

        public String describe() {
            return switch (why) {
                case TEMPLATE -> "a template: shown, never run";
                case AFTER_FAIL_FAST -> "not run: --fail-fast stopped the lesson at line " + line;
                case LESSON_NOT_RUN -> "not run: the lesson could not be run";
                case AFTER_INTERRUPT -> "not run: the run was interrupted" + (line == 0 ? "" : " at line " + line);
                case AFTER_ENGINE_GONE -> "not run: the engine stopped answering during line " + line;
                case AFTER_DISK_SHORT -> "not run: a disk ran short of free space during line " + line;
            };
        }
    }

    /** Whether this outcome counts as a success for CI (the strict mode may still count a repair or a skip). */
    default boolean succeeded() {
        return this instanceof Passed || this instanceof Ran || this instanceof Repaired || this instanceof Written
                || this instanceof Started || this instanceof Bound b && b.ran().succeeded();
    }
}
