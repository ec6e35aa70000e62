package dev.docproof.lesson;

/** Something a reader or planner noticed about a lesson; never thrown, always reported. */
public record Diagnostic(SourceSpan span, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(SourceSpan span, String message) {
        return new Diagnostic(span, Severity.ERROR, message);
    }

    public static Diagnostic warning(SourceSpan span, String message) {
        return new Diagnostic(span, Severity.WARNING, message);
    }

    /** {@code file:line:column: message}. */
    @Override
    public String toString() {
        return span + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
