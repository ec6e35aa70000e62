package dev.docproof.verify;

import java.util.List;

/**
 * How an actual output compares with a documented sample.
 *
 * @param drift    volatile values that differ but are of the same kind, e.g. "172.28.0.2 → 172.18.0.3"
 * @param abridged actual lines a matched sample skips without a {@code ...}, described for a warning (a mismatch has its diff)
 * @param diff     a unified diff numbered with the lesson's lines when a documented line is missing, else null
 */
public record MatchResult(Outcome outcome, List<String> drift, List<String> abridged, String diff) {

    public enum Outcome { NO_SAMPLE, MATCHED, MISMATCHED }

    public MatchResult {
        drift = List.copyOf(drift);
        abridged = List.copyOf(abridged);
    }

    public boolean matched() {
        return outcome != Outcome.MISMATCHED;
    }
}
