package dev.docproof.site;

import dev.docproof.lesson.SourceSpan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A lesson's source lines, to point a message at the exact line and column of text inside a block
 * (the model positions blocks, not the words within them).
 */
final class SourceText {

    private static final int LOOKAHEAD = 400;

    private final List<String> lines;

    private SourceText(List<String> lines) {
        this.lines = lines;
    }

    static SourceText of(Path file) {
        try {
            return new SourceText(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new SourceText(List.of()); // positions then fall back to the block's start
        }
    }

    /** Where {@code needle} first appears at or after {@code from}'s line; {@code from} itself when it does not. */
    SourceSpan locate(SourceSpan from, String needle) {
        return locateAfter(from, needle, null);
    }

    /**
     * As {@link #locate}, past {@code previous} (where the same text was found last, or null): the second link to one
     * target in a paragraph is the second place it is written.
     */
    SourceSpan locateAfter(SourceSpan from, String needle, SourceSpan previous) {
        if (needle.isEmpty()) {
            return from;
        }
        int start = Math.max(0, (previous == null ? from : previous).line() - 1);
        for (int i = start; i < Math.min(lines.size(), start + LOOKAHEAD); i++) {
            int column = lines.get(i).indexOf(needle, previous != null && i == previous.line() - 1 ? previous.column() : 0);
            if (column >= 0) {
                return new SourceSpan(from.file(), i + 1, column + 1);
            }
        }
        return from;
    }
}
