package dev.docproof.verify;

import dev.docproof.lesson.Sample;

import java.nio.file.Path;

/** Compares what a step printed with the sample its lesson documents. Pure. */
public final class Matcher {

    private Matcher() {}

    /**
     * @param file   the lesson file, to number the diff with its own lines
     * @param merged both streams as they arrived; {@code stdout} and {@code stderr} each alone
     */
    public static MatchResult match(Sample sample, Path file, String merged, String stdout, String stderr) {
        throw new UnsupportedOperationException("not built yet");
    }
}
