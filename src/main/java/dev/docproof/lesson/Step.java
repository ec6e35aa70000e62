package dev.docproof.lesson;

/**
 * One command of a code block, as a learner would type it.
 *
 * @param span     where the prompt line starts
 * @param lastLine the last source line of the command (continuations, here-documents)
 * @param command  the command text, prompts removed and continuation lines joined with newlines; for a
 *                 file step, the command that writes the block's content into {@link Marks#file()}
 * @param section  title of the nearest enclosing section, "" when none
 * @param marks    what markers and the course config say about the step
 */
public record Step(SourceSpan span, int lastLine, StepKind kind, String command, Sample sample, String section,
                   Marks marks) {

    public Step(SourceSpan span, int lastLine, StepKind kind, String command, Sample sample, String section) {
        this(span, lastLine, kind, command, sample, section, Marks.NONE);
    }

    public int line() {
        return span.line();
    }

    /** Whether the step writes a block of the lesson into a file rather than running a command it shows. */
    public boolean writesFile() {
        return marks.file() != null;
    }

    public Step withMarks(Marks other) {
        return new Step(span, lastLine, kind, command, sample, section, other);
    }
}
