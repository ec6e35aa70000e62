package dev.docproof.report;

import dev.docproof.lesson.Step;
import dev.docproof.run.StepResult;
import dev.docproof.verify.TerminalText;

import java.util.List;

/** Small text helpers the reports share. */
final class Texts {

    /** Lines of output shown under a failed step. */
    static final int TAIL_LINES = 10;

    private Texts() {}

    /** The command on one line: its first line, and {@code …} when more lines follow (here-documents). */
    static String oneLine(String command) {
        int newline = command.indexOf('\n');
        return newline < 0 ? TerminalText.trimEnd(command) : TerminalText.trimEnd(command.substring(0, newline)) + " …";
    }

    /** At most {@code width} characters, cut with {@code …}. */
    static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }

    /** What is said of a repaired step: what ran instead, the evidence, and how to write it back. */
    static String repairAdvice(StepResult result) {
        Step step = result.step();
        return where(step) + ": repaired to '" + result.repair().command() + "' (evidence: "
                + result.repair().evidence() + "); run 'docproof fix " + step.span().file() + "' to write it back";
    }

    /** {@code content/x.rst:241}. */
    static String where(Step step) {
        return step.span().fileLine();
    }

    /** The output as a terminal shows it, last {@code max} non-trailing lines. */
    static List<String> tail(String output, int max) {
        List<String> lines = TerminalText.render(output == null ? "" : output);
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return lines.subList(Math.max(0, end - max), end);
    }

    static int lineCount(String output) {
        return TerminalText.render(output == null ? "" : output).size();
    }
}
