package dev.docproof.verify;

/** A documented output line as the matcher reads it. */
sealed interface SampleLine {

    /** The line as written, trailing whitespace trimmed. */
    String text();

    /** {@code ...} alone on a line: any number of actual lines, zero included. */
    record Gap(String text) implements SampleLine {}

    /** An empty line: layout, never required (actual blank lines are never required either). */
    record Blank(String text) implements SampleLine {}

    /**
     * A line that must appear in the actual output, unless {@code optional}: the IPv6 twin of a published port
     * ({@code 80/tcp -> :::8080}), which only a machine whose engine listens on IPv6 prints, the {@code ^C} a
     * terminal echoes when a learner stops a command (docproof stops it with the signal alone), or the heading a
     * terminal draws above Compose's progress ({@link ComposeProgress}).
     */
    record Required(String text, LinePattern pattern, boolean optional) implements SampleLine {}

    static SampleLine of(String raw) {
        String text = TerminalText.trimEnd(raw);
        String bare = text.strip();
        if (bare.equals("...") || bare.equals("…")) {
            return new Gap(text);
        }
        if (bare.isEmpty()) {
            return new Blank(text);
        }
        LinePattern pattern = LinePattern.compile(ComposeProgress.plainForm(text).orElse(text));
        return new Required(text, pattern, Volatile.isIpv6PortTwin(text) || bare.equals("^C")
                || ComposeProgress.isHeading(text));
    }
}
