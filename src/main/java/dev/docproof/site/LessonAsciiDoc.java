package dev.docproof.site;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Lesson;
import dev.docproof.plan.Callouts;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.run.Leak;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Note;
import dev.docproof.run.Outcome;
import dev.docproof.verify.Secrets;
import dev.docproof.run.Status;
import dev.docproof.run.StepResult;
import dev.docproof.verify.MatchResult;
import dev.docproof.verify.TerminalText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes one lesson page as AsciiDoc: the lesson's own blocks in order, each shell command with its
 * verdict widget (HTML {@code <div id="L241" class="exampleblock step passed">}), output in collapsed blocks,
 * repairs, leaks.
 * Every piece of lesson text or command output goes through {@link AsciiDoc}, never raw.
 */
public final class LessonAsciiDoc {

    /** Directives shown as written (in a collapsed block): the site reads them, or their text is the point. */
    private static final Set<String> RECORDED = Set.of("toctree", "raw", "literalinclude", "include");

    private final LessonPage page;
    /** The ids of the page's glossary terms, made when its first glossary is shown. */
    private Map<String, String> termAnchors;
    private final PageLinks links;
    /** Planned blocks by where they stand (an included block's line number may repeat one of the lesson's). */
    private final Map<SourceSpan, PlannedBlock> plannedBySpan = new HashMap<>();
    private final Set<String> sectionLabels = new HashSet<>();
    private final Set<String> ids = new HashSet<>();
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private int definitionDepth;
    /** How many table cells the current block stands in. */
    private int tables;
    private boolean firstSection = true;
    /** The block being written, where messages about its inline content point. */
    private SourceSpan here;
    private final FindingPlaces findings;
    private final Footnotes footnotes;

    /** Where the page's ready HTML goes: written out, or as placeholders restored after the conversion. */
    private final Passthroughs pass;
    /** Where the last passthrough block starts and ends in {@link #out}: a block right after it extends it. */
    private int lastBlockStart = -1;
    private int lastBlockEnd = -1;

    LessonAsciiDoc(PageLinks links, Passthroughs pass) {
        this.pass = pass;
        this.page = links.page();
        this.links = links;
        this.here = new SourceSpan(page.plan().lesson().source(), 1, 1);
        page.plan().blocks().forEach(b -> plannedBySpan.put(b.block().span(), b));
        this.findings = new FindingPlaces(page.plan().lesson().nodes(), page.findings());
        this.footnotes = new Footnotes(page.plan().lesson().nodes());
    }

    /** The page's AsciiDoc. */
    public String write() {
        List<Node> nodes = page.plan().lesson().nodes();
        collectLabels(nodes);
        if (!page.plan().steps().isEmpty() || page.result() != null && page.result().setupError() != null) {
            summary();
        }
        Node.FieldList fileWide = Course.fileWideFields(nodes);
        blocks(nodes.stream().filter(n -> n != fileWide).toList(), 1);
        if (!footnotes.inlined().isEmpty()) {
            passthrough(footnotes.inlined().stream().map(f -> footnoteHtml("", f.note(), List.of(f.text())))
                    .collect(java.util.stream.Collectors.joining("", "<div class=\"footnotes\">\n<hr>\n", "</div>\n")));
        }
        findings(findings.rest());
        leaks();
        return out.toString();
    }

    // ---- page frame ------------------------------------------------------------------------------

    private void summary() {
        LessonResult result = page.result();
        StringBuilder line = new StringBuilder();
        if (result == null) {
            line.append("[.count.not-verified]##").append(text("rendered without a run: nothing verified"))
                    .append("##");
        } else {
            var counts = page.counts();
            count(line, "passed", counts.get(Verdict.PASSED) + " passed");
            count(line, "ran", counts.get(Verdict.RAN) + " ran");
            count(line, "failed", counts.get(Verdict.FAILED) + " failed");
            count(line, "repaired", counts.get(Verdict.REPAIRED) + " repaired");
            if (counts.get(Verdict.BOUND) > 0) {
                count(line, "bound", counts.get(Verdict.BOUND) + " bound");
            }
            if (counts.get(Verdict.SKIPPED) > 0) {
                count(line, "skipped", counts.get(Verdict.SKIPPED) + " skipped");
            }
            count(line, "not-run", page.notRun() + " not run");
            count(line, "leaks", page.leaks() + (page.leaks() == 1 ? " leak" : " leaks"));
            line.append(text("· " + Format.duration(result.duration())));
        }
        blank();
        out.append("[.run-summary]\n").append(paragraphLine(line.toString())).append('\n');
        if (result != null && result.setupError() != null) {
            blank();
            out.append("[.setup-error]\n").append(paragraphLine(
                    "**" + text("Not run:") + "** " + text(result.setupError().message()))).append('\n');
        }
    }

    private void count(StringBuilder line, String role, String text) {
        line.append("[.count.").append(role).append("]##").append(text(text)).append("## ");
    }

    private void leaks() {
        LessonResult result = page.result();
        if (result == null || page.plan().steps().isEmpty()) {
            return;
        }
        blank();
        if (result.leaks().isEmpty()) {
            out.append("[#leaks.leak-list.none]\n").append(text("No resources left behind.")).append('\n');
            return;
        }
        out.append(".").append(text("Resources left behind")).append('\n');
        out.append("[#leaks.leak-list]\n");
        for (Leak leak : result.leaks()) {
            StringBuilder item = new StringBuilder("* ");
            item.append(text(leak.kind().jsonName() + " ")).append("``").append(text(leak.name()))
                    .append("`` ");
            if (leak.line() > 0) {
                item.append(text("created at ")).append(stepLink(leak.line()));
                Step creator = stepAt(leak.line());
                if (creator != null) {
                    item.append(' ').append("[.command]``").append(text("$ " + creator.command())).append("``");
                }
            }
            item.append(item.charAt(item.length() - 1) == ' ' ? "" : " ").append(text(leak.removed()
                    ? "— removed by docproof after the lesson" : "— still present: remove it yourself"));
            out.append(item).append('\n');
        }
    }

    private Step stepAt(int line) {
        return page.plan().steps().stream().filter(s -> s.line() == line).findFirst().orElse(null);
    }

    private String stepLink(int line) {
        Step step = stepAt(line);
        return "link:++#" + (step == null ? "L" + line : anchor(step)) + "++[" + text("line " + line) + "]";
    }

    /**
     * A step's anchor: {@code L262}, its line; for a step an include brought in, the include's line too
     * ({@code L9-15}), as its line number may repeat one of the lesson's.
     */
    private static String anchor(Step step) {
        return "L" + (step.span().included() ? step.span().inLesson().line() + "-" : "") + step.line();
    }

    /** Where a step stands, as its permalink reads: {@code line 15}, or {@code line 15 of prereq.adoc} for an included one. */
    private static String placeOf(Step step) {
        java.nio.file.Path name = step.span().file().getFileName();
        return "line " + step.line() + (step.span().included() && name != null ? " of " + name : "");
    }

    // ---- blocks ----------------------------------------------------------------------------------

    private void collectLabels(List<Node> nodes) {
        for (Node node : nodes) {
            if (node instanceof Node.Section s) {
                s.labels().forEach(l -> sectionLabels.add(CrossRefs.anchor(l)));
                collectLabels(s.children());
            }
        }
    }

    private void blocks(List<Node> nodes, int sectionLevel) {
        for (Node node : nodes) {
            if (node instanceof Node.Section section) {
                section(section, sectionLevel);
            } else if (!(node instanceof Node.Comment)) {
                blank();
                block(node, 1);
                endList(node);
            }
        }
    }

    private void section(Node.Section section, int parentLevel) {
        int level = Math.max(1, Math.min(Math.min(section.level(), parentLevel), 5));
        blank();
        here = section.span();
        String primary = links.sectionId(section);
        ids.add(primary);
        out.append("[#").append(primary).append("]\n");
        out.append("=".repeat(level + 1)).append(' ');
        List<String> extras = new ArrayList<>();
        section.labels().forEach(label -> extras.add(CrossRefs.anchor(label)));
        extras.add(links.titleId(section));
        for (String extra : extras) {
            if (extra != null && ids.add(extra)) {
                out.append("anchor:").append(extra).append("[]");
            }
        }
        String number = links.sectionNumber(section, firstSection);
        firstSection = false;
        if (!number.isEmpty()) {
            out.append(pass.inline("<span class=\"section-number\">" + AsciiDoc.passContent(number) + "</span>"));
        }
        String title = inlines(section.title());
        out.append(title.isEmpty() ? text(section.titleText()) : title).append('\n');
        blocks(section.children(), level + 1);
    }

    /** One block, starting on the current line (the caller placed the blank line or list continuation). */
    private void block(Node node, int listDepth) {
        here = node.span();
        if (node instanceof Node.Paragraph p) {
            paragraphHtml(inlineHtml(p.content()), null);
        } else if (node instanceof Node.Admonition a) {
            admonition(a);
        } else if (node instanceof Node.Group g) {
            group(g);
        } else if (node instanceof Node.ListBlock l) {
            list(l, listDepth);
        } else if (node instanceof Node.ListItem item) {
            list(new Node.ListBlock(item.span(), false, List.of(item)), listDepth);
        } else if (node instanceof Node.DefinitionList d) {
            definitions(d);
        } else if (node instanceof Node.Definition d) {
            definitions(new Node.DefinitionList(d.span(), List.of(d)));
        } else if (node instanceof Node.FieldList f) {
            fields(f);
        } else if (node instanceof Node.Field f) {
            fields(new Node.FieldList(f.span(), List.of(f)));
        } else if (node instanceof Node.BlockQuote q) {
            delimited("[quote]", '_', q.children());
        } else if (node instanceof Node.CodeBlock c) {
            codeBlock(c);
        } else if (node instanceof Node.Target t) {
            target(t);
        } else if (node instanceof Node.Image i) {
            image(i);
        } else if (node instanceof Node.Table t) {
            table(t);
        } else if (node instanceof Node.LineBlock l) {
            lineBlock(l);
        } else if (node instanceof Node.Transition) {
            out.append("'''\n");
        } else if (node instanceof Node.Directive d) {
            directive(d);
        } else if (node instanceof Node.Section s) {
            section(s, 5);
        }
        // Comments are never shown to readers.
        findings(findings.after(node));
    }

    /** Findings at their place: each names its line and column and links to it. */
    private void findings(List<Finding> here) {
        if (here.isEmpty()) {
            return;
        }
        blank();
        out.append("[.notes.findings]\n");
        for (Finding f : here) {
            out.append("* [#F").append(f.span().line()).append('-').append(f.span().column()).append(".finding.")
                    .append(f.severity().name().toLowerCase(java.util.Locale.ROOT)).append("]#")
                    .append(text("line " + f.span().line() + ":" + f.span().column() + ": "
                            + f.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + f.text()
                            + f.evidence().map(e -> " (" + e + ")").orElse("")))
                    .append("#\n");
        }
    }

    /** Adjacent lists would merge into one (AsciiDoc nests the second in the first's last item): end it. */
    private void endList(Node node) {
        if (node instanceof Node.ListBlock || node instanceof Node.ListItem || node instanceof Node.DefinitionList
                || node instanceof Node.Definition || node instanceof Node.FieldList || node instanceof Node.Field) {
            out.append("\n//-\n");
        }
    }

    private void blank() {
        int n = out.length();
        if (n > 0 && !(n > 1 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n')) {
            out.append(out.charAt(n - 1) == '\n' ? "\n" : "\n\n");
        }
    }

    /**
     * A paragraph of ready HTML, starting on the current line. Outside tables it is the HTML asciidoctor
     * writes for a paragraph, passed through (one block less to parse, and it joins a passthrough just
     * before it); a table's header cells read no blocks, so there it stays an AsciiDoc paragraph.
     */
    private void paragraphHtml(String html, String role) {
        if (html.isEmpty()) {
            out.append("{empty}\n");
        } else if (tables > 0) {
            if (role != null) {
                out.append("[.").append(role).append("]\n");
            }
            out.append(paragraphLine(pass.inline(html))).append('\n');
        } else {
            passthroughHere("<div class=\"paragraph" + (role == null ? "" : " " + role) + "\">\n<p>" + html + "</p>\n</div>\n");
        }
    }

    private static String paragraphLine(String line) {
        return line.startsWith("[") || line.startsWith(".") ? "{empty}" + line : line;
    }

    private String delimiter(char c) {
        return String.valueOf(c).repeat(4 + 2 * depth);
    }

    private void delimited(String attributes, char delimiterChar, List<Node> children) {
        String delimiter = delimiter(delimiterChar);
        out.append(attributes).append('\n').append(delimiter).append('\n');
        depth++;
        boolean first = true;
        for (Node child : children) {
            if (child instanceof Node.Comment) {
                continue;
            }
            if (!first) {
                blank();
            }
            first = false;
            block(child, 1);
            endList(child);
        }
        depth--;
        if (first) {
            out.append("{empty}\n");
        }
        out.append(delimiter).append('\n');
    }

    private void admonition(Node.Admonition a) {
        String kind = a.kind().toLowerCase(Locale.ROOT);
        String attributes = switch (kind) {
            case "note" -> "[NOTE]";
            case "tip" -> "[TIP]";
            case "warning" -> "[WARNING]";
            case "important" -> "[IMPORTANT]";
            case "caution" -> "[CAUTION]";
            case "danger" -> "[WARNING.danger,caption=Danger]";
            case "attention" -> "[IMPORTANT.attention,caption=Attention]";
            case "hint" -> "[TIP.hint,caption=Hint]";
            case "error" -> "[CAUTION.error,caption=Error]";
            default -> null;
        };
        if (attributes == null) {
            titledBox(a);
            return;
        }
        String title = inlines(a.title());
        if (!title.isEmpty()) {
            out.append('.').append(title).append('\n');
        }
        delimited(attributes, '=', a.children());
    }

    /**
     * A generic admonition ({@code .. admonition:: Title}), Sphinx's {@code seealso} and its version changes
     * ({@code versionadded}, ...): a neutral box headed by its own title, with the title's class as Sphinx gives it
     * ({@code admonition-warning}), or the directive's.
     */
    private void titledBox(Node.Admonition a) {
        String kind = a.kind().toLowerCase(Locale.ROOT);
        String title = kind.equals("seealso") ? text("See also") : inlines(a.title());
        String role = switch (kind) {
            case "seealso" -> "seealso";
            case "versionadded", "versionchanged", "deprecated", "versionremoved" -> "version-change." + kind;
            default -> "admonition-" + AsciiDoc.name(Inline.plain(a.title()));
        };
        out.append('.').append(title.isEmpty() ? "{empty}" : title).append('\n');
        delimited("[.admonition." + role + "]", '=', a.children());
    }

    /**
     * A group as a box of its own kind ({@code .group-tab}, {@code .group-topic}, ...; never a name the page frame uses) headed by its title; the page's
     * script turns a set of tabs into tabs. A rubric is its title alone.
     */
    private void group(Node.Group g) {
        String title = inlines(g.title());
        if (g.name().equals("rubric")) {
            out.append("[.rubric]\n").append(nonEmpty(title)).append('\n');
            return;
        }
        if (!title.isEmpty()) {
            out.append('.').append(title).append('\n');
        }
        delimited("[.group.group-" + AsciiDoc.name(g.name()) + "]", '=', g.children());
    }

    private void list(Node.ListBlock list, int listDepth) {
        String marker = (list.ordered() ? "." : "*").repeat(Math.min(listDepth, 5));
        if (list.ordered()) {
            // the numbering as written: AsciiDoc would otherwise number nested lists a, b, c, then i, ii
            String style = switch (list.numbering()) {
                case LOWER_ALPHA -> "loweralpha";
                case UPPER_ALPHA -> "upperalpha";
                case LOWER_ROMAN -> "lowerroman";
                case UPPER_ROMAN -> "upperroman";
                default -> "arabic";
            };
            String byDepth = List.of("arabic", "loweralpha", "lowerroman", "upperalpha", "upperroman")
                    .get((Math.min(listDepth, 5) - 1) % 5);
            if (!style.equals(byDepth) || list.start() != 1) {
                out.append('[').append(style).append(list.start() == 1 ? "" : ",start=" + list.start()).append("]\n");
            }
        }
        for (Node.ListItem item : list.items()) {
            List<Node> children = item.children().stream().filter(c -> !(c instanceof Node.Comment)).toList();
            int start = 0;
            if (!children.isEmpty() && children.get(0) instanceof Node.Paragraph p) {
                out.append(marker).append(' ').append(nonEmpty(inlines(p.content()))).append('\n');
                start = 1;
            } else {
                out.append(marker).append(" {empty}\n");
            }
            attach(children.subList(start, children.size()), listDepth, true);
        }
    }

    /** Blocks after a list item's or definition's first line: nested lists follow, others are attached with '+'. */
    private void attach(List<Node> children, int listDepth, boolean inList) {
        boolean afterList = false;
        for (Node child : children) {
            if (inList && child instanceof Node.ListBlock nested) {
                list(nested, listDepth + 1);
                afterList = true;
                continue;
            }
            if (afterList) {
                out.append('\n'); // an ancestor continuation: attach to the item, not to the nested list's last item
            }
            out.append("+\n");
            if (child instanceof Node.CodeBlock) {
                // a code block is several blocks (its anchor, steps, their outputs, findings): a continuation
                // attaches only the first, so they go into one open block (a code block holds no other open block)
                out.append("--\n");
                block(child, listDepth + 1);
                blank();
                out.append("--\n");
            } else {
                block(child, listDepth + 1);
            }
            afterList = false;
        }
    }

    private void definitions(Node.DefinitionList list) {
        for (Node.Definition d : list.items()) {
            term(inlines(d.term()), d.body());
        }
    }

    private void term(String term, List<Node> body) {
        String separator = "::" + ":".repeat(Math.min(definitionDepth, 2));
        List<Node> children = body.stream().filter(c -> !(c instanceof Node.Comment)).toList();
        out.append(nonEmpty(term)).append(separator);
        int start = 0;
        if (!children.isEmpty() && children.get(0) instanceof Node.Paragraph p) {
            out.append(' ').append(nonEmpty(inlines(p.content())));
            start = 1;
        }
        out.append('\n');
        definitionDepth++;
        attach(children.subList(start, children.size()), 1, false);
        definitionDepth--;
    }

    private void fields(Node.FieldList list) {
        out.append("[.fields]\n");
        for (Node.Field f : list.fields()) {
            term(text(f.name()), f.body());
        }
    }

    private void target(Node.Target t) {
        String id = CrossRefs.anchor(t.name());
        if (t.url() != null || sectionLabels.contains(id) || !ids.add(id)) {
            return; // a link definition, or a label its section already carries
        }
        out.append("[.target]\n").append("anchor:").append(id).append("[]\n");
    }

    private void image(Node.Image image) {
        String alt = image.options().getOrDefault("alt", "").strip();
        String url = AsciiDoc.safeUrl(image.uri());
        boolean external = image.uri().contains("://") || image.uri().startsWith("//");
        if (url == null || external) {
            // An image from elsewhere would break a self-contained page: link to it instead.
            String link = url == null ? text(image.uri()) : "link:++" + url + "++[" + text(alt.isEmpty() ? image.uri() : alt) + "]";
            String caption = captionText(image.caption());
            if (!caption.isEmpty()) {
                out.append('.').append(caption).append('\n');
            }
            out.append("[.image.external]\n").append(paragraphLine(text("image: ") + link)).append('\n');
            return;
        }
        String src = AsciiDoc.safeUrl(links.image(image.uri(), image.span()));
        StringBuilder img = new StringBuilder();
        String target = image.options().get("target");
        String targetUrl = target == null ? null : AsciiDoc.safeUrl(target);
        if (targetUrl != null) {
            img.append("<a class=\"image-reference\" href=\"").append(Html.escape(targetUrl)).append("\">");
        }
        img.append("<img src=\"").append(Html.escape(src)).append("\" alt=\"").append(Html.escape(alt)).append('"');
        dimension(img, "width", image.options().get("width"));
        dimension(img, "height", image.options().get("height"));
        img.append('>');
        if (targetUrl != null) {
            img.append("</a>");
        }
        String align = image.options().get("align");
        String alignClass = align == null || !align.strip().matches("[a-z]+") ? "" : " align-" + align.strip();
        if (!image.figure() && image.caption().isEmpty()) {
            passthrough("<div class=\"imageblock" + alignClass + "\">\n<div class=\"content\">" + img + "</div>\n</div>\n");
            return;
        }
        List<Node> caption = image.caption().stream().filter(n -> !(n instanceof Node.Comment)).toList();
        StringBuilder open = new StringBuilder("<figure class=\"figure" + alignClass + "\">\n").append(img).append('\n');
        int legendFrom = 0;
        if (!caption.isEmpty() && caption.get(0) instanceof Node.Paragraph p) {
            open.append("<figcaption><p><span class=\"caption-text\">").append(inlineHtml(p.content()))
                    .append("</span></p>\n");
            legendFrom = 1;
        } else {
            open.append("<figcaption>\n");
        }
        List<Node> legend = caption.subList(legendFrom, caption.size());
        if (legend.isEmpty()) {
            passthrough(open.append("</figcaption>\n</figure>\n").toString());
            return;
        }
        passthrough(open.append("<div class=\"legend\">\n").toString());
        for (Node node : legend) {
            blank();
            block(node, 1);
            endList(node);
        }
        passthrough("</div>\n</figcaption>\n</figure>\n");
    }

    /** A width or height as an attribute (pixels or a percentage); the page's CSP forbids style attributes. */
    private static void dimension(StringBuilder img, String name, String value) {
        if (value == null) {
            return;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(px|%)?").matcher(value.strip());
        if (m.matches()) {
            img.append(' ').append(name).append("=\"").append(m.group(1)).append("%".equals(m.group(2)) ? "%" : "").append('"');
        }
    }

    private String captionText(List<Node> caption) {
        StringBuilder text = new StringBuilder();
        for (Node node : caption) {
            if (node instanceof Node.Paragraph p) {
                text.append(text.length() == 0 ? "" : " ").append(inlines(p.content()));
            }
        }
        return text.toString();
    }

    private void table(Node.Table table) {
        List<List<List<Node>>> rows = new ArrayList<>();
        rows.addAll(table.headerRows());
        rows.addAll(table.bodyRows());
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        if (columns == 0) {
            return;
        }
        String title = inlines(table.title());
        if (!title.isEmpty()) {
            out.append('.').append(title).append('\n');
        }
        String delimiter = depth > 0 ? "!===" : "|===";
        char cell = depth > 0 ? '!' : '|';
        out.append("[%autowidth.stretch").append(table.headerRows().isEmpty() ? "" : "%header")
                .append(",cols=\"").append(columns).append("*a\"]\n").append(delimiter).append('\n');
        for (List<List<Node>> row : rows) {
            for (int c = 0; c < columns; c++) {
                out.append(cell);
                List<Node> content = c < row.size() ? row.get(c) : List.of();
                List<Node> shown = content.stream().filter(n -> !(n instanceof Node.Comment)).toList();
                if (shown.isEmpty()) {
                    out.append('\n');
                    continue;
                }
                out.append('\n');
                depth++;
                tables++;
                for (int i = 0; i < shown.size(); i++) {
                    if (i > 0) {
                        out.append('\n');
                    }
                    block(shown.get(i), 1);
                }
                tables--;
                depth--;
            }
            out.append('\n');
        }
        out.append(delimiter).append('\n');
    }

    private void lineBlock(Node.LineBlock block) {
        out.append("[.line-block]\n");
        List<List<Inline>> lines = block.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = inlines(lines.get(i));
            out.append(line.isEmpty() ? "{empty}" : "{empty}" + line).append(i + 1 < lines.size() ? " +\n" : "\n");
        }
    }

    private void directive(Node.Directive d) {
        if (d.invisible() || d.options().containsKey("substitution")) {
            return; // nothing on the page, as in Sphinx
        }
        String toctree = links.toctree(d);
        if (toctree != null) {
            if (!toctree.isEmpty()) {
                passthrough(toctree);
            } else {
                out.append("{empty}\n"); // a hidden toctree shows nothing
            }
            return;
        }
        if (d.name().equals("contents")) {
            String contents = LocalContents.html(d, page.plan().lesson().nodes(), links::sectionId);
            if (!contents.isEmpty()) {
                passthrough(contents);
            } else {
                out.append("{empty}\n");
            }
            return;
        }
        if (d.name().equals("glossary")) {
            passthrough(glossary(d));
            return;
        }
        if (Footnotes.isNote(d)) {
            passthrough(footnote(d, footnotes.definition(d)));
            return;
        }
        String head = ".. " + d.name() + "::" + (d.arguments() == null || d.arguments().isBlank() ? "" : " " + d.arguments());
        if (!RECORDED.contains(d.name())) {
            placeholder(d, head);
            return;
        }
        if (d.content().isEmpty() && d.options().isEmpty()) {
            out.append("[.directive]\n").append("``").append(text(head)).append("``\n");
            return;
        }
        List<String> lines = new ArrayList<>();
        d.options().forEach((k, v) -> lines.add(":" + k + ": " + v));
        lines.addAll(d.content());
        out.append('.').append(text(head)).append('\n');
        collapsible("directive", lines);
    }

    /** A footnote or citation where it is defined, as docutils shows it: its label, then its text. */
    private static String footnote(Node.Directive d, Footnotes.Note note) {
        return footnoteHtml(d.name().equals("citation") ? " citation" : "", note, d.content());
    }

    private static String footnoteHtml(String kind, Footnotes.Note note, List<String> lines) {
        StringBuilder html = new StringBuilder("<aside class=\"footnote").append(kind).append("\" id=\"")
                .append(note.anchor()).append("\">\n<span class=\"label\">[").append(Html.escape(note.label()))
                .append("]</span>\n<div class=\"footnote-body\">");
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank()) {
                html.append(paragraph.isEmpty() ? "" : "<p>" + Html.escape(paragraph.toString()) + "</p>");
                paragraph.setLength(0);
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        html.append(paragraph.isEmpty() ? "" : "<p>" + Html.escape(paragraph.toString()) + "</p>");
        return html.append("</div>\n</aside>\n").toString();
    }

    private String glossary(Node.Directive d) {
        if (termAnchors == null) {
            termAnchors = Glossary.anchors(page.plan().lesson().nodes());
        }
        StringBuilder html = new StringBuilder("<div class=\"dlist glossary\">\n<dl class=\"glossary\">\n");
        for (Glossary.Entry entry : Glossary.entries(d)) {
            for (String term : entry.terms()) {
                html.append("<dt id=\"").append(termAnchors.get(term)).append("\">").append(Html.escape(term))
                        .append("</dt>\n");
            }
            html.append("<dd>");
            entry.paragraphs().forEach(p -> html.append("<p>").append(Html.escape(Glossary.plain(p))).append("</p>"));
            html.append("</dd>\n");
        }
        return html.append("</dl>\n</div>\n").toString();
    }

    /**
     * A directive docproof does not render ({@code youtube}, ...): a visible box naming it, so a reader
     * sees that something stands here, with what was written in a collapsed block.
     */
    private void placeholder(Node.Directive d, String head) {
        String delimiter = delimiter('=');
        out.append("[.directive.placeholder]\n").append(delimiter).append('\n');
        out.append(paragraphLine("**" + text(d.name()) + "** "
                + text("— this directive is not shown here (docproof does not render it)"))).append('\n');
        List<String> lines = new ArrayList<>();
        lines.add(head);
        d.options().forEach((k, v) -> lines.add("   :" + k + ": " + v));
        if (!d.content().isEmpty()) {
            lines.add("");
            d.content().forEach(line -> lines.add("   " + line));
        }
        depth++;
        out.append('\n').append('.').append(text("As written")).append('\n');
        collapsible("directive", lines);
        depth--;
        out.append(delimiter).append('\n');
    }

    private void collapsible(String role, List<String> lines) {
        String delimiter = delimiter('=');
        out.append("[%collapsible.").append(role).append("]\n").append(delimiter).append('\n');
        out.append(AsciiDoc.listing("", lines));
        out.append(delimiter).append('\n');
    }

    // ---- code blocks and steps -------------------------------------------------------------------

    private void codeBlock(Node.CodeBlock block) {
        String language = block.language() == null ? "" : AsciiDoc.name(block.language());
        PlannedBlock planned = plannedBySpan.get(block.span());
        String name = block.options().getOrDefault("name", "").strip();
        if (!name.isEmpty() && ids.add(CrossRefs.anchor(name))) {
            out.append("[.target]\n").append("anchor:").append(CrossRefs.anchor(name)).append("[]\n\n");
        }
        if (planned == null) {
            if (block.lineNumbers() || !block.emphasized().isEmpty()) {
                numberedListing(block, language);
                return;
            }
            if (block.caption() != null) {
                out.append('.').append(text(block.caption())).append('\n');
            }
            out.append(AsciiDoc.listing(language.isEmpty() ? ".codeblock" : "source," + language + ",role=codeblock",
                    prompted(block)));
            return;
        }
        Map<Integer, Step> stepsByLine = new HashMap<>();
        planned.steps().forEach(s -> stepsByLine.put(s.line(), s));
        // The frame is ready HTML, like the steps inside it (see step()).
        passthrough("<div class=\"exampleblock codeblock shell" + (language.isEmpty() ? "" : " lang-" + language)
                + "\">\n" + captionHtml(block) + "<div class=\"content\">\n");
        depth++;
        LineMarks marks = block.lineNumbers() || !block.emphasized().isEmpty() ? new LineMarks(block) : LineMarks.NONE;
        List<String> plain = new ArrayList<>();
        List<String> lines = prompted(block);
        for (int i = 0; i < lines.size(); ) {
            Step step = stepsByLine.get(block.lineOf(i));
            if (step == null) {
                plain.add(lines.get(i));
                i++;
                continue;
            }
            plainLines(plain, i - plain.size(), marks);
            int last = Math.min(lines.size() - 1, Math.max(i, step.lastLine() - block.firstLine()));
            step(step, lines.subList(i, last + 1), marks.from(i));
            stepsByLine.remove(step.line());
            i = last + 1;
        }
        plainLines(plain, lines.size() - plain.size(), marks);
        // A step whose line lies outside the block's lines still shows its verdict, after the block's lines.
        planned.steps().stream().filter(s -> stepsByLine.containsKey(s.line()))
                .forEach(s -> step(s, LessonPage.lines("$ " + s.command()), LineMarks.NONE));
        depth--;
        passthrough("</div>\n</div>\n");
    }

    /**
     * A code block's lines as the page shows them: a sphinx-prompt block's with its prompt before each statement
     * (each line a backslash does not continue), as the extension draws it.
     */
    private static List<String> prompted(Node.CodeBlock block) {
        String prompt = block.statementPrompt();
        if (prompt == null) {
            return block.lines();
        }
        List<String> shown = new ArrayList<>(block.lines().size());
        boolean continued = false;
        for (String line : block.lines()) {
            shown.add(continued || line.isBlank() ? line : prompt + " " + line);
            continued = line.endsWith("\\");
        }
        return shown;
    }

    /** A code block's {@code :caption:} as the title of its frame (Sphinx puts it above the code). */
    private static String captionHtml(Node.CodeBlock block) {
        return block.caption() == null ? ""
                : "<div class=\"title code-caption\">" + AsciiDoc.verbatimLine(block.caption()) + "</div>\n";
    }

    /**
     * A code block with {@code :linenos:} or {@code :emphasize-lines:}, as ready HTML: asciidoctor numbers
     * lines only through a syntax highlighter, and the page uses none.
     */
    private void numberedListing(Node.CodeBlock block, String language) {
        LineMarks marks = new LineMarks(block);
        StringBuilder html = new StringBuilder("<div class=\"")
                .append(marks.roles("listingblock codeblock")).append(language.isEmpty() ? "" : " lang-" + language)
                .append("\">\n").append(captionHtml(block)).append("<div class=\"content\">\n<pre>")
                .append(String.join("\n", marks.apply(block.lines().stream().map(AsciiDoc::verbatimLine).toList())));
        html.append("</pre>\n</div>\n</div>\n");
        passthrough(html.toString());
    }

    /**
     * Lines of a code block that are not commands (comments, samples), shown as the lesson has them; the first is
     * the block's line {@code firstIndex} (0-based).
     */
    private void plainLines(List<String> plain, int firstIndex, LineMarks marks) {
        int from = 0;
        int to = plain.size();
        while (from < to && plain.get(from).isBlank()) {
            from++;
        }
        while (to > from && plain.get(to - 1).isBlank()) {
            to--;
        }
        if (from < to) {
            StringBuilder html = new StringBuilder();
            LineMarks shownMarks = marks.from(firstIndex + from);
            listingHtml(html, shownMarks.roles("lines"), shownMarks.apply(shown(plain.subList(from, to))));
            passthrough(html.toString());
        }
        plain.clear();
    }

    /**
     * A shell block's {@code :linenos:} and {@code :emphasize-lines:} on the lines a step or sample shows, as Sphinx
     * numbers and marks the block's lines; {@code firstIndex} is the block's line (0-based) the lines start at.
     */
    private record LineMarks(Node.CodeBlock block, int firstIndex) {

        static final LineMarks NONE = new LineMarks(null, 0);

        LineMarks(Node.CodeBlock block) {
            this(block, 0);
        }

        LineMarks from(int index) {
            return block == null ? this : new LineMarks(block, index);
        }

        String roles(String roles) {
            return block != null && block.lineNumbers() ? roles + " numbered" : roles;
        }

        List<String> apply(List<String> escapedLines) {
            if (block == null) {
                return escapedLines;
            }
            java.util.SortedSet<Integer> emphasized = block.emphasized();
            List<String> marked = new ArrayList<>(escapedLines.size());
            for (int k = 0; k < escapedLines.size(); k++) {
                int line = firstIndex + k + 1;
                String number = block.lineNumbers()
                        ? "<span class=\"lineno\">" + (block.firstLineNumber() + line - 1) + " </span>" : "";
                marked.add((emphasized.contains(line) ? "<span class=\"hll\">" : "<span>") + number
                        + escapedLines.get(k) + "</span>");
            }
            return marked;
        }
    }

    /**
     * The step widget. Its frame, command and verdict are ready HTML in passthrough blocks (the markup
     * asciidoctor produces for {@code [#L…​.step.…]} example, listing and paragraph blocks): a page has many
     * steps, and parsing those nested blocks was a large share of asciidoctor's time. Evidence stays AsciiDoc,
     * between the passthrough that opens the frame and the one that closes it.
     */
    private void step(Step step, List<String> commandLines, LineMarks marks) {
        StepResult result = page.resultOf(step);
        Verdict verdict = Verdict.of(step, result);
        StringBuilder html = new StringBuilder();
        html.append("<div id=\"").append(anchor(step)).append("\" class=\"exampleblock step ").append(verdict.role())
                .append("\">\n<div class=\"content\">\n");
        if (verdict == Verdict.REPAIRED && result.repair() != null) {
            listingHtml(html, "command original",
                    LessonPage.lines("<del>" + String.join("\n", shown(commandLines)) + "</del>"));
            listingHtml(html, "command repaired", verbatim(LessonPage.lines("$ " + result.repair().command())));
        } else {
            listingHtml(html, marks.roles("command"), marks.apply(shown(commandLines)));
        }
        html.append("<div class=\"paragraph verdict\">\n<p>").append(verdictHtml(step, verdict, result))
                .append("</p>\n</div>\n");
        passthrough(html.toString());
        if (result != null) {
            depth++;
            evidence(verdict, result);
            depth--;
        }
        passthrough("</div>\n</div>\n");
    }

    private void passthrough(String html) {
        blank();
        passthroughHere(html);
    }

    /** A block of ready HTML on the current line; right after another one (blank lines aside), it extends that one. */
    private void passthroughHere(String html) {
        if (lastBlockEnd >= 0 && onlyNewlinesAfter(lastBlockEnd)) {
            out.setLength(lastBlockStart);
            out.append(pass.extendLastBlock(html));
        } else {
            lastBlockStart = out.length();
            out.append(pass.block(html));
        }
        lastBlockEnd = out.length();
    }

    private boolean onlyNewlinesAfter(int from) {
        for (int i = from; i < out.length(); i++) {
            if (out.charAt(i) != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Lesson or command text, shown exactly, never interpreted; newlines become spaces. */
    private String text(String text) {
        return pass.inline(AsciiDoc.passContent(text));
    }

    /**
     * A code block's lines as {@link #verbatim}, an AsciiDoc lesson's callouts ({@code <1>}) shown as the numbered
     * badges Asciidoctor makes of them, which the callout list below the block refers to.
     */
    private List<String> shown(List<String> lines) {
        if (page.plan().lesson().format() != Lesson.Format.ASCIIDOC) {
            return verbatim(lines);
        }
        List<String> out = new ArrayList<>(verbatim(lines.stream().map(Callouts::strip).toList()));
        for (int i = 0; i < out.size() && i < lines.size(); i++) {
            StringBuilder badges = new StringBuilder();
            Callouts.numbers(lines.get(i)).forEach(n -> badges.append(" <b class=\"conum\">(").append(n).append(")</b>"));
            out.set(i, out.get(i) + badges);
        }
        return out;
    }

    /** Lines shown as written, with credential-looking values masked: a page is published. */
    private static List<String> verbatim(List<String> lines) {
        return Secrets.mask(String.join("\n", lines)).lines().map(AsciiDoc::verbatimLine).toList();
    }

    /**
     * A listing block as asciidoctor writes it: lines without trailing blanks, blank edge lines dropped
     * (asciidoctor reads its source that way).
     */
    private static void listingHtml(StringBuilder html, String roles, List<String> escapedLines) {
        List<String> lines = new ArrayList<>();
        escapedLines.forEach(line -> lines.add(line.stripTrailing()));
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        html.append("<div class=\"listingblock ").append(roles).append("\">\n<div class=\"content\">\n<pre>")
                .append(String.join("\n", lines)).append("</pre>\n</div>\n</div>\n");
    }

    private String verdictHtml(Step step, Verdict verdict, StepResult result) {
        StringBuilder line = new StringBuilder();
        element(line, "span", "badge", verdict.label());
        line.append(' ');
        List<String> facts = new ArrayList<>();
        if (result != null && result.status() != Status.NOT_RUN && result.status() != Status.SKIPPED) {
            if (result.outcome() instanceof Outcome.TimedOut) {
                facts.add("timed out after " + Format.millis(result.durationMs()));
            } else {
                if (result.exitCode() != null) {
                    facts.add("exit " + result.exitCode());
                }
                facts.add(Format.millis(result.durationMs()));
            }
        } else if (verdict == Verdict.ILLUSTRATIVE) {
            facts.add("a template: shown, never run");
        } else if (verdict == Verdict.NOT_VERIFIED) {
            facts.add("rendered without a run");
        }
        if (!facts.isEmpty()) {
            line.append(AsciiDoc.passContent(String.join(" · ", facts))).append(' ');
        }
        line.append("<span class=\"permalink\"><a href=\"#").append(anchor(step)).append("\">")
                .append(AsciiDoc.passContent(placeOf(step))).append("</a></span>");
        return line.toString();
    }

    private void evidence(Verdict verdict, StepResult result) {
        Outcome outcome = result.outcome();
        if (outcome instanceof Outcome.Failed || outcome instanceof Outcome.Skipped || outcome instanceof Outcome.Bound
                || outcome instanceof Outcome.Written || outcome instanceof Outcome.Started
                || outcome instanceof Outcome.NotRun n && n.cutOff()) {
            blank();
            paragraphHtml(AsciiDoc.passContent(outcome.describe()), "reason");
        }
        for (Note note : result.notes()) {
            blank();
            paragraphHtml(AsciiDoc.passContent(note.describe()), "note");
        }
        if (verdict == Verdict.REPAIRED && result.repair() != null) {
            blank();
            paragraphHtml("<strong>Evidence:</strong> " + AsciiDoc.passContent(result.repair().evidence()), "evidence");
            blank();
            paragraphHtml("Run <code>docproof fix</code> to write the repair back into the lesson.", "fix-hint");
        }
        MatchResult match = result.match();
        if (match != null && match.diff() != null && !match.diff().isBlank()
                && (verdict == Verdict.FAILED || verdict == Verdict.BOUND)) {
            blank();
            out.append('.').append(text("Documented vs. actual output")).append('\n');
            diff(match.diff());
        }
        if (match != null) {
            notes("drift", "Values that differ from the lesson's: ", match.drift());
            notes("abridged", "The lesson's sample leaves out: ", match.abridged());
        }
        String merged = result.output().merged();
        if (!merged.isEmpty()) {
            // as a terminal shows it: carriage-return overwrites applied, escape sequences gone
            List<String> lines = TerminalText.render(merged);
            blank();
            out.append('.').append(text("Output · " + lines.size() + (lines.size() == 1 ? " line" : " lines")))
                    .append('\n');
            collapsible("output", lines);
        } else if (result.status() != Status.NOT_RUN && result.status() != Status.SKIPPED) {
            blank();
            paragraphHtml("(no output)", "no-output");
        }
    }

    private void notes(String role, String prefix, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        blank();
        out.append("[.notes.").append(role).append("]\n");
        for (String note : notes) {
            out.append("* ").append(text(prefix + note)).append('\n');
        }
    }

    /** A unified diff with each line marked for CSS; lines are escaped here, the block has subs=none. */
    private void diff(String diff) {
        out.append("[.diff,subs=none]\n----\n");
        for (String line : LessonPage.lines(diff.stripTrailing())) {
            String kind = line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : line.startsWith("@@") ? "hunk" : "same";
            out.append("<span class=\"").append(kind).append("\">").append(AsciiDoc.verbatimLine(Secrets.mask(line)))
                    .append("</span>\n");
        }
        out.append("----\n");
    }

    // ---- inline ----------------------------------------------------------------------------------

    /**
     * A run of inlines as ONE passthrough of ready HTML (the markup asciidoctor itself would produce for
     * {@code ``…``}, {@code __…__}, {@code **…**}, roles and links): asciidoctor's substitution passes then
     * see a single placeholder instead of a macro per text run, which dominated the conversion time.
     */
    private String inlines(List<Inline> inlines) {
        return pass.inline(inlineHtml(inlines));
    }

    /** Inlines as ready HTML, for the parts of a page written as HTML. */
    private String inlineHtml(List<Inline> inlines) {
        StringBuilder html = new StringBuilder();
        for (Inline inline : inlines) {
            inline(inline, html);
        }
        return html.toString();
    }

    private void inline(Inline inline, StringBuilder html) {
        if (inline instanceof Inline.Text t) {
            html.append(AsciiDoc.passContent(t.text()));
        } else if (inline instanceof Inline.Literal l) {
            element(html, "code", null, l.text());
        } else if (inline instanceof Inline.Emphasis e) {
            element(html, "em", null, e.text());
        } else if (inline instanceof Inline.Strong s) {
            element(html, "strong", null, s.text());
        } else if (inline instanceof Inline.Link l) {
            link(l, html);
        } else if (inline instanceof Inline.CrossRef x) {
            crossRef(x, html);
        } else if (inline instanceof Inline.Role r) {
            role(r, html);
        } else if (inline instanceof Inline.Substitution s) {
            element(html, "span", "substitution", "|" + s.name() + "|");
        } else if (inline instanceof Inline.Image i) {
            inlineImage(i, html);
        } else if (inline instanceof Inline.FootnoteRef f) {
            footnoteRef(f, html);
        } else {
            throw new IllegalArgumentException("unknown inline " + inline);
        }
    }

    /** {@code <tag class="role">text</tag>}; nothing for empty text, as AsciiDoc quotes need content. */
    private static void element(StringBuilder html, String tag, String role, String text) {
        if (text.isEmpty()) {
            return;
        }
        html.append('<').append(tag);
        if (role != null) {
            html.append(" class=\"").append(role).append('"');
        }
        html.append('>').append(AsciiDoc.passContent(text)).append("</").append(tag).append('>');
    }

    /** An image in text (an image substitution); one from elsewhere is a link, as for block images. */
    private void inlineImage(Inline.Image image, StringBuilder html) {
        String url = AsciiDoc.safeUrl(image.uri());
        boolean external = image.uri().contains("://") || image.uri().startsWith("//");
        if (url == null || external) {
            link(new Inline.Link(image.alt().isBlank() ? image.uri() : image.alt(), url == null ? null : image.uri(), null),
                    html);
            return;
        }
        String src = AsciiDoc.safeUrl(links.image(image.uri(), here));
        html.append("<img class=\"inline-image\" src=\"").append(AsciiDoc.passContent(src == null ? url : src)).append("\" alt=\"")
                .append(AsciiDoc.passContent(image.alt())).append('"');
        for (String size : List.of("width", "height")) {
            String value = image.options().get(size);
            if (value != null && value.strip().matches("\\d{1,5}(px)?")) {
                html.append(' ').append(size).append("=\"").append(value.strip().replace("px", "")).append('"');
            }
        }
        html.append('>');
    }

    private void link(Inline.Link link, StringBuilder html) {
        String href = link.url() != null ? link.url() : link.refName() == null ? null : links.named(link.refName());
        String text = link.text() == null || link.text().isBlank() ? (href == null ? link.refName() : href) : link.text();
        String safe = href == null ? null : AsciiDoc.safeUrl(href);
        if (safe == null || text == null) {
            element(html, "span", "unresolved", text == null ? "" : text);
            return;
        }
        html.append("<a href=\"").append(AsciiDoc.passContent(safe)).append("\">")
                .append(AsciiDoc.passContent(text)).append("</a>");
    }

    private void footnoteRef(Inline.FootnoteRef ref, StringBuilder html) {
        Footnotes.Note note = footnotes.reference(ref.label());
        if (note == null) {
            links.warn(here, "the footnote or citation [" + ref.label() + "] is not defined on this page (define it with"
                    + " \".. [" + ref.label() + "] text\")");
            element(html, "span", "unresolved", "[" + ref.label() + "]");
            return;
        }
        html.append("<a class=\"footnote-reference\" href=\"#").append(note.anchor()).append("\">")
                .append(AsciiDoc.passContent("[" + note.label() + "]")).append("</a>");
    }

    private void crossRef(Inline.CrossRef x, StringBuilder html) {
        PageLinks.Resolved resolved = links.crossRef(x, here);
        String safe = resolved.href() == null ? null : AsciiDoc.safeUrl(resolved.href());
        StringBuilder text = new StringBuilder();
        element(text, resolved.code() ? "code" : "span", safe == null ? "xref unresolved" : "xref " + AsciiDoc.name(x.role()),
                resolved.text());
        if (safe == null) {
            html.append(text);
            return;
        }
        html.append("<a class=\"reference internal\" href=\"").append(AsciiDoc.passContent(safe)).append("\">")
                .append(text).append("</a>");
    }

    private void role(Inline.Role role, StringBuilder html) {
        String name = role.role().toLowerCase(Locale.ROOT);
        switch (name) {
            case "code", "command", "file", "samp", "program", "literal", "envvar", "option" ->
                    element(html, "code", "role-" + AsciiDoc.name(name), role.text());
            case "emphasis", "dfn" -> element(html, "em", null, role.text());
            case "strong" -> element(html, "strong", null, role.text());
            default -> element(html, "span", "role-" + AsciiDoc.name(name), role.text());
        }
    }

    private static String nonEmpty(String text) {
        return text.isEmpty() ? "{empty}" : text;
    }
}
