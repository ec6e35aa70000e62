package dev.docproof.run;

import dev.docproof.lesson.Step;
import dev.docproof.verify.MatchResult;

import java.time.Duration;
import java.util.List;

/** Turns what a step did into its verdict and the reason a reader sees. Pure. */
final class Verdicts {

    static final MatchResult NO_SAMPLE = new MatchResult(MatchResult.Outcome.NO_SAMPLE, List.of(), List.of(), null);

    /** Lines of output quoted in a failure reason. */
    private static final int TAIL_LINES = 8;

    private Verdicts() {}

    /**
     * @param match null when there was nothing to compare (the step failed or timed out first)
     */
    static StepResult verdict(Step step, ShellSession.Execution e, MatchResult match, Duration timeout) {
        long ms = e.duration().toMillis();
        if (e.timedOut()) {
            String what = e.note() != null ? e.note() : "still running at the deadline of " + timeout.toSeconds() + " s";
            String reason = "timed out (raise the deadline with --timeout SECONDS): " + what
                    + partialOutput(e.output().merged(), "partial output");
            return new StepResult(step, Status.FAILED, null, ms, true, e.output(), null, null, reason);
        }
        int code = e.exitCode();
        if (code != 0) {
            String reason = "exited with " + code + (e.note() == null ? "" : " (" + e.note() + ")")
                    + partialOutput(e.output().merged(), "output");
            return new StepResult(step, Status.FAILED, code, ms, false, e.output(), match, null, reason);
        }
        if (match != null && !match.matched()) {
            String reason = "the output does not match the sample at line " + step.sample().firstLine();
            return new StepResult(step, Status.FAILED, code, ms, false, e.output(), match, null, reason);
        }
        return new StepResult(step, Status.PASSED, code, ms, false, e.output(), match, null, e.note());
    }

    /** A step stopped because the run was interrupted: failed, with what it printed until then. */
    static StepResult interrupted(Step step, ShellSession.Execution e, Interrupts.Signal signal) {
        String reason = "interrupted by SIG" + signal + ": the step was stopped after "
                + String.format(java.util.Locale.ROOT, "%.1f s", e.duration().toMillis() / 1000.0)
                + partialOutput(e.output().merged(), "output until then");
        return new StepResult(step, Status.FAILED, null, e.duration().toMillis(), false, e.output(), null, null, reason);
    }

    /** The last lines of the output, trimmed, for a failure message; "" when there is none. */
    static String partialOutput(String merged, String label) {
        String text = merged.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            return "; no " + label;
        }
        List<String> lines = text.lines().toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        String more = lines.size() > tail.size() ? "(last " + tail.size() + " of " + lines.size() + " lines)" : "";
        return "; " + label + (more.isEmpty() ? "" : " " + more) + ":\n  " + String.join("\n  ", tail);
    }
}
