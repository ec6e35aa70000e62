package dev.docproof.lesson;

import java.nio.file.Path;

/** Where something stands in a lesson file: 1-based line and column. */
public record SourceSpan(Path file, int line, int column) {

    public SourceSpan atLine(int otherLine) {
        return new SourceSpan(file, otherLine, 1);
    }

    /** {@code content/x.rst:262} — the form every message uses. */
    public String fileLine() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
