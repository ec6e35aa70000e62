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

        /** Actual line {@code actual} is shown by no sample line (right after a {@link SampleOnly}: its replacement). */
        record ActualOnly(int actual) implements Op {}
    }

    private SampleAlignment() {}

    public static boolean isElision(String sampleLine) {
        return sampleLine.strip().equals("...");
    }

    /**
     * The alignment that keeps the most sample lines; among those, the one where a line that no longer
     * matches is paired with an actual line in its place (the most similar one), rather than vanishing while
     * an elision swallows its successor; then the one that leaves the fewest actual lines unshown. Blank
     * lines are layout, as in the matching language: a blank sample line is always kept and an actual blank
     * line never has to be shown. Dynamic programming over both line lists, O(sample × actual), in units
     * of {@code UNIT}: a kept line scores more than all other choices together; a pair scores one unit plus
     * its similarity (under a unit); a dropped sample line or a line an elision takes scores 0; an unshown
     * actual line costs a unit (a blank one nothing).
     */
    public static List<Op> align(List<String> sample, List<String> actual, LineMatch match) {
        int s = sample.size();
        int a = actual.size();
        boolean[][] matches = new boolean[s][a];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < a; j++) {
                matches[i][j] = !isElision(sample.get(i)) && !sample.get(i).isBlank()
                        && match.matches(sample.get(i), actual.get(j));
            }
        }
        long keep = (s + a + 2L) * 2 * UNIT;
        long[][] best = new long[s + 1][a + 1];
        for (int j = a - 1; j >= 0; j--) {
            best[s][j] = best[s][j + 1] + written(actual.get(j));
        }
        for (int i = s - 1; i >= 0; i--) {
            boolean elision = isElision(sample.get(i));
            boolean blank = sample.get(i).isBlank();
            best[i][a] = best[i + 1][a] + (elision || blank ? keep : 0);
            for (int j = a - 1; j >= 0; j--) {
                if (elision) {
                    best[i][j] = Math.max(best[i][j + 1], best[i + 1][j] + keep);
                } else if (blank) {
                    best[i][j] = best[i + 1][j] + keep;
                } else {
                    long pair = matches[i][j] ? best[i + 1][j + 1] + keep
                            : actual.get(j).isBlank() ? Long.MIN_VALUE
                            : best[i + 1][j + 1] + UNIT + similarity(sample.get(i), actual.get(j));
                    best[i][j] = Math.max(pair, Math.max(best[i + 1][j], best[i][j + 1] + written(actual.get(j))));
                }
            }
        }
        return trace(sample, actual, matches, best, keep);
    }

    private static final long UNIT = 1000;

    /** What leaving an actual line unshown costs: nothing for a blank one. */
    private static long written(String actualLine) {
        return actualLine.isBlank() ? 0 : -UNIT;
    }

    /** How alike two lines look, under a unit: their common start and end against the longer line. */
    private static long similarity(String a, String b) {
        int max = Math.max(a.length(), b.length());
        int min = Math.min(a.length(), b.length());
        int prefix = 0;
        while (prefix < min && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < min - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        return max == 0 ? 0 : (prefix + suffix) * (UNIT - 1) / max;
    }

    private static List<Op> trace(List<String> sample, List<String> actual, boolean[][] matches, long[][] best,
                                  long keep) {
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
            } else if (sample.get(i).isBlank()) {
                ops.add(new Op.Matched(i++, j, j));
            } else if (j < actual.size() && matches[i][j] && best[i][j] == best[i + 1][j + 1] + keep) {
                ops.add(new Op.Matched(i++, j, ++j));
            } else if (j < actual.size() && !matches[i][j] && !actual.get(j).isBlank()
                    && best[i][j] == best[i + 1][j + 1] + UNIT + similarity(sample.get(i), actual.get(j))) {
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
