package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Our reStructuredText reader. It splits the text into lines the way docutils does (tabs expanded to
 * 8-column stops, trailing whitespace stripped), parses them into the shared lesson model and
 * reports what it could not read as diagnostics; it never throws on bad input.
 * The lesson title is the first section title.
 */
public final class RstReader implements LessonReader {

    private static final int TAB_WIDTH = 8;

    @Override
    public Lesson read(Path file, String text) {
        if (text == null) {
            return new Lesson(file, Lesson.Format.RST, null, List.of(),
                    List.of(Diagnostic.error(new SourceSpan(file, 1, 1), "no text to read")));
        }
        List<RstLine> lines = new ArrayList<>();
        int[] firstTab = splitLines(text, lines);
        RstContext ctx = new RstContext(file, List.of(), Map.of());
        List<Node> nodes = new RstBlockParser(ctx).parseDocument(lines);
        boolean anonymousLinks = ctx.anonymousReferences > 0 && !ctx.anonymousTargetsFound.isEmpty();
        boolean titleReplacements = ctx.titleUsesSubstitution && !ctx.replacementsFound.isEmpty();
        if (anonymousLinks || titleReplacements) {
            // facts the whole document knows only at its end (anonymous targets' URLs in order,
            // substitution texts for title texts) are handed to a second pass
            // (an anonymous target without a URL is a null entry: it points at the next element)
            ctx = new RstContext(file, Collections.unmodifiableList(new ArrayList<>(ctx.anonymousTargetsFound)),
                    Map.copyOf(ctx.replacementsFound));
            nodes = new RstBlockParser(ctx).parseDocument(lines);
        }
        if (ctx.anonymousReferences != ctx.anonymousTargetsFound.size()) {
            ctx.warn(1, 1, "Anonymous hyperlink mismatch: " + ctx.anonymousReferences + " anonymous references but "
                    + ctx.anonymousTargetsFound.size() + " anonymous targets (each `text`__ needs one \"__ url\")");
        }
        if (firstTab != null) {
            ctx.diagnostics.add(0, Diagnostic.warning(ctx.span(firstTab[0], firstTab[1]),
                    "tab expanded to 8-column stops, as docutils does (" + firstTab[2]
                            + " lines have tabs; prefer spaces so indentation means what it shows)"));
        }
        return new Lesson(file, Lesson.Format.RST, firstSectionTitle(nodes), nodes, ctx.diagnostics);
    }

    /**
     * Fills {@code out} with the document's lines; returns {line, column, count} of the first tab
     * and the number of lines with tabs, or null when there are none.
     */
    static int[] splitLines(String text, List<RstLine> out) {
        int[] tabs = null;
        int n = text.length();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int number = 1;
        while (start <= n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (end == n && start == n && n > 0) {
                break; // no line after a final newline
            }
            String line = text.substring(start, end);
            int tab = line.indexOf('\t');
            if (tab >= 0) {
                if (tabs == null) {
                    tabs = new int[] {number, tab + 1, 0};
                }
                tabs[2]++;
                line = expandTabs(line);
            }
            out.add(new RstLine(number, 1, line.stripTrailing()));
            number++;
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        return tabs;
    }

    private static String expandTabs(String line) {
        StringBuilder sb = new StringBuilder(line.length() + 16);
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '\t') {
                int spaces = TAB_WIDTH - sb.length() % TAB_WIDTH;
                sb.append(" ".repeat(spaces));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String firstSectionTitle(List<Node> nodes) {
        for (Node node : nodes) {
            if (node instanceof Node.Section section) {
                return section.titleText();
            }
        }
        return null;
    }
}
