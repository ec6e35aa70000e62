package dev.docproof.read;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CommonMark (with GitHub tables) through flexmark into the lesson model. Headings open
 * sections nested by level; positions come from flexmark's source offsets. MyST's directives, as Sphinx
 * courses write them in Markdown ({@code ```{code-block} bash}, {@code :::{note}}, tabs, {@code {toctree}}),
 * are read as the reStructuredText reader reads the same directives.
 */
public final class MarkdownReader implements LessonReader {

    /** Containers nested deeper than this are kept as text, as the reStructuredText reader does. */
    private static final int MAX_DEPTH = 64;

    private static final Parser PARSER = Parser.builder(new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create()))).build();

    /** GitHub's alert syntax: a block quote whose first line is {@code [!NOTE]}, {@code [!WARNING]}... */
    private static final Pattern ALERT = Pattern.compile("\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]\\s*",
            Pattern.CASE_INSENSITIVE);

    /** An HTML block that opens a collapsible section: {@code <details>}, and its {@code <summary>} if any. */
    private static final Pattern DETAILS_OPEN = Pattern.compile(
            "(?is)\\s*<details(?:\\s[^>]*)?>\\s*(?:<summary(?:\\s[^>]*)?>(.*?)</summary>\\s*)?");
    private static final Pattern DETAILS_CLOSE = Pattern.compile("(?i)(\\s*</details>)+\\s*");

    /** Where a fence's language word ends when attributes are glued to it. */
    private static final Pattern GLUED_TO_LANGUAGE = Pattern.compile("[{}=:\\[,]");

    /** A fence whose info is a MyST directive: {@code {name} arguments}. */
    private static final Pattern MYST = Pattern.compile("\\{([A-Za-z][\\w:.-]*)}\\s*(.*)");
    private static final Pattern MYST_OPTION = Pattern.compile(":([\\w-]+):\\s*(.*)");
    private static final Set<String> MYST_CODE = Set.of("code-block", "code", "sourcecode");
    /**
     * Sphinx directives MyST courses write that this reader keeps as generic directives; a fence named by a word
     * outside every list ({@code ```{bash}}, R Markdown's form) stays a code block in that language.
     */
    private static final Set<String> MYST_OTHER = Set.of("toctree", "raw", "glossary", "include", "literalinclude",
            "image", "figure", "list-table", "csv-table", "only", "todo", "math", "versionadded",
            "versionchanged", "deprecated", "index", "mermaid");

    /**
     * A footnote's label ({@code [^label]}) as the page's footnotes know it: Markdown numbers every footnote itself,
     * as reStructuredText numbers its {@code [#label]} ones.
     */
    static String footnoteLabel(String label) {
        return "#" + label;
    }

    @Override
    public Lesson read(Path file, String text) {
        return Reading.of(file, text).lesson();
    }

    /** The state of reading one document. */
    private static final class Reading {
        private final Path file;
        private final LineIndex index;
        private final Document document;
        private final MarkdownInlines inlines;
        private final List<Diagnostic> diagnostics;
        /** How many containers (list items, quotes) enclose the blocks being read. */
        private int depth;
        /** Where the last block read with what follows it ends (an MkDocs block's body, a {@code <details>}): the blocks flexmark found there were read with it. */
        private int consumedTo;
        /** Per container, each {@code <details>} in it with the block that closes it. */
        private final Map<com.vladsch.flexmark.util.ast.Node, Map<com.vladsch.flexmark.util.ast.Node,
                com.vladsch.flexmark.util.ast.Node>> detailsClosesIn = new IdentityHashMap<>();

        private final List<String> frontMatter;

        static Reading of(Path file, String text) {
            List<String> frontMatter = frontMatter(text);
            // Front matter lines are blanked, not removed, so every later line keeps its number.
            String body = MystFences.rewrite(frontMatter.isEmpty() ? text : blankLines(text, frontMatter.size() + 2));
            return new Reading(file, frontMatter, body, new LineIndex(file, body), new ArrayList<>());
        }

        private Reading(Path file, List<String> frontMatter, String body, LineIndex index, List<Diagnostic> diagnostics) {
            this.file = file;
            this.frontMatter = frontMatter;
            this.index = index;
            this.diagnostics = diagnostics;
            this.document = PARSER.parse(body);
            this.inlines = new MarkdownInlines(document, index);
        }

        /** YAML front matter ({@code ---} ... {@code ---} at the very top), as static site generators use it. */
        private static List<String> frontMatter(String text) {
            List<String> lines = List.of(text.split("\r?\n", -1));
            if (lines.size() < 2 || !lines.get(0).equals("---")) {
                return List.of();
            }
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).equals("---") || lines.get(i).equals("...")) {
                    return lines.subList(1, i);
                }
            }
            return List.of();
        }

        /** The text with its first {@code count} lines blanked: as many line breaks as they held, so no line moves. */
        private static String blankLines(String text, int count) {
            int at = 0;
            int breaks = 0;
            for (int i = 0; i < count && at < text.length(); i++) {
                int next = text.indexOf('\n', at);
                if (next < 0) {
                    at = text.length(); // the last line, with no break after it
                } else {
                    at = next + 1;
                    breaks++;
                }
            }
            return "\n".repeat(breaks) + text.substring(at);
        }

        Lesson lesson() {
            List<Node> top = new ArrayList<>();
            if (!frontMatter.isEmpty()) {
                top.add(new Node.Directive(index.spanAtLine(1), "front-matter", "", Map.of(), frontMatter));
            }
            // Open sections, innermost last; each collects its children until a heading at its level or above.
            Deque<OpenSection> open = new ArrayDeque<>();
            String title = null;
            for (var child : document.getChildren()) {
                if (child.getStartOffset() < consumedTo) {
                    continue;
                }
                if (child instanceof Heading heading) {
                    while (!open.isEmpty() && open.peekLast().level >= heading.getLevel()) {
                        close(open, top);
                    }
                    List<Inline> titleInlines = inlines.of(heading);
                    String titleText = InlineText.plain(titleInlines);
                    if (title == null && heading.getLevel() == 1) {
                        title = titleText;
                    }
                    open.addLast(new OpenSection(span(heading), heading.getLevel(), titleInlines, titleText));
                    continue;
                }
                Node node = block(child);
                if (node != null) {
                    (open.isEmpty() ? top : open.peekLast().children).add(node);
                }
            }
            while (!open.isEmpty()) {
                close(open, top);
            }
            if (title == null) {
                title = top.stream().filter(n -> n instanceof Node.Section).map(n -> ((Node.Section) n).titleText())
                        .findFirst().orElse(fileStem());
            }
            return new Lesson(file, Lesson.Format.MARKDOWN, title, top, diagnostics);
        }

        private static void close(Deque<OpenSection> open, List<Node> top) {
            OpenSection done = open.removeLast();
            Node.Section section = new Node.Section(done.span, done.level, done.title, done.titleText, List.of(),
                    done.children);
            (open.isEmpty() ? top : open.peekLast().children).add(section);
        }

        private String fileStem() {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }

        private List<Node> blocks(com.vladsch.flexmark.util.ast.Node parent) {
            if (depth >= MAX_DEPTH) {
                return tooDeep(parent);
            }
            depth++;
            try {
                List<Node> nodes = new ArrayList<>();
                for (var child : parent.getChildren()) {
                    Node node = block(child);
                    if (node != null) {
                        nodes.add(node);
                    }
                }
                return nodes;
            } finally {
                depth--;
            }
        }

        /** Content nested deeper than any real page goes is kept as text, so every walk of the lesson stays bounded. */
        private List<Node> tooDeep(com.vladsch.flexmark.util.ast.Node parent) {
            var first = parent.getFirstChild();
            if (first == null) {
                return List.of();
            }
            SourceSpan span = span(first);
            diagnostics.add(Diagnostic.warning(span, "Blocks nested more than " + MAX_DEPTH
                    + " levels deep; the rest is kept as plain text"));
            String text = parent.getChars().subSequence(first.getStartOffset() - parent.getStartOffset()).toString();
            return List.of(new Node.Paragraph(span, List.of(new Inline.Text(text.strip()))));
        }

        /** One flexmark block as a lesson node; null for what carries nothing (link reference lines are kept). */
        private Node block(com.vladsch.flexmark.util.ast.Node node) {
            SourceSpan span = span(node);
            if (node.getStartOffset() < consumedTo) {
                return null;
            }
            if (node instanceof Paragraph p) {
                Node mkDocs = mkDocs(p, span);
                return mkDocs != null ? mkDocs : new Node.Paragraph(span, inlines.of(p));
            }
            if (node instanceof Heading h) {
                // A heading nested in a list or quote cannot open a section: keep its text as a paragraph.
                return new Node.Paragraph(span, inlines.of(h));
            }
            if (node instanceof FencedCodeBlock f) {
                return fenced(f, span);
            }
            if (node instanceof IndentedCodeBlock c) {
                return code(span, null, Map.of(), c.getContentLines());
            }
            if (node instanceof BulletList || node instanceof OrderedList) {
                List<Node.ListItem> items = new ArrayList<>();
                for (var item : node.getChildren()) {
                    if (item instanceof ListItem li) {
                        items.add(new Node.ListItem(span(li), blocks(li)));
                    }
                }
                return new Node.ListBlock(span, node instanceof OrderedList, items);
            }
            if (node instanceof BlockQuote q) {
                return quote(q, span);
            }
            if (node instanceof HtmlCommentBlock c) {
                String raw = c.getChars().toString().strip();
                return new Node.Comment(span, raw.replaceFirst("^<!--", "").replaceFirst("-->$", "").strip());
            }
            if (node instanceof HtmlBlock h) {
                Node details = details(h, span);
                return details != null ? details : new Node.Directive(span, "raw", "html", Map.of(), lines(h.getChars().toString()));
            }
            if (node instanceof ThematicBreak) {
                return new Node.Transition(span);
            }
            if (node instanceof Reference r) {
                return new Node.Target(span, r.getReference().unescape(), r.getUrl().unescape());
            }
            if (node instanceof TableBlock t) {
                return table(t, span);
            }
            if (node instanceof FootnoteBlock f) {
                // its text as written, as a reStructuredText footnote keeps it; the page shows it where it stands
                return new Node.Directive(span, "footnote", footnoteLabel(f.getText().toString()), Map.of(),
                        lines(f.getFootnote().toString()).stream().map(String::strip).toList());
            }
            diagnostics.add(Diagnostic.warning(span, "kept as written: " + node.getNodeName()
                    + " is not part of the lesson model"));
            return new Node.Directive(span, node.getNodeName(), "", Map.of(), lines(node.getChars().toString()));
        }

        /**
         * The MkDocs admonition or content tab ({@link MkDocsBlocks}) whose header is {@code p}'s first line, its
         * body read as Markdown of its own; null when {@code p} opens none.
         */
        private Node mkDocs(Paragraph p, SourceSpan span) {
            int line = index.lineOf(p.getStartOffset());
            MkDocsBlocks.Header header = MkDocsBlocks.header(index.line(line)).orElse(null);
            if (header == null) {
                return null;
            }
            int indent = p.getStartOffset() - index.startOf(line);
            int last = MkDocsBlocks.bodyEnd(index, line, indent);
            // prose that happens to start like one ("!!! Warning do not run this", or running on unindented) stays prose
            if (index.lineOf(Math.max(p.getStartOffset(), p.getEndOffset() - 1)) > last || last == line && header.classes()) {
                return null;
            }
            BasedSequence text = document.getChars();
            List<BasedSequence> body = new ArrayList<>();
            for (int l = line + 1; l <= last; l++) {
                int start = index.startOf(l);
                int end = l < index.lineCount() ? index.startOf(l + 1) : text.length();
                body.add(text.subSequence(start + Math.min(indent + MkDocsBlocks.BODY_INDENT, index.line(l).length()), end));
            }
            consumedTo = Math.max(p.getEndOffset(), last < index.lineCount() ? index.startOf(last + 1) : text.length());
            List<Node> children = nested(body);
            if (header.tab()) {
                return new Node.Group(span, "tab", List.of(new Inline.Text(header.title())), children);
            }
            // with no title written, MkDocs heads the box with its kind, which the page shows for the kinds it knows
            String title = header.title() != null ? header.title() : RstDirectives.ADMONITIONS.contains(header.kind())
                    ? "" : header.kind().substring(0, 1).toUpperCase(Locale.ROOT) + header.kind().substring(1);
            return new Node.Admonition(span, header.kind(), title.isEmpty() ? List.of() : List.of(new Inline.Text(title)),
                    children);
        }

        /**
         * GitHub's collapsible section: a {@code <details>} (with its {@code <summary>}) and a {@code </details>}, each an
         * HTML block of its own, with Markdown between them, read as a dropdown holding that Markdown; null when
         * {@code open} is no such opening or is never closed.
         */
        private Node details(HtmlBlock open, SourceSpan span) {
            Matcher opening = DETAILS_OPEN.matcher(open.getChars().toString());
            if (!opening.matches() || depth >= MAX_DEPTH) {
                return null;
            }
            com.vladsch.flexmark.util.ast.Node close = detailsCloses(open.getParent()).get(open);
            if (close == null) {
                return null;
            }
            List<Node> children = new ArrayList<>();
            depth++;
            try {
                for (var next = open.getNext(); next != close; next = next.getNext()) {
                    Node node = block(next);
                    if (node != null) {
                        children.add(node);
                    }
                }
            } finally {
                depth--;
            }
            consumedTo = Math.max(consumedTo, close.getEndOffset());
            String summary = opening.group(1) == null ? "" : opening.group(1).replaceAll("<[^>]*>", "").strip();
            return new Node.Group(span, "dropdown", List.of(new Inline.Text(summary.isEmpty() ? "Details" : summary)),
                    children);
        }

        /** Each {@code <details>} among {@code parent}'s blocks with the block that closes it, found in one pass. */
        private Map<com.vladsch.flexmark.util.ast.Node, com.vladsch.flexmark.util.ast.Node> detailsCloses(
                com.vladsch.flexmark.util.ast.Node parent) {
            return detailsClosesIn.computeIfAbsent(parent, p -> {
                Map<com.vladsch.flexmark.util.ast.Node, com.vladsch.flexmark.util.ast.Node> closes = new IdentityHashMap<>();
                Deque<com.vladsch.flexmark.util.ast.Node> open = new ArrayDeque<>();
                for (var child : p.getChildren()) {
                    String html = child instanceof HtmlBlock ? child.getChars().toString() : "";
                    if (DETAILS_OPEN.matcher(html).matches()) {
                        open.push(child);
                    } else if (DETAILS_CLOSE.matcher(html).matches()) {
                        // nested sections may end in one block: </details></details>
                        for (int i = html.split("(?i)</details>", -1).length - 1; i > 0 && !open.isEmpty(); i--) {
                            closes.put(open.pop(), child);
                        }
                    }
                }
                return closes;
            });
        }

        private Node fenced(FencedCodeBlock f, SourceSpan span) {
            String info = f.getInfo().unescape().strip();
            Matcher myst = MYST.matcher(info);
            if (myst.matches() && isMystDirective(myst.group(1))) {
                return myst(f, span, myst.group(1), myst.group(2).strip());
            }
            String language = null;
            Map<String, String> options = new LinkedHashMap<>();
            if (!info.isEmpty()) {
                String[] words = info.split("\\s+", 2);
                // the first word up to what sites glue to it: `bash{2}` (VitePress's highlighted lines), `bash=`
                // (HackMD's line numbers), `sh:install.sh`; `{.bash}` is Pandoc's class
                language = GLUED_TO_LANGUAGE.split(words[0].replaceAll("^\\{?\\.?", ""), 2)[0];
                if (words.length > 1) {
                    options.put("info", words[1]);
                }
            }
            if (language != null && language.isEmpty()) {
                language = null;
            }
            if (f.getClosingMarker().isEmpty()) {
                diagnostics.add(Diagnostic.warning(span, "the code fence is not closed; the block runs to the end"
                        + " of its container"));
            }
            Node.CodeBlock block = code(span, language, options, f.getContentLines());
            if (block.lines().isEmpty()) {
                // An empty block: its content would have started on the line after the fence.
                return new Node.CodeBlock(span, language, options, List.of(), span.line() + 1, block.indent());
            }
            return block;
        }

        private static boolean isMystDirective(String name) {
            return MYST_CODE.contains(name) || RstDirectives.ADMONITIONS.contains(name) || name.equals("admonition")
                    || RstDirectives.GROUPS.containsKey(name) || name.equals("rubric") || name.equals("eval-rst")
                    || MYST_OTHER.contains(name);
        }

        /** A MyST directive: its options ({@code :name: value} lines, or a YAML block), then its content. */
        private Node myst(FencedCodeBlock f, SourceSpan span, String name, String arguments) {
            List<BasedSequence> lines = f.getContentLines();
            Map<String, String> options = new LinkedHashMap<>();
            List<BasedSequence> content = lines.subList(mystOptions(lines, options), lines.size());
            List<Inline> title = arguments.isEmpty() ? List.of() : List.of(new Inline.Text(arguments));
            if (MYST_CODE.contains(name)) {
                String language = arguments.isEmpty() ? null : arguments.split("\\s+")[0];
                Node.CodeBlock block = code(span, language, options, content);
                return content.isEmpty() ? new Node.CodeBlock(span, language, options, List.of(), span.line() + 1, 0) : block;
            }
            if (RstDirectives.ADMONITIONS.contains(name) || name.equals("admonition")) {
                return new Node.Admonition(span, name, name.equals("admonition") ? title : List.of(), nested(content));
            }
            if (RstDirectives.GROUPS.containsKey(name)) {
                return new Node.Group(span, name, RstDirectives.GROUPS.get(name) ? title : List.of(), nested(content));
            }
            if (name.equals("rubric")) {
                return new Node.Group(span, name, title, List.of());
            }
            if (name.equals("eval-rst")) {
                return new Node.Group(span, name, List.of(), reStructuredText(content));
            }
            if (!RstDirectives.RECORDED.contains(name) && !Node.Directive.INVISIBLE.contains(name)) {
                diagnostics.add(Diagnostic.warning(span, "Directive \"" + name + "\" is not supported; kept as a generic"
                        + " directive and shown on the page as a placeholder"));
            }
            return new Node.Directive(span, name, arguments, options,
                    content.stream().map(l -> l.toString().replaceFirst("\r?\n$", "")).toList());
        }

        /** Reads a directive's options into {@code options}; the index of its first content line. */
        private static int mystOptions(List<BasedSequence> lines, Map<String, String> options) {
            int i = 0;
            if (!lines.isEmpty() && lines.get(0).toString().strip().equals("---")) {
                for (i = 1; i < lines.size() && !lines.get(i).toString().strip().equals("---"); i++) {
                    String[] pair = lines.get(i).toString().strip().split(":\\s*", 2);
                    if (pair.length == 2 && !pair[0].isEmpty()) {
                        options.put(pair[0], pair[1]);
                    }
                }
                i = Math.min(i + 1, lines.size());
            } else {
                for (; i < lines.size(); i++) {
                    Matcher option = MYST_OPTION.matcher(lines.get(i).toString().strip());
                    if (!option.matches()) {
                        break;
                    }
                    options.put(option.group(1), option.group(2));
                }
            }
            return i < lines.size() && lines.get(i).toString().isBlank() ? i + 1 : i;
        }

        /**
         * MyST's {@code eval-rst}: its content read as reStructuredText, each block at its line in the file (blank
         * lines stand for the lines above it, so the reader counts from there).
         */
        private List<Node> reStructuredText(List<BasedSequence> content) {
            if (content.isEmpty()) {
                return List.of();
            }
            int first = index.spanOf(content.get(0).getStartOffset()).line();
            StringBuilder text = new StringBuilder("\n".repeat(first - 1));
            content.forEach(line -> text.append(line.toString().replaceFirst("\r?\n$", "")).append('\n'));
            Lesson read = new RstReader().read(file, text.toString());
            diagnostics.addAll(read.diagnostics());
            return read.nodes();
        }

        /** A directive's content read as Markdown of its own, each block at its place in the file. */
        private List<Node> nested(List<BasedSequence> content) {
            if (content.isEmpty()) {
                return List.of();
            }
            StringBuilder text = new StringBuilder();
            int[] fileLines = new int[content.size()];
            int[] shifts = new int[content.size()];
            for (int i = 0; i < content.size(); i++) {
                text.append(content.get(i).toString().replaceFirst("\r?\n$", "")).append('\n');
                SourceSpan at = index.spanOf(content.get(i).getStartOffset());
                fileLines[i] = at.line();
                shifts[i] = at.column() - 1;
            }
            String body = text.toString();
            Reading inner = new Reading(file, List.of(), body, LineIndex.cutOut(file, body, fileLines, shifts), diagnostics);
            inner.depth = depth; // a directive inside a directive is nested as deep as any other container
            return inner.blocks(inner.document);
        }

        /**
         * A code block from flexmark's content lines, which start after any container prefix ({@code > },
         * list indentation) and removed indentation; so a line's offset gives its source column.
         */
        private Node.CodeBlock code(SourceSpan span, String language, Map<String, String> options,
                                    List<BasedSequence> contentLines) {
            List<String> lines = new ArrayList<>();
            for (BasedSequence line : contentLines) {
                lines.add(line.toString().replaceFirst("\r?\n$", ""));
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1); // CommonMark's trailing blank lines of an indented block
            }
            if (contentLines.isEmpty()) {
                return new Node.CodeBlock(span, language, options, List.of(), span.line() + 1, 0);
            }
            SourceSpan first = index.spanOf(contentLines.get(0).getStartOffset());
            return new Node.CodeBlock(span, language, options, lines, first.line(), first.column() - 1);
        }

        private Node quote(BlockQuote q, SourceSpan span) {
            var first = q.getFirstChild();
            if (first instanceof Paragraph p) {
                String firstLine = p.getChars().toString().split("\r?\n", 2)[0].strip();
                Matcher alert = ALERT.matcher(firstLine);
                if (alert.matches()) {
                    List<Node> children = new ArrayList<>();
                    List<Inline> rest = inlines.afterFirstLine(p);
                    if (!rest.isEmpty()) {
                        children.add(new Node.Paragraph(index.spanOf(MarkdownInlines.secondLineOffset(p)), rest));
                    }
                    for (var next = p.getNext(); next != null; next = next.getNext()) {
                        Node node = block(next);
                        if (node != null) {
                            children.add(node);
                        }
                    }
                    return new Node.Admonition(span, alert.group(1).toLowerCase(Locale.ROOT), List.of(), children);
                }
            }
            return new Node.BlockQuote(span, blocks(q));
        }

        private Node table(TableBlock t, SourceSpan span) {
            List<List<List<Node>>> head = new ArrayList<>();
            List<List<List<Node>>> body = new ArrayList<>();
            for (var part : t.getChildren()) {
                List<List<List<Node>>> target = part instanceof TableHead ? head : part instanceof TableBody ? body : null;
                if (target == null) {
                    continue;
                }
                for (var row : part.getChildren()) {
                    if (!(row instanceof TableRow)) {
                        continue;
                    }
                    List<List<Node>> cells = new ArrayList<>();
                    for (var cell : row.getChildren()) {
                        if (cell instanceof TableCell c) {
                            cells.add(List.of(new Node.Paragraph(span(c), inlines.of(c))));
                        }
                    }
                    target.add(cells);
                }
            }
            return new Node.Table(span, head, body);
        }

        private SourceSpan span(com.vladsch.flexmark.util.ast.Node node) {
            return index.spanOf(node.getStartOffset());
        }

        private static List<String> lines(String raw) {
            return List.of(raw.replaceFirst("\r?\n$", "").split("\r?\n", -1));
        }
    }

    /** A section whose end is not known yet. */
    private static final class OpenSection {
        final SourceSpan span;
        final int level;
        final List<Inline> title;
        final String titleText;
        final List<Node> children = new ArrayList<>();

        OpenSection(SourceSpan span, int level, List<Inline> title, String titleText) {
            this.span = span;
            this.level = level;
            this.title = title;
            this.titleText = titleText;
        }
    }
}
