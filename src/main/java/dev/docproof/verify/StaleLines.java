package dev.docproof.verify;

import dev.docproof.lesson.Sample;
import dev.docproof.shell.Suggestions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lines of a template's sample that its instance never printed, compared as any sample is ({@code ...},
 * placeholders, volatile values; see {@link Matcher}), each with the actual line closest to it as evidence.
 * Pure.
 */
public final class StaleLines {

    /** Sample line {@code index} (0-based) was not printed; {@code closest} is the most alike actual line. */
    public record Stale(int index, String documented, Optional<String> closest) {}

    private StaleLines() {}

    public static List<Stale> of(Sample sample, String merged, String stdout, String stderr) {
        if (sample == null || sample.lines().stream().allMatch(String::isBlank)) {
            return List.of();
        }
        List<SampleLine> lines = sample.lines().stream().map(SampleLine::of).toList();
        ActualStream out = ActualStream.of("stdout", stdout == null ? "" : stdout);
        ActualStream err = ActualStream.of("stderr", stderr == null ? "" : stderr);
        if (out.size() == 0 && err.size() == 0) {
            out = ActualStream.of("output", merged == null ? "" : merged);
        }
        List<Alignment.Assignment> assignments = Alignment.align(lines, out, err);
        // Evidence comes from the lines no other sample line accounts for, when there are any.
        ActualStream[] streams = {out, err};
        List<String> unmatched = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            for (int p = 0; p < streams[s].lines().size(); p++) {
                int stream = s;
                int position = p;
                boolean matched = assignments.stream()
                        .anyMatch(a -> !a.missing() && a.stream() == stream && a.position() == position);
                if (!matched && !streams[s].lines().get(p).isBlank()) {
                    unmatched.add(streams[s].lines().get(p));
                }
            }
        }
        List<String> actual = unmatched.isEmpty() ? Stream.concat(out.lines().stream(), err.lines().stream())
                .filter(l -> !l.isBlank()).toList() : unmatched;
        List<Stale> stale = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            if (assignments.get(i).missing()) {
                String documented = sample.lines().get(i);
                stale.add(new Stale(i, documented, closest(documented, actual)));
            }
        }
        return stale;
    }

    private static String plain(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    private static Optional<String> closest(String documented, List<String> actual) {
        String wanted = plain(documented.replaceAll("<[^<>]*>|\\.\\.\\.", " "));
        return actual.stream().min(Comparator.comparingInt(line -> Suggestions.distance(wanted, plain(line))));
    }

}
