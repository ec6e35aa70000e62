package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our reStructuredText reader. It splits the text into lines the way docutils does (tabs expanded to
 * 8-column stops, trailing whitespace stripped), parses them into the shared lesson model and
 * reports what it could not read as diagnostics; it never throws on bad input.
 * The lesson title is the first section title.
 */
public final class RstReader implements LessonReader {

    private static final int TAB_WIDTH = 8;
    /** {@code |name|}, as a substitution is referenced: no blank just inside its bars. */
    private static final Pattern SUBSTITUTION_REFERENCE = Pattern.compile("\\|([^|\\s](?:[^|]*[^|\\s])?)\\|");

    /** The folder include directives may read from; null: found from each lesson's place (see {@link RstIncludes}). */
    private final Path courseRoot;

    /** A reader whose includes stay inside the lesson's course folder, found from the lesson's place. */
    public RstReader() {
        this(null);
    }

    /** A reader whose includes stay inside {@code courseRoot}. */
    public RstReader(Path courseRoot) {
        this.courseRoot = courseRoot;
    }

    @Override
    public Lesson read(Path file, String text) {
        if (text == null) {
            return new Lesson(file, Lesson.Format.RST, null, List.of(),
                    List.of(Diagnostic.error(new SourceSpan(file, 1, 1), "no text to read")));
        }
        List<RstLine> lines = new ArrayList<>();
        int[] firstTab = splitLines(text, lines, null);
        RstIncludes.Files files = new RstIncludes.Files(courseRoot != null ? courseRoot : RstIncludes.courseRootOf(file));
        // conf.py's substitutions stand for every page; the page's own definitions win over them
        SphinxConf.Given conf = SphinxConf.of(files);
        RstContext ctx = new RstContext(file, List.of(), conf.substitutions(), files);
        List<Node> nodes = new RstBlockParser(ctx).parseDocument(lines);
        boolean anonymousLinks = ctx.anonymousReferences > 0 && !ctx.anonymousTargetsFound.isEmpty();
        boolean substitutions = !ctx.substitutionsFound.isEmpty() && (!ctx.undefinedSubstitutions.isEmpty()
                || ctx.substitutionsFound.keySet().stream().anyMatch(conf.substitutions()::containsKey));
        if (anonymousLinks || substitutions) {
            // facts the whole document knows only at its end (anonymous targets' URLs in order, what
            // substitutions defined after their use or over conf.py's stand for) are handed to a second pass (an anonymous
            // target without a URL is a null entry: it points at the next element)
            Map<String, List<Inline>> known = new HashMap<>(conf.substitutions());
            known.putAll(ctx.substitutionsFound);
            ctx = new RstContext(file, Collections.unmodifiableList(new ArrayList<>(ctx.anonymousTargetsFound)),
                    Map.copyOf(known), files);
            nodes = new RstBlockParser(ctx).parseDocument(lines);
        }
        if (!ctx.undefinedSubstitutions.isEmpty()) {
            // what conf.py could not give matters only to a page that misses a substitution
            ctx.diagnostics.addAll(conf.diagnostics());
        }
        ctx.diagnostics.addAll(ctx.undefinedSubstitutions);
        Set<String> defined = new HashSet<>(conf.substitutions().keySet());
        defined.addAll(ctx.substitutionsFound.keySet());
        substitutionsInCode(nodes, defined, ctx.diagnostics);
        if (ctx.anonymousReferences != ctx.anonymousTargetsFound.size()) {
            ctx.warn(1, 1, "Anonymous hyperlink mismatch: " + ctx.anonymousReferences + " anonymous references but "
                    + ctx.anonymousTargetsFound.size() + " anonymous targets (each `text`__ needs one \"__ url\")");
        }
        if (firstTab != null) {
            ctx.diagnostics.add(0, Diagnostic.warning(ctx.span(firstTab[0], firstTab[1]),
                    "tab expanded to 8-column stops, as docutils does (" + firstTab[2]
                            + " lines have tabs; prefer spaces so indentation means what it shows)"));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        nodes = fileWideFields(nodes, metadata);
        return new Lesson(file, Lesson.Format.RST, firstSectionTitle(nodes), nodes, ctx.diagnostics, metadata);
    }

    /**
     * Sphinx makes no substitution inside a literal or code block: {@code docker run |image|} there is shown, and
     * copied by a learner, as written. A warning at each substitution the page defines that a block uses, saying how
     * to show its value.
     */
    private static void substitutionsInCode(List<? extends Node> nodes, Set<String> defined, List<Diagnostic> diagnostics) {
        for (Node node : nodes) {
            if (!(node instanceof Node.CodeBlock block)) {
                substitutionsInCode(node.nested(), defined, diagnostics);
                continue;
            }
            for (int i = 0; i < block.lines().size(); i++) {
                Matcher used = SUBSTITUTION_REFERENCE.matcher(block.lines().get(i));
                while (used.find()) {
                    if (defined.contains(used.group(1))) {
                        diagnostics.add(Diagnostic.warning(block.span().at(block.lineOf(i), block.indent() + used.start() + 1),
                                "|" + used.group(1) + "| is not replaced inside a code block: Sphinx shows it, and a"
                                        + " learner copies it, as written; write the value, or make the block a"
                                        + " `.. parsed-literal::`, whose substitutions are replaced"));
                    }
                }
            }
        }
    }

    /**
     * A field list before any other markup but comments, labels and substitution definitions is the
     * document's metadata ({@code :orphan:}, {@code :tocdepth: 2}), as in Sphinx: taken out of the
     * page and returned in {@code metadata}.
     */
    private static List<Node> fileWideFields(List<Node> nodes, Map<String, String> metadata) {
        for (int k = 0; k < nodes.size(); k++) {
            Node node = nodes.get(k);
            if (node instanceof Node.FieldList fields) {
                for (Node.Field field : fields.fields()) {
                    metadata.put(field.name().toLowerCase(java.util.Locale.ROOT), fieldText(field.body()));
                }
                List<Node> rest = new ArrayList<>(nodes);
                rest.remove(k);
                return List.copyOf(rest);
            }
            boolean preamble = node instanceof Node.Comment || node instanceof Node.Target
                    || node instanceof Node.Directive d && d.options().containsKey("substitution");
            if (!preamble) {
                break;
            }
        }
        return nodes;
    }

    private static String fieldText(List<Node> body) {
        StringBuilder text = new StringBuilder();
        for (Node node : body) {
            if (node instanceof Node.Paragraph p) {
                text.append(text.length() > 0 ? "\n" : "").append(InlineText.plain(p.content()));
            }
        }
        return text.toString();
    }

    /**
     * Fills {@code out} with the document's lines; returns {line, column, count} of the first tab
     * and the number of lines with tabs, or null when there are none.
     */
    static int[] splitLines(String text, List<RstLine> out, RstLine.Origin origin) {
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
            out.add(new RstLine(number, 1, line.stripTrailing(), origin));
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
