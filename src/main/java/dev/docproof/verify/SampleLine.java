package dev.docproof.verify;

/** A documented output line as the matcher reads it. */
sealed interface SampleLine {

    /** The line as written, trailing whitespace trimmed. */
    String text();

    /** {@code ...} alone on a line: any number of actual lines, zero included. */
    record Gap(String text) implements SampleLine {}

    /** An empty line: layout, never required (actual blank lines are never required either). */
    record Blank(String text) implements SampleLine {}

    /** A line that must appear in the actual output. */
    record Required(String text, LinePattern pattern) implements SampleLine {}

    static SampleLine of(String raw) {
        String text = TerminalText.trimEnd(raw);
        String bare = text.strip();
        if (bare.equals("...") || bare.equals("…")) {
            return new Gap(text);
        }
        if (bare.isEmpty()) {
            return new Blank(text);
        }
        return new Required(text, LinePattern.compile(text));
    }
}
