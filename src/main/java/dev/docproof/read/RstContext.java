package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.SourceSpan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one read of one file shares between the block and inline parsers. */
final class RstContext {

    final Path file;
    final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Section title styles in order of first appearance: index + 1 is the level (as docutils assigns). */
    final List<String> titleStyles = new ArrayList<>();
    /** URLs of the anonymous targets ({@code __ url}, {@code .. __: url}) in document order. */
    final List<String> anonymousUrls;
    /** Anonymous targets met while parsing, in order (their URLs resolve anonymous references). */
    final List<String> anonymousTargetsFound = new ArrayList<>();
    int anonymousReferences;
    /** Texts of {@code replace} substitutions, by name, known before this pass (for title texts). */
    final Map<String, String> replacements;
    /** Texts of {@code replace} substitutions met while parsing. */
    final Map<String, String> replacementsFound = new HashMap<>();
    /** Whether a section title uses a substitution, so its plain text needs the replacements. */
    boolean titleUsesSubstitution;

    RstContext(Path file, List<String> anonymousUrls, Map<String, String> replacements) {
        this.file = file;
        this.anonymousUrls = anonymousUrls;
        this.replacements = replacements;
    }

    /** The replacement text of substitution {@code name} (exact name first, then case-insensitive), or null. */
    String replacement(String name) {
        String exact = replacements.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> entry : replacements.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    SourceSpan span(int line, int column) {
        return new SourceSpan(file, line, column);
    }

    SourceSpan span(RstLine line) {
        return new SourceSpan(file, line.number(), line.column());
    }

    void warn(int line, int column, String message) {
        diagnostics.add(Diagnostic.warning(span(line, column), message));
    }

    void error(int line, int column, String message) {
        diagnostics.add(Diagnostic.error(span(line, column), message));
    }

    /** The URL of the next anonymous reference, or null when the document has fewer anonymous targets. */
    String nextAnonymousUrl() {
        int index = anonymousReferences++;
        return index < anonymousUrls.size() ? anonymousUrls.get(index) : null;
    }
}
