package dev.docproof.repair;

import dev.docproof.lesson.Sample;
import dev.docproof.repair.SourcePatch.Edit;
import dev.docproof.repair.SourcePatch.NewLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rewrites a documented output sample from what the step actually printed, keeping everything the author
 * wrote that still holds: elisions ({@code ...}), {@code <placeholders>} and volatile values (addresses,
 * ids) stay as written wherever their line still matches; only lines that no longer match give way to the
 * actual lines. Pure.
 */
public final class SampleUpdate {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

    private SampleUpdate() {}

    /**
     * The edit that brings {@code sample} in line with {@code output}; empty when every line of the sample
     * still holds (nothing to write). Lines are aligned with {@code match}.
     */
    public static Optional<Edit.Sample> edit(Sample sample, String output, LineMatch match) {
        if (sample.isEmpty()) {
            return Optional.empty();
        }
        List<String> actual = actualLines(output);
        return edit(sample, actual, SampleAlignment.align(sample.lines(), actual, match));
    }

    /** As {@link #edit(Sample, String, LineMatch)}, with an alignment already made. */
    public static Optional<Edit.Sample> edit(Sample sample, List<String> actual, List<SampleAlignment.Op> alignment) {
        List<NewLine> lines = rewrite(actual, alignment);
        boolean unchanged = lines.size() == sample.lines().size() && lines.stream().allMatch(l -> l instanceof NewLine.Kept);
        return unchanged ? Optional.empty() : Optional.of(new Edit.Sample(sample.firstLine(), sample.lines(), lines));
    }

    /**
     * The new sample. Matched sample lines are kept as written. Between two kept lines, a stretch where some
     * sample line no longer matches is replaced by the actual lines of that stretch; a stretch of actual lines
     * alone (output the sample silently skips, which the matching language tolerates) stays unshown, so a
     * sample is never rewritten for lines that still hold. Blank actual lines are layout and never written.
     */
    public static List<NewLine> rewrite(List<String> actual, List<SampleAlignment.Op> alignment) {
        List<NewLine> lines = new ArrayList<>();
        List<String> stretch = new ArrayList<>();
        boolean stale = false;
        for (SampleAlignment.Op op : alignment) {
            if (op instanceof SampleAlignment.Op.Matched m) {
                flush(lines, stretch, stale);
                stale = false;
                lines.add(new NewLine.Kept(m.sample()));
            } else if (op instanceof SampleAlignment.Op.SampleOnly) {
                stale = true;
            } else if (op instanceof SampleAlignment.Op.ActualOnly o && !actual.get(o.actual()).isBlank()) {
                stretch.add(actual.get(o.actual()));
            }
        }
        flush(lines, stretch, stale);
        return lines;
    }

    private static void flush(List<NewLine> lines, List<String> stretch, boolean stale) {
        if (stale) {
            stretch.forEach(text -> lines.add(new NewLine.Written(text)));
        }
        stretch.clear();
    }

    /**
     * The output's lines as a terminal leaves them: colour codes removed, a line rewritten with carriage
     * returns (a progress meter) reduced to its last version, trailing whitespace and the final newline dropped.
     */
    public static List<String> actualLines(String output) {
        List<String> lines = new ArrayList<>();
        for (String raw : ANSI.matcher(output).replaceAll("").split("\n", -1)) {
            String[] versions = raw.split("\r");
            String shown = Arrays.stream(versions).filter(v -> !v.isBlank()).reduce((x, y) -> y).orElse("");
            lines.add(shown.stripTrailing());
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
