package dev.docproof.lesson;

import java.util.Optional;

/**
 * Something a lesson shows that no run of its steps checks, found wrong or left unverified: a command
 * its CLI does not accept, a template's sample its instance no longer prints, a template nothing runs.
 * Lesson-level data reported next to the steps' outcomes; by itself it never changes an exit code
 * ({@code --strict} makes warnings failures).
 *
 * @param span       where the wrong word or the stale sample line stands
 * @param suggestion what to write instead ({@code --network}), when something close is known
 * @param evidence   what shows it: the client's help that lacks the option, the instance's line and output
 */
public record Finding(SourceSpan span, Kind kind, String message, Optional<String> suggestion,
                      Optional<String> evidence) {

    public enum Severity { WARNING, NOTE }

    public enum Kind {
        UNKNOWN_COMMAND("unknown-command", Severity.WARNING),
        UNKNOWN_OPTION("unknown-option", Severity.WARNING),
        MISSING_VALUE("missing-value", Severity.WARNING),
        STALE_SAMPLE("stale-sample", Severity.WARNING),
        /** A step that reaches the engine around the lesson's labelling socket ({@code docker -H ...}). */
        LEDGER_BYPASS("ledger-bypass", Severity.WARNING),
        /** A template run bound from evidence ({@code docproof check}) failed: its form no longer works. */
        BOUND_RUN_FAILED("bound-run-failed", Severity.WARNING),
        UNVERIFIED_TEMPLATE("unverified-template", Severity.NOTE);

        private final String jsonName;
        private final Severity severity;

        Kind(String jsonName, Severity severity) {
            this.jsonName = jsonName;
            this.severity = severity;
        }

        public String jsonName() {
            return jsonName;
        }

        public Severity severity() {
            return severity;
        }
    }

    public Severity severity() {
        return kind.severity();
    }

    /** The message with its suggestion: {@code `docker run` has no option --netwrok; did you mean --network?}. */
    public String text() {
        return message + suggestion.map(s -> "; did you mean " + s + "?").orElse("");
    }

    /** {@code file:line:column: warning: message; did you mean ...? (evidence)}. */
    @Override
    public String toString() {
        return span + ": " + severity().name().toLowerCase() + ": " + text() + evidence.map(e -> " (" + e + ")").orElse("");
    }
}
