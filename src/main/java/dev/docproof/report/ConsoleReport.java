package dev.docproof.report;

import dev.docproof.run.CourseResult;
import dev.docproof.run.RunListener;

import java.io.PrintWriter;

/** Live progress and the final summary of a run, for a terminal or a log. */
public final class ConsoleReport implements RunListener {

    public ConsoleReport(PrintWriter out, boolean terminal, boolean color) {
    }

    /** Prints the verdicts, failures with their reasons and diffs, leaks, and the totals. */
    public void summary(CourseResult result, boolean strict) {
        throw new UnsupportedOperationException("not built yet");
    }
}
