package dev.docproof.verify;

import dev.docproof.lesson.Sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Compares what a step printed with the sample its lesson documents. Pure.
 *
 * <p>Both sides are read as a terminal shows them ({@link TerminalText}). Each documented line must appear,
 * in order, in stdout or in stderr — the streams are kept apart, because how a program's two streams
 * interleave in one pipe varies from run to run (curl's body lands after or inside its progress meter).
 * Everything in the result, the diff included, is computed from the two streams alone, so it is the same for
 * every interleaving; the merged text is only used when neither stream was captured on its own (output read
 * through a pseudo-terminal).
 *
 * <p>Actual lines the sample does not show are <em>abridged</em> unless a {@code ...} line could stand for
 * them: within one stream, lines between the stream's matches of sample lines {@code a} and {@code b} are
 * covered when a {@code ...} lies anywhere between {@code a} and {@code b} (lines before a stream's first
 * match or after its last likewise, up to the sample's edge). Which side of a line of the other stream they
 * were printed on is unknowable, so the rule gives them the benefit of the doubt. Blank lines never count.
 *
 * <p>Example, the lesson's {@code docker exec client curl -v server:8080/message}: its sample ends with
 * {@code <} (stderr) and the body (stdout). On stdout nothing is skipped: the body is its only line. On
 * stderr, {@code { [31 bytes data]}, the progress meter and {@code * Closing connection 0} follow {@code <},
 * after the stream's last documented line with no {@code ...} below it: they are abridged, reported as
 * "after line 251: 3 actual lines not shown in the sample", whichever way the body interleaved with them —
 * in every interleaving a terminal shows them and the sample does not, without marking the cut.
 */
public final class Matcher {

    private static final int STDOUT = 0;
    private static final int STDERR = 1;
    /** Unaccounted actual lines shown in a row in a diff; more would drown the difference (and slow the diff). */
    private static final int MAX_SHOWN_RUN = 100;

    private Matcher() {}

    /**
     * @param file   the lesson file, to number the diff with its own lines
     * @param merged both streams as they arrived; {@code stdout} and {@code stderr} each alone
     */
    public static MatchResult match(Sample sample, Path file, String merged, String stdout, String stderr) {
        return match(sample, file, merged, stdout, stderr, Lattice.MAX_CELLS);
    }

    static MatchResult match(Sample sample, Path file, String merged, String stdout, String stderr, long maxCells) {
        if (sample == null || sample.lines().stream().allMatch(String::isBlank)) {
            return new MatchResult(MatchResult.Outcome.NO_SAMPLE, List.of(), List.of(), null);
        }
        List<SampleLine> lines = sample.lines().stream().map(SampleLine::of).toList();
        ActualStream out = ActualStream.of("stdout", nullToEmpty(stdout));
        ActualStream err = ActualStream.of("stderr", nullToEmpty(stderr));
        if (out.size() == 0 && err.size() == 0) {
            out = ActualStream.of("output", nullToEmpty(merged));
        }
        ActualStream[] streams = {out, err};
        List<Alignment.Assignment> assignments = Alignment.align(lines, out, err, maxCells);

        List<String> drift = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            for (LinePattern.Drift d : assignments.get(i).drift()) {
                drift.add("line " + (sample.firstLine() + i) + ": " + d.documented().strip() + " → " + d.actual().strip());
            }
        }
        int firstMissing = -1;
        for (int i = 0; i < assignments.size() && firstMissing < 0; i++) {
            if (assignments.get(i).missing()) {
                firstMissing = i;
            }
        }

        List<Run> runs = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            runs.addAll(unmatchedRuns(lines, assignments, s, streams[s]));
        }
        runs.sort(Comparator.comparingInt(Run::key).thenComparingInt(r -> r.stream() == STDERR ? 0 : 1));
        List<String> abridged = runs.stream()
                .filter(r -> !r.covered() && r.shown() > 0)
                .map(r -> r.describe(sample.firstLine(), streams[r.stream()].name()))
                .toList();

        if (firstMissing < 0) {
            return new MatchResult(MatchResult.Outcome.MATCHED, drift, abridged, null);
        }
        String diff = UnifiedDiff.of(file + " (documented)", lines.stream().map(SampleLine::text).toList(),
                sample.firstLine(), "actual output", alignedActual(lines, assignments, runs, streams, firstMissing));
        // The diff shows each actual line the sample lacks: a mismatched line there is no abridgement.
        return new MatchResult(MatchResult.Outcome.MISMATCHED, drift, List.of(), diff);
    }

    /**
     * Actual lines that matched no sample line, in runs between a stream's matches. {@code key} places a run
     * among the sample lines: {@code 2i+1} is sample line {@code i}'s own slot (a covering {@code ...}),
     * {@code 2i} is just before sample line {@code i}.
     */
    private record Run(int stream, int from, int to, int key, boolean covered, int shown, String firstShown,
                       int after, int before) {

        String describe(int firstLine, String streamName) {
            String where = after >= 0 ? "after line " + (firstLine + after) : "before line " + (firstLine + before);
            return where + ": " + shown + (shown == 1 ? " actual line" : " actual lines")
                    + " not shown in the sample (" + streamName + ", from \"" + firstShown + "\")";
        }
    }

    private static List<Run> unmatchedRuns(List<SampleLine> lines, List<Alignment.Assignment> assignments,
                                           int s, ActualStream stream) {
        List<Run> runs = new ArrayList<>();
        int previous = -1;
        int from = 0;
        for (int i = 0; i <= lines.size(); i++) {
            boolean end = i == lines.size();
            if (!end && assignments.get(i).stream() != s) {
                continue;
            }
            int to = end ? stream.size() : assignments.get(i).position();
            if (to > from) {
                int gap = firstGap(lines, previous + 1, i);
                String firstShown = stream.lines().subList(from, to).stream()
                        .filter(ActualStream::mustBeShown).findFirst().orElse("");
                runs.add(new Run(s, from, to, gap >= 0 ? 2 * gap + 1 : 2 * (previous + 1), gap >= 0,
                        stream.shownBetween(from, to), firstShown, previous, end ? Math.max(0, previous) : i));
            }
            previous = i;
            from = to + 1;
        }
        return runs;
    }

    private static int firstGap(List<SampleLine> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (lines.get(i) instanceof SampleLine.Gap) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The actual output lined up with the sample, for the diff: a matched line reads as its sample line (a
     * placeholder or drifted value is no difference), lines a {@code ...} covers read as that {@code ...},
     * and lines nothing accounts for stand where they fall. A stream in which nothing matched is shown where
     * the first missing line should be, so the diff sets what came against what was documented.
     */
    private static List<String> alignedActual(List<SampleLine> lines, List<Alignment.Assignment> assignments,
                                              List<Run> runs, ActualStream[] streams, int firstMissing) {
        TreeMap<Integer, List<String>> shownAt = new TreeMap<>();
        for (Run run : runs) {
            boolean unanchored = assignments.stream().noneMatch(a -> a.stream() == run.stream());
            if (run.covered() && !unanchored) {
                continue;
            }
            int key = unanchored ? 2 * firstMissing : run.key();
            List<String> shown = streams[run.stream()].lines().subList(run.from(), run.to());
            List<String> into = shownAt.computeIfAbsent(key, k -> new ArrayList<>());
            if (shown.size() > MAX_SHOWN_RUN) {
                into.addAll(shown.subList(0, MAX_SHOWN_RUN));
                into.add("[… " + (shown.size() - MAX_SHOWN_RUN) + " more lines of " + streams[run.stream()].name() + "]");
            } else {
                into.addAll(shown);
            }
        }
        List<String> actual = new ArrayList<>();
        for (int i = 0; i <= lines.size(); i++) {
            actual.addAll(shownAt.getOrDefault(2 * i, List.of()));
            if (i < lines.size() && !assignments.get(i).missing()) {
                // A blank sample line stands for the actual's blank line beside it, never matched (blank lines never
                // count), which the actual lines around it show already: shown once, not twice.
                List<String> after = shownAt.get(2 * (i + 1));
                boolean blankShown = lines.get(i) instanceof SampleLine.Blank
                        && (!actual.isEmpty() && actual.get(actual.size() - 1).isBlank()
                        || after != null && !after.isEmpty() && after.get(0).isBlank());
                if (!blankShown) {
                    actual.add(lines.get(i).text());
                }
            }
        }
        return actual;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
