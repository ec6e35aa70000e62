package dev.docproof.lesson;

/**
 * One command of a code block, as a learner would type it.
 *
 * @param span     where the prompt line starts
 * @param lastLine the last source line of the command (continuations, here-documents)
 * @param command  the command text, prompts removed and continuation lines joined with newlines
 * @param section  title of the nearest enclosing section, "" when none
 */
public record Step(SourceSpan span, int lastLine, StepKind kind, String command, Sample sample, String section) {

    public int line() {
        return span.line();
    }
}
