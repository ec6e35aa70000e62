package dev.docproof.report;

import dev.docproof.lesson.Step;
import dev.docproof.run.StepResult;
import dev.docproof.shell.ShellWords;
import dev.docproof.verify.TerminalText;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Small text helpers the reports share. */
final class Texts {

    /** Lines of output shown under a failed step. */
    static final int TAIL_LINES = 10;

    private static final char ESC = 0x1b;

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
                + result.repair().evidence() + "); run `" + fixCommand(step.span().file()) + "` to write it back";
    }

    /** The command that writes a lesson's repairs back, with the path quoted for the shell. */
    static String fixCommand(Path lesson) {
        return "docproof fix " + ShellWords.quote(String.valueOf(lesson));
    }

    /**
     * Text from outside docproof (a step's output, a file name, a command) made safe for a terminal: control
     * characters other than tab and newline are shown escaped ({@code \x1b]0;title\x07}), so nothing a lesson
     * prints can set the window title, write the clipboard, clear the screen or overwrite a line. Colour codes
     * the report itself adds are given in {@code own} and kept.
     */
    static String visible(String text, List<String> own) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int at = i;
            String kept = c == ESC ? own.stream().filter(code -> text.startsWith(code, at)).findFirst().orElse(null) : null;
            if (kept != null) {
                out.append(kept);
                i += kept.length();
                continue;
            }
            if (c == '\t' || c == '\n' || (c >= 0x20 && c < 0x7f) || c > 0x9f) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02x", (int) c));
            }
            i++;
        }
        return out.toString();
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
