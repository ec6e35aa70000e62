package dev.docproof.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * A lesson as read from one file: its document tree and what the reader noticed.
 * A lesson that could not be read at all has no nodes and at least one error diagnostic.
 */
public record Lesson(Path source, Format format, String title, List<Node> nodes, List<Diagnostic> diagnostics) {

    public enum Format { RST, MARKDOWN, ASCIIDOC }

    public Lesson {
        nodes = List.copyOf(nodes);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean readable() {
        return !nodes.isEmpty() || diagnostics.stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
