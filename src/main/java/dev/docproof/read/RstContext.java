package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
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
    /** What each substitution stands for, by name, as known before this pass (definitions may follow uses). */
    final Map<String, List<Inline>> substitutions;
    /** Substitution definitions met while parsing. */
    final Map<String, List<Inline>> substitutionsFound = new HashMap<>();
    /** Substitution references met while parsing whose name had no definition known to this pass. */
    final List<Diagnostic> undefinedSubstitutions = new ArrayList<>();
    /** Where include directives read files from, shared by both passes so each file is read once. */
    final RstIncludes.Files files;
    /** Files being included, innermost last: an include of one of them would never end. */
    final List<Path> including = new ArrayList<>();
    /** The default language of literal blocks, set by Sphinx's {@code highlight} directive; null for none. */
    String highlight;

    RstContext(Path file, List<String> anonymousUrls, Map<String, List<Inline>> substitutions, RstIncludes.Files files) {
        this.file = file;
        this.anonymousUrls = anonymousUrls;
        this.substitutions = substitutions;
        this.files = files;
    }

    /** What substitution {@code name} stands for (exact name first, then case-insensitive, as docutils), or null. */
    List<Inline> substitution(String name) {
        List<Inline> exact = substitutions.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, List<Inline>> entry : substitutions.entrySet()) {
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
        return span(line, line.column());
    }

    /** A position on {@code line}'s source line, in the file it comes from. */
    SourceSpan span(RstLine line, int column) {
        RstLine.Origin origin = line.origin();
        return origin == null ? span(line.number(), column)
                : new SourceSpan(origin.file(), line.number(), column, origin.includedFrom());
    }

    void warn(int line, int column, String message) {
        diagnostics.add(Diagnostic.warning(span(line, column), message));
    }

    void warn(RstLine line, int column, String message) {
        diagnostics.add(Diagnostic.warning(span(line, column), message));
    }

    void error(SourceSpan at, String message) {
        diagnostics.add(Diagnostic.error(at, message));
    }

    void error(RstLine line, int column, String message) {
        diagnostics.add(Diagnostic.error(span(line, column), message));
    }

    /** The URL of the next anonymous reference, or null when the document has fewer anonymous targets. */
    String nextAnonymousUrl() {
        int index = anonymousReferences++;
        return index < anonymousUrls.size() ? anonymousUrls.get(index) : null;
    }
}
