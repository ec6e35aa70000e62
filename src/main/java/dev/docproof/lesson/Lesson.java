package dev.docproof.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A lesson as read from one file: its document tree and what the reader noticed.
 * A lesson that could not be read at all has no nodes and at least one error diagnostic.
 * {@code metadata} holds the file-wide fields written at its top ({@code :orphan:}, {@code :tocdepth: 2}),
 * by name, in order; they are not part of the page.
 */
public record Lesson(Path source, Format format, String title, List<Node> nodes, List<Diagnostic> diagnostics,
                     Map<String, String> metadata) {

    public enum Format { RST, MARKDOWN, ASCIIDOC }

    public Lesson {
        nodes = List.copyOf(nodes);
        diagnostics = List.copyOf(diagnostics);
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /** A lesson without file-wide fields. */
    public Lesson(Path source, Format format, String title, List<Node> nodes, List<Diagnostic> diagnostics) {
        this(source, format, title, nodes, diagnostics, Map.of());
    }

    public boolean readable() {
        return !nodes.isEmpty() || diagnostics.stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    /** The same lesson with other nodes. */
    public Lesson withNodes(List<Node> otherNodes) {
        return new Lesson(source, format, title, otherNodes, diagnostics, metadata);
    }

    /** The same lesson with other diagnostics. */
    public Lesson withDiagnostics(List<Diagnostic> otherDiagnostics) {
        return new Lesson(source, format, title, nodes, otherDiagnostics, metadata);
    }
}
