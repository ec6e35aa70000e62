package dev.docproof.repair;

import java.util.ArrayList;
import java.util.List;

/**
 * How the lines of a documented sample line up with the lines a step printed, in order. An elision line
 * ({@code ...}) takes any run of actual lines, possibly none; any other sample line takes one actual line
 * it matches, or none.
 */
public final class SampleAlignment {

    /** One step of an alignment, in output order. */
    public sealed interface Op {
        /** Sample line {@code sample} stands for actual lines {@code actualFrom} (inclusive) to {@code actualTo}. */
        record Matched(int sample, int actualFrom, int actualTo) implements Op {}

        /** Sample line {@code sample} no longer matches anything. */
        record SampleOnly(int sample) implements Op {}

        /** Actual line {@code actual} is shown by no sample line. */
        record ActualOnly(int actual) implements Op {}
    }

    private SampleAlignment() {}

    public static boolean isElision(String sampleLine) {
        return sampleLine.strip().equals("...");
    }

    /**
     * The alignment that keeps the most sample lines; among those, the one where a line that no longer
     * matches gives way to the actual line in its place (rather than vanishing while an elision swallows
     * its successor); then the one that writes the fewest new lines. Dynamic programming over both line
     * lists, O(sample × actual): a kept line scores {@code KEEP}, more than all other choices together; a
     * line replaced in place scores 1, a dropped sample line or a line an elision takes 0, a written line -1.
     */
    public static List<Op> align(List<String> sample, List<String> actual, LineMatch match) {
        int s = sample.size();
        int a = actual.size();
        long keep = s + a + 2L;
        long[][] best = new long[s + 1][a + 1];
        for (int j = a - 1; j >= 0; j--) {
            best[s][j] = best[s][j + 1] - 1;
        }
        for (int i = s - 1; i >= 0; i--) {
            boolean elision = isElision(sample.get(i));
            best[i][a] = best[i + 1][a] + (elision ? keep : 0);
            for (int j = a - 1; j >= 0; j--) {
                if (elision) {
                    best[i][j] = Math.max(best[i][j + 1], best[i + 1][j] + keep);
                } else {
                    long pair = best[i + 1][j + 1] + (match.matches(sample.get(i), actual.get(j)) ? keep : 1);
                    best[i][j] = Math.max(pair, Math.max(best[i + 1][j], best[i][j + 1] - 1));
                }
            }
        }
        return trace(sample, actual, match, best, keep);
    }

    private static List<Op> trace(List<String> sample, List<String> actual, LineMatch match, long[][] best, long keep) {
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        int elisionFrom = -1;
        while (i < sample.size() || j < actual.size()) {
            if (i == sample.size()) {
                ops.add(new Op.ActualOnly(j++));
            } else if (isElision(sample.get(i))) {
                if (elisionFrom < 0) {
                    elisionFrom = j;
                }
                if (j < actual.size() && best[i][j] == best[i][j + 1]) {
                    j++; // the elision takes this line too
                } else {
                    ops.add(new Op.Matched(i++, elisionFrom, j));
                    elisionFrom = -1;
                }
            } else if (j < actual.size() && match.matches(sample.get(i), actual.get(j))
                    && best[i][j] == best[i + 1][j + 1] + keep) {
                ops.add(new Op.Matched(i++, j, ++j));
            } else if (j < actual.size() && !match.matches(sample.get(i), actual.get(j))
                    && best[i][j] == best[i + 1][j + 1] + 1) {
                ops.add(new Op.SampleOnly(i++)); // replaced in place by the actual line
                ops.add(new Op.ActualOnly(j++));
            } else if (best[i][j] == best[i + 1][j]) {
                ops.add(new Op.SampleOnly(i++));
            } else {
                ops.add(new Op.ActualOnly(j++));
            }
        }
        return ops;
    }
}
