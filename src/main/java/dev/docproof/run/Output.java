package dev.docproof.run;

import java.util.List;

/** What a step printed: both streams as a terminal shows them, and each stream alone. */
public record Output(String merged, String stdout, String stderr) {

    public static final Output NONE = new Output("", "", "");

    /** What {@code outputs} printed one after the other, as one terminal shows them: each from a line of its own. */
    public static Output joined(List<Output> outputs) {
        StringBuilder merged = new StringBuilder();
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        for (Output o : outputs) {
            append(merged, o.merged());
            append(stdout, o.stdout());
            append(stderr, o.stderr());
        }
        return new Output(merged.toString(), stdout.toString(), stderr.toString());
    }

    private static void append(StringBuilder to, String text) {
        if (!to.isEmpty() && to.charAt(to.length() - 1) != '\n' && !text.isEmpty()) {
            to.append('\n');
        }
        to.append(text);
    }
}
