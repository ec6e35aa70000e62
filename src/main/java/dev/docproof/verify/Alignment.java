package dev.docproof.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The best way to find the documented lines in two output streams kept apart: each required line is matched
 * in stdout or in stderr, in order within each stream, and lines may also be left missing (a mismatch). The
 * search is exhaustive over sample index, stdout and stderr positions, and whether a {@code ...} has passed
 * since each stream's last match ({@link Lattice}; a memoised search with a bounded fan-out beyond its size),
 * minimising, in order: missing lines, actual lines skipped where the sample has no {@code ...} (abridged),
 * drifted lines. Because it never looks at how the streams interleaved, the verdict cannot depend on that.
 */
final class Alignment {

    /**
     * For outputs too large for the {@link Lattice}: matching positions tried per stream and step by the
     * memoised search, a bound that keeps pathological outputs (thousands of lines every documented line
     * matches, on both streams) tractable.
     */
    private static final int MAX_CANDIDATES = 32;

    /** What became of sample line {@code i}: stream -1 when not matched (gap, blank, missing). */
    record Assignment(int stream, int position, List<LinePattern.Drift> drift, boolean missing) {
        static final Assignment NONE = new Assignment(-1, -1, List.of(), false);
        static final Assignment MISSING = new Assignment(-1, -1, List.of(), true);
    }

    private record Cost(int missing, int abridged, int drift) implements Comparable<Cost> {
        static final Cost ZERO = new Cost(0, 0, 0);

        Cost plus(int m, int a, int d) {
            return new Cost(missing + m, abridged + a, drift + d);
        }

        @Override
        public int compareTo(Cost o) {
            if (missing != o.missing) return Integer.compare(missing, o.missing);
            if (abridged != o.abridged) return Integer.compare(abridged, o.abridged);
            return Integer.compare(drift, o.drift);
        }
    }

    /** Best cost from a state, and the first move of a best path. */
    private record Best(Cost cost, Assignment move, long next) {}

    private final List<SampleLine> sample;
    private final ActualStream[] streams;
    /** matches[i][s]: positions in stream s that sample line i accepts, ascending, with their drift. */
    private final List<int[]>[] positions;
    private final List<List<List<LinePattern.Drift>>>[] drifts;
    private final Map<Long, Best> memo = new HashMap<>();

    @SuppressWarnings("unchecked")
    private Alignment(List<SampleLine> sample, ActualStream[] streams) {
        this.sample = sample;
        this.streams = streams;
        this.positions = new List[sample.size()];
        this.drifts = new List[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            positions[i] = new ArrayList<>();
            drifts[i] = new ArrayList<>();
            for (ActualStream stream : streams) {
                List<Integer> at = new ArrayList<>();
                List<List<LinePattern.Drift>> drift = new ArrayList<>();
                if (sample.get(i) instanceof SampleLine.Required required) {
                    for (int k = 0; k < stream.size(); k++) {
                        List<LinePattern.Drift> d = required.pattern().match(stream.lines().get(k));
                        if (d != null) {
                            at.add(k);
                            drift.add(d);
                        }
                    }
                }
                positions[i].add(at.stream().mapToInt(Integer::intValue).toArray());
                drifts[i].add(drift);
            }
        }
    }

    /** One assignment per sample line. */
    static List<Assignment> align(List<SampleLine> sample, ActualStream stdout, ActualStream stderr) {
        return align(sample, stdout, stderr, Lattice.MAX_CELLS);
    }

    /** {@code maxCells} below the table's size makes the bounded search do the work (tests compare both). */
    static List<Assignment> align(List<SampleLine> sample, ActualStream stdout, ActualStream stderr, long maxCells) {
        if (sample.size() >= 1 << 15 || stdout.size() >= 1 << 23 || stderr.size() >= 1 << 23) {
            throw new IllegalArgumentException("output too large to compare: " + stdout.size() + "+" + stderr.size() + " lines");
        }
        ActualStream[] streams = {stdout, stderr};
        Alignment alignment = new Alignment(sample, streams);
        int[][] candidates = {alignment.candidates(0), alignment.candidates(1)};
        if (Lattice.cells(sample.size(), candidates[0].length, candidates[1].length) <= maxCells) {
            return new Lattice(sample, streams, candidates, alignment.driftTable(candidates)).solve();
        }
        List<Assignment> result = new ArrayList<>();
        long state = key(0, 0, 0, false, false);
        for (int i = 0; i < sample.size(); i++) {
            Best best = alignment.best(state);
            result.add(best.move());
            state = best.next();
        }
        return result;
    }

    /** Positions of stream s that at least one documented line matches, ascending. */
    private int[] candidates(int s) {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
        for (List<int[]> perStream : positions) {
            for (int pos : perStream.get(s)) {
                all.add(pos);
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    /** drift[s][i][j]: how sample line i matches candidate j of stream s, null when it does not. */
    @SuppressWarnings("unchecked")
    private List<LinePattern.Drift>[][][] driftTable(int[][] candidates) {
        List<LinePattern.Drift>[][][] table = new List[2][sample.size()][];
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < sample.size(); i++) {
                table[s][i] = new List[candidates[s].length];
                int[] at = positions[i].get(s);
                for (int k = 0; k < at.length; k++) {
                    table[s][i][java.util.Arrays.binarySearch(candidates[s], at[k])] = drifts[i].get(s).get(k);
                }
            }
        }
        return table;
    }

    private Best best(long state) {
        Best known = memo.get(state);
        if (known != null) {
            return known;
        }
        int i = (int) (state >>> 48);
        int[] at = {(int) ((state >>> 25) & 0x7FFFFF), (int) ((state >>> 2) & 0x7FFFFF)};
        boolean[] gapSince = {(state & 2) != 0, (state & 1) != 0};
        Best best;
        if (i == sample.size()) {
            int trailing = 0;
            for (int s = 0; s < 2; s++) {
                trailing += gapSince[s] ? 0 : streams[s].shownBetween(at[s], streams[s].size());
            }
            best = new Best(Cost.ZERO.plus(0, trailing, 0), Assignment.NONE, -1);
        } else if (sample.get(i) instanceof SampleLine.Gap) {
            long next = key(i + 1, at[0], at[1], true, true);
            best = new Best(best(next).cost(), Assignment.NONE, next);
        } else if (sample.get(i) instanceof SampleLine.Blank) {
            long next = key(i + 1, at[0], at[1], gapSince[0], gapSince[1]);
            best = new Best(best(next).cost(), Assignment.NONE, next);
        } else {
            long missingNext = key(i + 1, at[0], at[1], gapSince[0], gapSince[1]);
            best = optional(sample.get(i))
                    ? new Best(best(missingNext).cost(), Assignment.NONE, missingNext)
                    : new Best(best(missingNext).cost().plus(1, 0, 0), Assignment.MISSING, missingNext);
            for (int s = 0; s < 2; s++) {
                int[] candidates = positions[i].get(s);
                int tried = 0;
                for (int c = firstAtOrAfter(candidates, at[s]); c < candidates.length && tried < MAX_CANDIDATES; c++, tried++) {
                    int pos = candidates[c];
                    int skipped = gapSince[s] ? 0 : streams[s].shownBetween(at[s], pos);
                    List<LinePattern.Drift> drift = drifts[i].get(s).get(c);
                    long next = s == 0
                            ? key(i + 1, pos + 1, at[1], false, gapSince[1])
                            : key(i + 1, at[0], pos + 1, gapSince[0], false);
                    Cost cost = best(next).cost().plus(0, skipped, drift.isEmpty() ? 0 : 1);
                    if (cost.compareTo(best.cost()) < 0) {
                        best = new Best(cost, new Assignment(s, pos, drift, false), next);
                    }
                }
            }
        }
        memo.put(state, best);
        return best;
    }

    /** A documented line that may be missing at no cost (see {@link SampleLine.Required#optional()}). */
    static boolean optional(SampleLine line) {
        return line instanceof SampleLine.Required required && required.optional();
    }

    private static int firstAtOrAfter(int[] sorted, int from) {
        int index = java.util.Arrays.binarySearch(sorted, from);
        return index >= 0 ? index : -index - 1;
    }

    private static long key(int i, int out, int err, boolean gapOut, boolean gapErr) {
        return ((long) i << 48) | ((long) out << 25) | ((long) err << 2) | (gapOut ? 2 : 0) | (gapErr ? 1 : 0);
    }
}
