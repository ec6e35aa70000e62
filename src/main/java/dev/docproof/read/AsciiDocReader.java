package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Cell;
import org.asciidoctor.ast.Cursor;
import org.asciidoctor.ast.DescriptionList;
import org.asciidoctor.ast.DescriptionListEntry;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.ListItem;
import org.asciidoctor.ast.Row;
import org.asciidoctor.ast.Section;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.ast.Table;
import org.asciidoctor.log.LogRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads AsciiDoc through asciidoctorj's parser with the source map on. Code block lines are taken from
 * the source text itself, so they are exact (Asciidoctor trims trailing blanks); inline markup is read
 * from the raw source by {@link AsciiDocInlines}. The document title becomes a level-1 section holding
 * the whole document, so {@code ==} sections are level 2, as in the other formats.
 *
 * <p>All readers share one Asciidoctor, created on the first AsciiDoc read (booting JRuby takes
 * seconds); reads are serialised on it.
 */
public final class AsciiDocReader implements LessonReader {

    private static final Pattern DELIMITER = Pattern.compile("(-{4,}|\\.{4,}|```.*)");
    /** Blocks nested deeper than this are not read, as in the other readers. */
    private static final int MAX_DEPTH = 64;
    /** An include directive's target: {@code include::partials/setup.adoc[]}. */
    private static final Pattern INCLUDE = Pattern.compile("include::([^\\[]+)\\[");
    /** What Asciidoctor puts in place of an include it could not resolve (already an error at its line). */
    private static final Pattern UNRESOLVED = Pattern.compile("Unresolved directive in .* - (include::.*)");
    private static final Pattern HEADING_MARK = Pattern.compile("^(=+|#+)\\s+");

    /** Messages Asciidoctor logs while one document is read on this thread. */
    private static final ThreadLocal<List<LogRecord>> LOGGED = ThreadLocal.withInitial(ArrayList::new);

    /** Holds the Asciidoctor: the JVM creates it on first use only. */
    private static final class Engine {
        // Kept referenced: java.util.logging forgets loggers nobody holds, and with them their settings.
        static final Logger JUL = Logger.getLogger("asciidoctor");
        static final Asciidoctor INSTANCE = create();

        private static Asciidoctor create() {
            // Asciidoctor's messages become diagnostics; they must not also reach the console.
            JUL.setUseParentHandlers(false);
            JUL.setLevel(Level.OFF);
            Asciidoctor asciidoctor = Asciidoctor.Factory.create();
            asciidoctor.registerLogHandler(record -> LOGGED.get().add(record));
            return asciidoctor;
        }
    }

    @Override
    public Lesson read(Path file, String text) {
        Document document;
        List<LogRecord> logged;
        synchronized (Engine.class) {
            Asciidoctor asciidoctor = Engine.INSTANCE;
            LOGGED.get().clear();
            Path dir = file.toAbsolutePath().getParent();
            Options options = Options.builder().sourcemap(true).safe(SafeMode.SAFE)
                    .baseDir(dir == null ? Path.of("").toAbsolutePath().toFile() : dir.toFile()).build();
            document = asciidoctor.load(text, options);
            logged = List.copyOf(LOGGED.get());
            LOGGED.get().clear();
        }
        return new Reading(file, text, document, logged).lesson();
    }

    /** The state of converting one parsed document. */
    private static final class Reading {
        private final Path file;
        private final LineIndex source;
        private final Document document;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        /** Lines of the lesson holding an include already matched to the block it begins. */
        private final java.util.Set<Integer> includesPlaced = new java.util.HashSet<>();
        /** How many blocks enclose the blocks being read. */
        private int depth;
        /** The attributes where the reading stands, for blocks that show their references substituted. */
        private final AsciiDocAttributes attributes;
        /** The last line of the lesson whose attribute entry {@link #attributes} has followed. */
        private int attributesReadTo;
        /** The lesson's folder, which its includes name files from. */
        private final Path folder;
        /** The AsciiDoc files includes brought in (partials), by the path shown for them. */
        private final Map<Path, Included> included = new LinkedHashMap<>();
        /** The last line of the lesson itself that a block read stands at: an include met next stands after it. */
        private int lastLessonLine;

        /** A file an include brought in: where it is, its text, and where it is first included. */
        private record Included(Path absolute, LineIndex text, SourceSpan site) {}

        Reading(Path file, String text, Document document, List<LogRecord> logged) {
            this.file = file;
            this.source = new LineIndex(file, text);
            this.document = document;
            Path parent = file.toAbsolutePath().normalize().getParent();
            this.folder = parent == null ? Path.of("").toAbsolutePath() : parent;
            this.attributes = new AsciiDocAttributes(document.getAttributes());
            this.attributesReadTo = headerEnd();
            for (LogRecord record : logged) {
                SourceSpan span = at(record.getCursor());
                String severity = record.getSeverity().name();
                diagnostics.add(severity.equals("ERROR") || severity.equals("FATAL")
                        ? Diagnostic.error(span, record.getMessage()) : Diagnostic.warning(span, record.getMessage()));
            }
        }

        Lesson lesson() {
            List<Node> body = new ArrayList<>(blocks(document.getBlocks()));
            body.addAll(markerComments(source, null));
            included.values().forEach(i -> body.addAll(markerComments(i.text(), i.site())));
            String title = document.getDoctitle();
            int titleLine = titleLine();
            if (title == null || titleLine < 0) {
                String stem = file.getFileName() == null ? "" : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                return new Lesson(file, Lesson.Format.ASCIIDOC, title == null ? stem : title, body, diagnostics);
            }
            String raw = HEADING_MARK.matcher(source.line(titleLine)).replaceFirst("").strip();
            List<Inline> inlines = AsciiDocInlines.parse(raw);
            Node.Section top = new Node.Section(source.spanAtLine(titleLine), 1, inlines, plain(inlines), List.of(), body);
            return new Lesson(file, Lesson.Format.ASCIIDOC, plain(inlines), List.of(top), diagnostics);
        }

        /**
         * Asciidoctor drops comments, so {@code // docproof: ...} marker lines are read from the source by
         * position; the planner attaches each to the next code block by line, and ignores one inside a block.
         */
        private static List<Node> markerComments(LineIndex source, SourceSpan site) {
            List<Node> comments = new ArrayList<>();
            for (int line = 1; line <= source.lineCount(); line++) {
                String text = source.line(line);
                if (text.startsWith("//") && !text.startsWith("///") && text.substring(2).strip().startsWith("docproof:")) {
                    SourceSpan at = source.spanAtLine(line);
                    comments.add(new Node.Comment(new SourceSpan(at.file(), at.line(), 1, site), text.substring(2).strip()));
                }
            }
            return comments;
        }

        /** The header's last line (its entries are in the document's attributes already): the line before the first blank one. */
        private int headerEnd() {
            for (int line = 1; line <= source.lineCount(); line++) {
                if (source.line(line).isBlank()) {
                    return line - 1;
                }
            }
            return source.lineCount();
        }

        /** Follows the attribute entries of the body up to {@code line}. */
        private void followAttributeEntries(int line) {
            for (; attributesReadTo < Math.min(line, source.lineCount()); attributesReadTo++) {
                attributes.enter(source.line(attributesReadTo + 1));
            }
        }

        /** The line of the {@code = Title} header, or -1 when the document has none. */
        private int titleLine() {
            for (int line = 1; line <= source.lineCount(); line++) {
                String text = source.line(line);
                if (text.startsWith("= ") || text.startsWith("# ")) {
                    return line;
                }
                if (text.startsWith("==") || text.startsWith("##")) {
                    return -1;
                }
            }
            return -1;
        }

        private List<Node> blocks(List<StructuralNode> nodes) {
            if (depth >= MAX_DEPTH) {
                if (!nodes.isEmpty()) {
                    // every walk of the lesson stays bounded; no real page nests this deep
                    diagnostics.add(Diagnostic.warning(span(nodes.get(0)), "Blocks nested more than " + MAX_DEPTH
                            + " levels deep; the blocks inside are not read"));
                }
                return List.of();
            }
            depth++;
            try {
                List<Node> out = new ArrayList<>();
                for (StructuralNode node : nodes) {
                    out.addAll(block(node));
                }
                return out;
            } finally {
                depth--;
            }
        }

        private SourceSpan span(StructuralNode node) {
            return at(node.getSourceLocation());
        }

        /**
         * Where a cursor of the source map stands: in the lesson, or in an AsciiDoc file an include brought in, with
         * where that include stands.
         */
        private SourceSpan at(Cursor cursor) {
            int line = cursor == null ? 1 : Math.max(1, cursor.getLineNumber());
            Included in = cursor == null || cursor.getFile() == null ? null : included(Path.of(cursor.getFile()));
            if (in == null) {
                return source.spanAtLine(line);
            }
            SourceSpan at = in.text().spanAtLine(Math.min(line, in.text().lineCount()));
            return new SourceSpan(at.file(), at.line(), 1, includeSite(in.absolute()));
        }

        /** The text of a file an include brought in; null for the lesson itself, or a file that cannot be read. */
        private Included included(Path path) {
            Path absolute = path.toAbsolutePath().normalize();
            if (absolute.equals(file.toAbsolutePath().normalize())) {
                return null;
            }
            Path shown = file.isAbsolute() ? absolute : RstIncludes.relativeToWorkingDir(absolute);
            Included known = included.get(shown);
            if (known != null) {
                return known;
            }
            try {
                String text = java.nio.file.Files.readString(absolute);
                Included read = new Included(absolute, new LineIndex(shown, text), includeSite(absolute));
                included.put(shown, read);
                return read;
            } catch (java.io.IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
                return null;
            }
        }

        /**
         * Where the include of {@code target} stands: the lesson's next one after the last of its own lines read, else
         * one in a file the lesson includes; the lesson's last line read when none is found.
         */
        private SourceSpan includeSite(Path target) {
            SourceSpan site = includeIn(source, folder, target, lastLessonLine, null);
            for (Included other : included.values()) {
                if (site == null && !other.absolute().equals(target)) {
                    site = includeIn(other.text(), other.absolute().getParent(), target, 0, other.site());
                }
            }
            return site != null ? site : source.spanAtLine(Math.max(1, lastLessonLine));
        }

        /** The first line of {@code text} after {@code after} (else the first at all) that includes {@code target}. */
        private SourceSpan includeIn(LineIndex text, Path dir, Path target, int after, SourceSpan textSite) {
            SourceSpan first = null;
            for (int line = 1; line <= text.lineCount(); line++) {
                Matcher include = INCLUDE.matcher(text.line(line));
                if (include.lookingAt() && names(dir, attributes.substitute(include.group(1)), target)) {
                    SourceSpan at = text.spanAtLine(line);
                    SourceSpan site = new SourceSpan(at.file(), line, 1, textSite);
                    if (line > after) {
                        return site;
                    }
                    first = first == null ? site : first;
                }
            }
            return first;
        }

        private static boolean names(Path dir, String name, Path target) {
            try {
                return dir.resolve(name).normalize().equals(target);
            } catch (java.nio.file.InvalidPathException e) {
                return false;
            }
        }

        /** The lines of the file a place stands in. */
        private LineIndex textOf(SourceSpan span) {
            Included in = span.included() ? included.get(span.file()) : null;
            return in == null ? source : in.text();
        }

        private List<Node> block(StructuralNode node) {
            SourceSpan span = span(node);
            if (!span.included()) {
                lastLessonLine = Math.max(lastLessonLine, span.line());
            }
            String context = node.getContext();
            switch (context) {
                case "preamble", "open" -> {
                    return blocks(node.getBlocks()); // grouping only
                }
                case "section" -> {
                    Section section = (Section) node;
                    String raw = HEADING_MARK.matcher(textOf(span).line(span.line())).replaceFirst("").strip();
                    List<Inline> title = raw.isEmpty() ? List.of(new Inline.Text(section.getTitle()))
                            : AsciiDocInlines.parse(raw);
                    // Generated ids start with "_"; an id written in the source ([[id]], [#id]) is a label.
                    List<String> labels = section.getId() == null || section.getId().startsWith("_")
                            ? List.of() : List.of(section.getId());
                    return List.of(new Node.Section(span, section.getLevel() + 1, title, plain(title), labels,
                            blocks(section.getBlocks())));
                }
                case "paragraph" -> {
                    return List.of(paragraph(span, (Block) node));
                }
                case "listing", "literal" -> {
                    return List.of(code((Block) node, span));
                }
                case "admonition" -> {
                    return List.of(new Node.Admonition(span, node.getStyle().toLowerCase(Locale.ROOT), title(node),
                            contentOf(node, span)));
                }
                case "example", "sidebar" -> {
                    return List.of(new Node.Admonition(span, context, title(node), contentOf(node, span)));
                }
                case "quote", "verse" -> {
                    return List.of(new Node.BlockQuote(span, contentOf(node, span)));
                }
                case "ulist", "olist", "colist" -> {
                    return List.of(list((org.asciidoctor.ast.List) node, span, !context.equals("ulist")));
                }
                case "dlist" -> {
                    return List.of(definitions((DescriptionList) node, span));
                }
                case "table" -> {
                    return List.of(table((Table) node, span));
                }
                case "image" -> {
                    Map<String, String> options = new LinkedHashMap<>();
                    Object alt = node.getAttribute("alt");
                    if (alt != null) {
                        options.put("alt", alt.toString());
                    }
                    String target = String.valueOf(node.getAttribute("target"));
                    List<Node> caption = node.getTitle() == null ? List.of()
                            : List.of(new Node.Paragraph(span, AsciiDocInlines.parse(node.getTitle())));
                    return List.of(new Node.Image(span, target, options, !caption.isEmpty(), caption));
                }
                case "thematic_break", "page_break" -> {
                    return List.of(new Node.Transition(span));
                }
                case "floating_title" -> {
                    String raw = HEADING_MARK.matcher(textOf(span).line(span.line())).replaceFirst("").strip();
                    return List.of(new Node.Paragraph(span, AsciiDocInlines.parse(raw)));
                }
                case "pass" -> {
                    return List.of(new Node.Directive(span, "raw", "html", Map.of(), ((Block) node).getLines()));
                }
                case "toc" -> {
                    return List.of(new Node.Directive(span, "toc", "", Map.of(), List.of()));
                }
                default -> {
                    diagnostics.add(Diagnostic.warning(span, "kept as written: AsciiDoc " + context
                            + " blocks are not part of the lesson model"));
                    List<String> lines = node instanceof Block b ? b.getLines() : List.of();
                    return List.of(new Node.Directive(span, context, "", Map.of(), lines));
                }
            }
        }

        /** A block's child blocks, or its own text as a paragraph when it has no blocks (NOTE: text). */
        private List<Node> contentOf(StructuralNode node, SourceSpan span) {
            if (!node.getBlocks().isEmpty()) {
                return blocks(node.getBlocks());
            }
            if (node instanceof Block block && !block.getSource().isBlank()) {
                return List.of(paragraph(span, block));
            }
            return List.of();
        }

        private Node.Paragraph paragraph(SourceSpan span, Block block) {
            return new Node.Paragraph(span, AsciiDocInlines.parse(block.getSource(), span));
        }

        private List<Inline> title(StructuralNode node) {
            return node.getTitle() == null ? List.of() : AsciiDocInlines.parse(node.getTitle());
        }

        /**
         * A listing or literal block as a learner sees it: with its attribute references replaced when it asks for
         * that ({@code subs="attributes+"}), so a command reads as on the page.
         */
        private Node.CodeBlock code(Block block, SourceSpan located) {
            SourceSpan span = located;
            LineIndex text = textOf(located);
            Cursor cursor = block.getSourceLocation();
            if (located.included() && !opensBlock(text, cursor.getLineNumber(), block.getLines())) {
                // A block whose content begins with an include is placed in the included file: find the include
                int include = includeLine(cursor.getPath());
                span = source.spanAtLine(include > 0 ? openingAbove(include) : located.inLesson().line());
                text = source;
            }
            followAttributeEntries(span.inLesson().line() - 1);
            Node.CodeBlock written = asWritten(block, span, text);
            if (!span.included()) {
                attributesReadTo = Math.max(attributesReadTo, written.lineOf(written.lines().size()));
            }
            if (!block.isSubstitutionEnabled(StructuralNode.SUBSTITUTION_ATTRIBUTES)) {
                return written;
            }
            return new Node.CodeBlock(written.span(), written.language(), written.options(),
                    written.lines().stream().map(attributes::substitute).toList(), written.firstLine(), written.indent());
        }

        /**
         * Whether a block of an included file starts at {@code line} of it: its opening delimiter, or the first line of
         * an indented literal paragraph. A block of the lesson whose content an include brings in is placed by the
         * source map just before the lines it brings in.
         */
        private static boolean opensBlock(LineIndex text, int line, List<String> parsed) {
            if (line < 1 || line > text.lineCount()) {
                return false;
            }
            String written = text.line(line);
            return DELIMITER.matcher(written.stripTrailing()).matches()
                    || !parsed.isEmpty() && written.strip().equals(parsed.get(0).strip());
        }

        /**
         * A listing or literal block as written. The source map points at the opening delimiter of a delimited block and
         * at the first line of an indented literal paragraph; the lines are read back from the source ({@code text},
         * the lesson's or an included file's) so that trailing blanks and indentation stay exact.
         */
        private Node.CodeBlock asWritten(Block block, SourceSpan span, LineIndex text) {
            Cursor cursor = block.getSourceLocation();
            Object languageAttribute = block.getAttribute("language");
            String language = languageAttribute == null ? null : languageAttribute.toString();
            Map<String, String> options = new LinkedHashMap<>();
            if (block.getStyle() != null) {
                options.put("style", block.getStyle());
            }
            if (block.getTitle() != null) {
                options.put("title", block.getTitle());
            }
            List<String> parsed = block.getLines();
            String opening = text.line(span.line()).stripTrailing();
            if (DELIMITER.matcher(opening).matches()) {
                String closing = opening.startsWith("```") ? "```" : opening;
                int first = span.line() + 1;
                int end = first;
                while (end <= text.lineCount() && !text.line(end).stripTrailing().equals(closing)) {
                    end++;
                }
                List<String> raw = new ArrayList<>();
                for (int line = first; line < end && line <= text.lineCount(); line++) {
                    raw.add(text.line(line));
                }
                while (!raw.isEmpty() && raw.get(0).isBlank()) {
                    raw.remove(0);
                    first++;
                }
                while (!raw.isEmpty() && raw.get(raw.size() - 1).isBlank()) {
                    raw.remove(raw.size() - 1);
                }
                if (sameLines(raw, parsed)) {
                    return new Node.CodeBlock(span, language, options, raw, first, 0);
                }
                if (sameLines(raw, parsed.stream().map(l -> UNRESOLVED.matcher(l).replaceFirst("$1")).toList())) {
                    // Includes that brought nothing, each an error already: blank lines, not commands
                    List<String> lines = new ArrayList<>(raw);
                    for (int i = 0; i < parsed.size(); i++) {
                        if (UNRESOLVED.matcher(parsed.get(i)).matches()) {
                            lines.set(i, "");
                        }
                    }
                    return new Node.CodeBlock(span, language, options, lines, first, 0);
                }
                Node.CodeBlock included = wholeInclude(cursor, raw, parsed, span.atLine(first), language, options);
                if (included != null) {
                    return included;
                }
                // An include among lines of its own, or substitutions the block asked for: the reader sees what Asciidoctor made of it
                diagnostics.add(Diagnostic.warning(span, "the lines of this block differ from the source"
                        + " (an include?); its line numbers may be off, and fix cannot write to them"));
                return new Node.CodeBlock(span, language, options, parsed, span.line() + 1, 0);
            }
            // An indented literal paragraph: Asciidoctor removed the common indentation.
            List<String> raw = new ArrayList<>();
            for (int line = span.line(); line < span.line() + parsed.size() && line <= text.lineCount(); line++) {
                raw.add(text.line(line));
            }
            int indent = raw.stream().filter(l -> !l.isBlank()).mapToInt(LineIndex::leadingSpaces).min().orElse(0);
            List<String> lines = raw.stream().map(l -> l.length() >= indent ? l.substring(indent) : "").toList();
            if (lines.size() != parsed.size()) {
                return new Node.CodeBlock(span, language, options, parsed, span.line(), 0);
            }
            return new Node.CodeBlock(span, language, options, lines, span.line(), indent);
        }

        /**
         * A block that is one include and nothing else ({@code include::setup.sh[]} between its delimiters), placed
         * in the included file at the lines it brought in, as a {@code literalinclude} is: its steps stand at their
         * own lines there, and fix writes there. Null when the block holds more, or its lines are not found as they
         * stand in that file.
         */
        private Node.CodeBlock wholeInclude(Cursor cursor, List<String> raw, List<String> parsed, SourceSpan include,
                                            String language, Map<String, String> options) {
            if (cursor == null || cursor.getFile() == null || raw.size() != 1 || !raw.get(0).strip().startsWith("include::")
                    || parsed.isEmpty()) {
                return null;
            }
            Path absolute = Path.of(cursor.getFile()).toAbsolutePath().normalize();
            List<String> written;
            try {
                written = java.nio.file.Files.readAllLines(absolute);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                return null;
            }
            for (int at = 0; at + parsed.size() <= written.size(); at++) {
                if (sameLines(written.subList(at, at + parsed.size()), parsed)) {
                    Path shown = file.isAbsolute() ? absolute : RstIncludes.relativeToWorkingDir(absolute);
                    return new Node.CodeBlock(new SourceSpan(shown, at + 1, 1, include), language, options, parsed, at + 1, 0);
                }
            }
            return null;
        }

        private static boolean sameLines(List<String> raw, List<String> parsed) {
            if (raw.size() != parsed.size()) {
                return false;
            }
            for (int i = 0; i < raw.size(); i++) {
                if (!raw.get(i).stripTrailing().equals(parsed.get(i).stripTrailing())) {
                    return false;
                }
            }
            return true;
        }

        /** The next line of the lesson, not yet matched to a block, that includes the file at {@code path}; -1: none. */
        private int includeLine(String path) {
            String name = Path.of(path).getFileName().toString();
            for (int line = 1; line <= source.lineCount(); line++) {
                String text = source.line(line).strip();
                int bracket = text.indexOf('[');
                if (text.startsWith("include::") && bracket > 0 && !includesPlaced.contains(line)) {
                    String target = text.substring("include::".length(), bracket);
                    if (target.equals(path) || target.endsWith("/" + name) || target.equals(name)) {
                        includesPlaced.add(line);
                        return line;
                    }
                }
            }
            return -1;
        }

        /** The delimiter that opens the block holding {@code line}; {@code line} itself when none is found. */
        private int openingAbove(int line) {
            for (int l = line - 1; l >= 1; l--) {
                if (DELIMITER.matcher(source.line(l).stripTrailing()).matches()) {
                    return l;
                }
            }
            return line;
        }

        private Node.ListBlock list(org.asciidoctor.ast.List list, SourceSpan span, boolean ordered) {
            List<Node.ListItem> items = new ArrayList<>();
            for (StructuralNode child : list.getItems()) {
                ListItem item = (ListItem) child;
                SourceSpan itemSpan = span(item);
                List<Node> children = new ArrayList<>();
                if (item.getSource() != null && !item.getSource().isBlank()) {
                    children.add(new Node.Paragraph(itemSpan, AsciiDocInlines.parse(item.getSource())));
                }
                children.addAll(blocks(item.getBlocks()));
                items.add(new Node.ListItem(itemSpan, children));
            }
            return new Node.ListBlock(span, ordered, items);
        }

        private Node.DefinitionList definitions(DescriptionList list, SourceSpan span) {
            List<Node.Definition> items = new ArrayList<>();
            for (DescriptionListEntry entry : list.getItems()) {
                List<Inline> term = new ArrayList<>();
                for (ListItem t : entry.getTerms()) {
                    if (!term.isEmpty()) {
                        term.add(new Inline.Text(", "));
                    }
                    term.addAll(AsciiDocInlines.parse(t.getSource()));
                }
                SourceSpan entrySpan = entry.getTerms().isEmpty() ? span : span(entry.getTerms().get(0));
                List<Node> body = new ArrayList<>();
                ListItem description = entry.getDescription();
                if (description != null) {
                    if (description.getSource() != null && !description.getSource().isBlank()) {
                        body.add(new Node.Paragraph(span(description), AsciiDocInlines.parse(description.getSource())));
                    }
                    body.addAll(blocks(description.getBlocks()));
                }
                items.add(new Node.Definition(entrySpan, term, body));
            }
            return new Node.DefinitionList(span, items);
        }

        private Node.Table table(Table table, SourceSpan span) {
            List<Row> body = new ArrayList<>(table.getBody());
            body.addAll(table.getFooter());
            return new Node.Table(span, rows(table.getHeader(), span), rows(body, span));
        }

        private List<List<List<Node>>> rows(List<Row> rows, SourceSpan tableSpan) {
            List<List<List<Node>>> out = new ArrayList<>();
            for (Row row : rows) {
                List<List<Node>> cells = new ArrayList<>();
                for (Cell cell : row.getCells()) {
                    Cursor cursor = cell.getSourceLocation();
                    SourceSpan cellSpan = cursor == null ? tableSpan : at(cursor);
                    if ("asciidoc".equals(cell.getStyle()) && cell.getInnerDocument() != null) {
                        cells.add(blocks(cell.getInnerDocument().getBlocks()));
                    } else {
                        cells.add(List.of(new Node.Paragraph(cellSpan, AsciiDocInlines.parse(cell.getSource()))));
                    }
                }
                out.add(cells);
            }
            return out;
        }
    }

    private static String plain(List<Inline> inlines) {
        return InlineText.plain(inlines);
    }
}
