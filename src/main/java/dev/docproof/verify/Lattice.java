package dev.docproof.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The alignment search laid out as a table, filled bottom-up: sample index × stdout position × stderr position ×
 * whether a {@code ...} passed since each stream's last match. Positions are compressed to the lines some
 * documented line could match (the others can only be skipped), and every move is constant time — match the
 * next candidate, skip it, leave the documented line missing, pass a {@code ...} — so the cost is the table's
 * size. {@link Alignment} uses it when the table fits {@link #MAX_CELLS}.
 */
final class Lattice {

    static final long MAX_CELLS = 6_000_000;

    private static final byte ADVANCE = 1;
    private static final byte MISSING = 2;
    private static final byte MATCH_OUT = 3;
    private static final byte MATCH_ERR = 4;
    private static final byte SKIP_OUT = 5;
    private static final byte SKIP_ERR = 6;

    private final List<SampleLine> sample;
    private final ActualStream[] streams;
    /** candidates[s]: positions in stream s that at least one documented line matches, ascending. */
    private final int[][] candidates;
    /** drift[s][i][j]: how sample line i matches candidate j of stream s; null when it does not. */
    private final List<LinePattern.Drift>[][][] drift;
    private final int nOut;
    private final int nErr;
    private final long[] cost;
    private final byte[] move;

    static long cells(int sampleSize, int outCandidates, int errCandidates) {
        return (sampleSize + 1L) * (outCandidates + 1L) * (errCandidates + 1L) * 4L;
    }

    Lattice(List<SampleLine> sample, ActualStream[] streams, int[][] candidates, List<LinePattern.Drift>[][][] drift) {
        this.sample = sample;
        this.streams = streams;
        this.candidates = candidates;
        this.drift = drift;
        this.nOut = candidates[0].length;
        this.nErr = candidates[1].length;
        int size = Math.toIntExact(cells(sample.size(), nOut, nErr));
        this.cost = new long[size];
        this.move = new byte[size];
    }

    List<Alignment.Assignment> solve() {
        int last = sample.size();
        for (int i = last; i >= 0; i--) {
            for (int o = nOut; o >= 0; o--) {
                for (int e = nErr; e >= 0; e--) {
                    for (int f = 0; f < 4; f++) {
                        fill(i, o, e, f);
                    }
                }
            }
        }
        List<Alignment.Assignment> result = new ArrayList<>();
        int i = 0, o = 0, e = 0, f = 0;
        while (i < last) {
            int cell = index(i, o, e, f);
            switch (move[cell]) {
                case ADVANCE -> {
                    result.add(Alignment.Assignment.NONE);
                    f = sample.get(i) instanceof SampleLine.Gap ? 3 : f;
                    i++;
                }
                case MISSING -> {
                    result.add(Alignment.Assignment.MISSING);
                    i++;
                }
                case MATCH_OUT -> {
                    result.add(new Alignment.Assignment(0, candidates[0][o], drift[0][i][o], false));
                    i++;
                    o++;
                    f &= 1;
                }
                case MATCH_ERR -> {
                    result.add(new Alignment.Assignment(1, candidates[1][e], drift[1][i][e], false));
                    i++;
                    e++;
                    f &= 2;
                }
                case SKIP_OUT -> o++;
                case SKIP_ERR -> e++;
                default -> throw new IllegalStateException("no move at " + i);
            }
        }
        return result;
    }

    private void fill(int i, int o, int e, int f) {
        boolean gapOut = (f & 2) != 0;
        boolean gapErr = (f & 1) != 0;
        int cell = index(i, o, e, f);
        if (i == sample.size()) {
            cost[cell] = pack(0, trailing(0, o, gapOut) + trailing(1, e, gapErr), 0);
            return;
        }
        SampleLine line = sample.get(i);
        if (line instanceof SampleLine.Gap) {
            choose(cell, cost[index(i + 1, o, e, 3)], ADVANCE, true);
            return;
        }
        if (line instanceof SampleLine.Blank) {
            choose(cell, cost[index(i + 1, o, e, f)], ADVANCE, true);
            return;
        }
        if (Alignment.optional(line)) {
            choose(cell, cost[index(i + 1, o, e, f)], ADVANCE, true);
        } else {
            choose(cell, cost[index(i + 1, o, e, f)] + pack(1, 0, 0), MISSING, true);
        }
        if (o < nOut && drift[0][i][o] != null) {
            choose(cell, cost[index(i + 1, o + 1, e, f & 1)] + pack(0, skipped(0, o, gapOut, false), drifts(drift[0][i][o])),
                    MATCH_OUT, false);
        }
        if (e < nErr && drift[1][i][e] != null) {
            choose(cell, cost[index(i + 1, o, e + 1, f & 2)] + pack(0, skipped(1, e, gapErr, false), drifts(drift[1][i][e])),
                    MATCH_ERR, false);
        }
        if (o < nOut) {
            choose(cell, cost[index(i, o + 1, e, f)] + pack(0, skipped(0, o, gapOut, true), 0), SKIP_OUT, false);
        }
        if (e < nErr) {
            choose(cell, cost[index(i, o, e + 1, f)] + pack(0, skipped(1, e, gapErr, true), 0), SKIP_ERR, false);
        }
    }

    /** Keeps the first cheapest move, so ties always resolve the same way. */
    private void choose(int cell, long candidate, byte how, boolean first) {
        if (first || candidate < cost[cell]) {
            cost[cell] = candidate;
            move[cell] = how;
        }
    }

    /** Non-blank lines passed to reach candidate {@code j} of stream s (and the candidate itself when skipped). */
    private int skipped(int s, int j, boolean free, boolean includingCandidate) {
        if (free) {
            return 0;
        }
        int from = j == 0 ? 0 : candidates[s][j - 1] + 1;
        int to = candidates[s][j] + (includingCandidate ? 1 : 0);
        return streams[s].shownBetween(from, to);
    }

    private int trailing(int s, int j, boolean free) {
        if (free) {
            return 0;
        }
        int from = j == 0 ? 0 : candidates[s][j - 1] + 1;
        return streams[s].shownBetween(from, streams[s].size());
    }

    private int index(int i, int o, int e, int f) {
        return ((i * (nOut + 1) + o) * (nErr + 1) + e) * 4 + f;
    }

    private static int drifts(List<LinePattern.Drift> drift) {
        return drift.isEmpty() ? 0 : 1;
    }

    /** Missing lines first, then abridged lines, then drifted lines: compared as one number. */
    private static long pack(long missing, long abridged, long drifted) {
        return (missing << 48) | (abridged << 16) | drifted;
    }
}
