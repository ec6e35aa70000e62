package dev.docproof.read;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each directive means: admonitions, code, images, Sphinx's {@code only}, {@code todo} and
 * {@code highlight}, includes, list and CSV tables. A directive the reader does not model is kept as a
 * generic {@link Node.Directive} with a warning, so the page can show a placeholder for it.
 */
final class RstDirectives {

    static final Set<String> ADMONITIONS = Set.of("note", "tip", "warning", "important", "caution", "danger",
            "attention", "hint", "error", "seealso");
    private static final Set<String> CODE = Set.of("code", "code-block", "sourcecode");
    /** Sphinx's directives on a change between versions, and the words its page leads them with. */
    private static final Map<String, String> VERSION_CHANGES = Map.of("versionadded", "New in version",
            "versionchanged", "Changed in version", "deprecated", "Deprecated since version",
            "versionremoved", "Removed in version");
    /** sphinx-prompt's prompt for a language when the directive names none. */
    private static final Map<String, String> PROMPTS = Map.of("bash", "$", "batch", "C:\\>", "powershell", "PS C:\\>");
    /**
     * Directives kept as written without a warning: the model records them for later stages (toctree,
     * raw, contents) or they have nothing to show on a page (meta, index, ...).
     */
    static final Set<String> RECORDED = Set.of("toctree", "raw", "glossary", "contents");
    /**
     * Directives that group blocks ({@link Node.Group}), by whether their argument is a title: docutils' own and
     * those of the Sphinx extensions courses use for tabs, cards and dropdowns (sphinx-tabs, sphinx-design,
     * sphinx-inline-tabs). A container's and a grid's arguments are classes and column counts.
     */
    static final Map<String, Boolean> GROUPS = Map.ofEntries(Map.entry("container", false),
            Map.entry("topic", true), Map.entry("sidebar", true), Map.entry("compound", false),
            Map.entry("epigraph", false), Map.entry("highlights", false), Map.entry("pull-quote", false),
            Map.entry("tabs", false), Map.entry("tab", true), Map.entry("group-tab", true),
            Map.entry("tab-set", false), Map.entry("tab-item", true), Map.entry("tab-set-code", false),
            Map.entry("dropdown", true), Map.entry("card", true), Map.entry("grid", false),
            Map.entry("grid-item", false), Map.entry("grid-item-card", true));

    private final RstContext ctx;
    private final RstBlockParser blocks;
    private final RstInlineParser inline;
    private final RstExplicit explicit;
    private final RstTableDirectives tables;

    RstDirectives(RstContext ctx, RstBlockParser blocks, RstInlineParser inline, RstExplicit explicit) {
        this.ctx = ctx;
        this.blocks = blocks;
        this.inline = inline;
        this.explicit = explicit;
        this.tables = new RstTableDirectives(ctx, blocks, inline);
    }

    /** Reads directive {@code name} whose block (first line after the marker) is {@code block} into {@code out}. */
    void directive(RstLine start, String name, List<RstLine> block, RstSectionTree out, boolean topLevel) {
        SourceSpan span = ctx.span(start);
        if (ADMONITIONS.contains(name)) {
            RstExplicit.Parts parts = explicit.split(block, false, name);
            requireContent(start, name, parts, "admonition is empty; content required (indent its text under the directive)");
            out.add(new Node.Admonition(span, name, List.of(), blocks.parseNested(parts.content())));
        } else if (name.equals("admonition")) {
            out.add(generic(start, block));
        } else if (CODE.contains(name)) {
            out.add(code(start, name, explicit.split(block, true, name)));
        } else if (name.equals("image") || name.equals("figure")) {
            out.add(image(start, name, explicit.split(block, true, name)));
        } else if (name.equals("only")) {
            only(start, explicit.split(block, true, name), out);
        } else if (name.equals("todo")) {
            // Sphinx hides to-dos unless todo_include_todos is set: kept out of sight, as a comment
            RstExplicit.Parts parts = explicit.split(block, false, name);
            out.add(new Node.Comment(span, "todo: " + String.join("\n", RstExplicit.texts(parts.content()))));
        } else if (name.equals("highlight")) {
            RstExplicit.Parts parts = explicit.split(block, true, name);
            ctx.highlight = parts.arguments().isBlank() ? null : parts.arguments().strip();
            out.add(new Node.Directive(span, name, parts.arguments(), parts.options(), List.of()));
        } else if (name.equals("include")) {
            include(start, explicit.split(block, true, name), out, topLevel);
        } else if (name.equals("literalinclude")) {
            out.add(literalInclude(start, explicit.split(block, true, name)));
        } else if (GROUPS.containsKey(name)) {
            RstExplicit.Parts parts = explicit.split(block, true, name);
            List<Inline> title = GROUPS.get(name) && !parts.arguments().isBlank()
                    ? inline.parse(start.at(start.column(), parts.arguments().strip())) : List.of();
            out.add(new Node.Group(span, name, title, blocks.parseNested(parts.content())));
        } else if (name.equals("parsed-literal")) {
            out.add(parsedLiteral(start, explicit.split(block, true, name)));
        } else if (VERSION_CHANGES.containsKey(name)) {
            out.add(versionChange(start, name, explicit.split(block, true, name)));
        } else if (name.equals("prompt")) {
            out.add(prompt(start, explicit.split(block, true, name)));
        } else if (name.equals("code-tab")) {
            out.add(codeTab(start, explicit.split(block, true, name)));
        } else if (name.equals("rubric")) {
            RstExplicit.Parts parts = explicit.split(block, true, name);
            if (parts.arguments().isBlank()) {
                ctx.error(start, start.column(), "The \"rubric\" directive needs its text (write \".. rubric:: Text\")");
            }
            out.add(new Node.Group(span, name, inline.parse(start.at(start.column(), parts.arguments().strip())), List.of()));
        } else if (name.equals("list-table")) {
            tables.listTable(start, explicit.split(block, true, name), out);
        } else if (name.equals("csv-table")) {
            tables.csvTable(start, explicit.split(block, true, name), out);
        } else {
            RstExplicit.Parts parts = explicit.split(block, true, name);
            if (!RECORDED.contains(name) && !Node.Directive.INVISIBLE.contains(name)) {
                ctx.warn(start, start.column(), "Directive \"" + name + "\" is not supported; kept as a generic"
                        + " directive and shown on the page as a placeholder");
            }
            out.add(new Node.Directive(span, name, parts.arguments(), parts.options(), RstExplicit.texts(parts.content())));
        }
    }

    private void requireContent(RstLine start, String name, RstExplicit.Parts parts, String message) {
        if (parts.content().isEmpty() && !parts.malformed()) {
            ctx.error(start, start.column(), "The \"" + name + "\" " + message);
        }
    }

    /** {@code .. admonition:: Title}: an admonition with its own title. */
    private Node generic(RstLine start, List<RstLine> block) {
        RstExplicit.Parts parts = explicit.split(block, true, "admonition");
        if (parts.arguments().isEmpty()) {
            ctx.error(start, start.column(), "The \"admonition\" directive needs a title (write \".. admonition:: Title\")");
        }
        requireContent(start, "admonition", parts, "admonition is empty; content required (indent its text under the directive)");
        List<Inline> title = parts.arguments().isEmpty() ? List.of()
                : inline.parse(start.at(start.column(), parts.arguments()));
        return new Node.Admonition(ctx.span(start), "admonition", title, blocks.parseNested(parts.content()));
    }

    private Node code(RstLine start, String name, RstExplicit.Parts parts) {
        SourceSpan span = ctx.span(start);
        String language = parts.arguments().isEmpty() ? ctx.highlight : parts.arguments();
        if (language != null && language.indexOf(' ') >= 0) {
            ctx.error(start, start.column(), "The \"" + name + "\" directive takes at most one argument"
                    + " (the language); got \"" + language + "\" (put the code after a blank line)");
        }
        checkCodeOptions(start, parts.options(), parts.content().size());
        List<RstLine> content = parts.content();
        if (content.isEmpty()) {
            if (!parts.malformed()) {
                ctx.error(start, start.column(), "Content block expected for the \"" + name
                        + "\" directive; none found (indent the code under it, after a blank line)");
            }
            return new Node.CodeBlock(span, language, parts.options(), List.of(), start.number() + 1);
        }
        int dedent = dedent(start, parts.options(), content);
        return new Node.CodeBlock(span, language, parts.options(), dedented(content, dedent), content.get(0).number(),
                content.get(0).column() - 1 + dedent);
    }

    /**
     * {@code parsed-literal}: a literal block whose substitutions and inline markup are applied, each line shown as
     * the text they make ({@code image:|version|} reads {@code image:1.4}); a code block of no language, so a
     * transcript when its lines carry prompts.
     */
    private Node parsedLiteral(RstLine start, RstExplicit.Parts parts) {
        List<RstLine> content = parts.content();
        if (content.isEmpty()) {
            return code(start, "parsed-literal", parts);
        }
        List<String> text = new ArrayList<>(content.size());
        for (RstLine line : content) {
            int indent = line.text().length() - line.text().stripLeading().length();
            String rest = line.text().substring(indent);
            text.add(line.text().substring(0, indent)
                    + (rest.isBlank() ? rest : InlineText.plain(inline.parse(line.at(line.column() + indent, rest)))));
        }
        return new Node.CodeBlock(ctx.span(start), null, parts.options(), List.copyOf(text), content.get(0).number(),
                content.get(0).column() - 1);
    }

    /**
     * Sphinx's {@code .. versionadded:: 1.4 [explanation]} and its kin: a box headed as Sphinx words it ("New in
     * version 1.4") holding the explanation and the content.
     */
    private Node versionChange(RstLine start, String name, RstExplicit.Parts parts) {
        String[] words = parts.arguments().strip().split("\\s+", 2);
        if (words[0].isEmpty()) {
            ctx.error(start, start.column(), "The \"" + name + "\" directive needs the version (write \".. " + name
                    + ":: 1.4\")");
        }
        List<Node> children = new ArrayList<>();
        if (words.length > 1) {
            children.add(new Node.Paragraph(ctx.span(start), inline.parse(start.at(start.column(), words[1]))));
        }
        children.addAll(blocks.parseNested(parts.content()));
        return new Node.Admonition(ctx.span(start), name,
                List.of(new Inline.Text(VERSION_CHANGES.get(name) + " " + words[0])), List.copyOf(children));
    }

    /**
     * sphinx-prompt's {@code .. prompt:: bash $ [auto]} (or its {@code :language:}, {@code :prompts:} and
     * {@code :modifiers:} options): a code block in that language, shown with the prompt before each statement, so
     * a bash block's lines are commands; in the {@code auto} mode lines carry their prompts, as in a transcript.
     */
    private Node prompt(RstLine start, RstExplicit.Parts parts) {
        Map<String, String> options = new LinkedHashMap<>(parts.options());
        List<String> names = List.of("language", "prompts", "modifiers");
        List<String> words = parts.arguments().isBlank() ? List.of() : List.of(parts.arguments().strip().split("\\s+"));
        for (int i = 0; i < Math.min(words.size(), names.size()); i++) {
            if (options.containsKey(names.get(i))) {
                break; // sphinx-prompt ignores this argument and those after it
            }
            options.put(names.get(i), words.get(i));
        }
        String language = options.getOrDefault("language", "text").strip();
        options.putIfAbsent("prompts", PROMPTS.getOrDefault(language, ""));
        return code(start, "prompt", new RstExplicit.Parts(language, options, parts.content(), parts.malformed()));
    }

    /**
     * sphinx-tabs' {@code .. code-tab:: bash [Title]}: a tab holding one code block in that language, titled by the
     * title or else the language.
     */
    private Node codeTab(RstLine start, RstExplicit.Parts parts) {
        String[] words = parts.arguments().strip().split("\\s+", 2);
        String title = words.length > 1 ? words[1] : words[0];
        RstExplicit.Parts code = new RstExplicit.Parts(words[0], parts.options(), parts.content(), parts.malformed());
        return new Node.Group(ctx.span(start), "tab", title.isEmpty() ? List.of()
                : inline.parse(start.at(start.column(), title)), List.of(code(start, "code-tab", code)));
    }

    /** {@code :emphasize-lines:} and {@code :lineno-start:} are checked here, so the page can trust them. */
    private void checkCodeOptions(RstLine start, Map<String, String> options, int lineCount) {
        String emphasized = options.get("emphasize-lines");
        java.util.SortedSet<Integer> lines = emphasized == null ? null : Node.CodeBlock.lineSet(emphasized, lineCount);
        if (emphasized != null && lines == null) {
            ctx.warn(start, start.column(), "The \"emphasize-lines\" option \"" + emphasized + "\" is not a list of"
                    + " lines (write e.g. 1,3-5); no line is emphasized");
        } else if (lines != null && !lines.isEmpty() && lines.last() > lineCount) {
            ctx.warn(start, start.column(), "The \"emphasize-lines\" option \"" + emphasized + "\" names lines past"
                    + " the block's " + lineCount + " lines");
        }
        String first = options.get("lineno-start");
        if (first != null && !first.strip().matches("-?\\d{1,9}")) {
            ctx.warn(start, start.column(), "The \"lineno-start\" option needs a whole number; got \"" + first + "\"");
        }
    }

    private Node image(RstLine start, String name, RstExplicit.Parts parts) {
        boolean figure = name.equals("figure");
        String uri = RstText.removeWhitespace(parts.arguments());
        if (uri.isEmpty()) {
            ctx.error(start, start.column(), "The \"" + name + "\" directive needs an image URI");
        }
        List<Node> caption = List.of();
        if (!parts.content().isEmpty()) {
            if (!figure) {
                RstLine c = parts.content().get(0);
                ctx.error(c, c.column(), "The \"image\" directive takes no content; read as a caption (use \"figure\")");
            }
            caption = blocks.parseNested(parts.content());
        }
        return new Node.Image(ctx.span(start), uri, parts.options(), figure, caption);
    }

    /** Sphinx's {@code only}: content kept when the expression holds for the HTML builder, else hidden. */
    private void only(RstLine start, RstExplicit.Parts parts, RstSectionTree out) {
        Boolean holds = SphinxTags.html(parts.arguments());
        if (holds == null) {
            ctx.warn(start, start.column(), "The \"only\" expression \"" + parts.arguments() + "\" cannot be read"
                    + " (use tag names with and, or, not and parentheses); its content is shown");
        }
        if (holds == null || holds) {
            blocks.parseNested(parts.content()).forEach(out::add);
        } else {
            out.add(new Node.Comment(ctx.span(start), "only " + parts.arguments() + ": "
                    + String.join("\n", RstExplicit.texts(parts.content()))));
        }
    }

    /** {@code include}: the file's text read in place, as if written here (its sections join the document's). */
    private void include(RstLine start, RstExplicit.Parts parts, RstSectionTree out, boolean topLevel) {
        RstIncludes.Target target = RstIncludes.resolve(ctx, start, "include", parts.arguments().strip());
        if (target == null || RstIncludes.circular(ctx, start, target)) {
            return;
        }
        List<RstLine> lines = RstIncludes.lines(ctx, start, "include", target);
        if (lines == null) {
            return;
        }
        lines = RstIncludes.select(ctx, start, "include", lines, parts.options());
        Map<String, String> options = parts.options();
        if (options.containsKey("literal") || options.containsKey("code")) {
            String language = options.containsKey("code") && !options.get("code").isBlank() ? options.get("code").strip() : null;
            out.add(includedCode(start, target, language, options, lines));
            return;
        }
        ctx.including.add(target.absolute());
        try {
            blocks.parseInto(lines, out, topLevel);
        } finally {
            ctx.including.remove(ctx.including.size() - 1);
        }
    }

    /** Sphinx's {@code literalinclude}: a code block of the file's selected lines, placed in that file. */
    private Node literalInclude(RstLine start, RstExplicit.Parts parts) {
        Map<String, String> options = parts.options();
        RstIncludes.Target target = RstIncludes.resolve(ctx, start, "literalinclude", parts.arguments().strip());
        List<RstLine> lines = target == null ? null : RstIncludes.lines(ctx, start, "literalinclude", target);
        if (lines == null) {
            return new Node.Directive(ctx.span(start), "literalinclude", parts.arguments(), options, List.of());
        }
        lines = RstIncludes.select(ctx, start, "literalinclude", lines, options);
        String language = options.containsKey("language") ? options.get("language").strip() : ctx.highlight;
        return includedCode(start, target, language, options, lines);
    }

    private Node.CodeBlock includedCode(RstLine start, RstIncludes.Target target, String language,
                                        Map<String, String> options, List<RstLine> lines) {
        int dedent = dedent(start, options, lines);
        List<String> text = new ArrayList<>(dedented(lines, dedent));
        if (options.containsKey("prepend")) {
            text.add(0, options.get("prepend"));
        }
        if (options.containsKey("append")) {
            text.add(options.get("append"));
        }
        checkCodeOptions(start, options, text.size());
        int firstLine = lines.isEmpty() ? 1 : lines.get(0).number();
        SourceSpan span = new SourceSpan(target.shown(), firstLine, 1, ctx.span(start));
        return new Node.CodeBlock(span, language, options, List.copyOf(text), firstLine, dedent);
    }

    private static List<String> dedented(List<RstLine> lines, int dedent) {
        List<String> text = new ArrayList<>(lines.size());
        for (RstLine line : lines) {
            text.add(line.text().substring(Math.min(dedent, line.text().length())));
        }
        return List.copyOf(text);
    }

    /** Sphinx's {@code :dedent:} (code blocks and literalinclude): a number of columns, or (empty) the lines' common indentation. */
    private int dedent(RstLine start, Map<String, String> options, List<RstLine> lines) {
        String value = options.get("dedent");
        if (value == null) {
            return 0;
        }
        if (value.isBlank()) {
            return RstLine.minIndent(lines, 0, lines.size());
        }
        int dedent;
        try {
            dedent = Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            ctx.warn(start, start.column(), "The \"dedent\" option needs a whole number; got \"" + value + "\"");
            return 0;
        }
        for (RstLine line : lines) {
            if (!line.text().substring(0, Math.min(dedent, line.text().length())).isBlank()) {
                ctx.warn(start, start.column(), "The \"dedent\" option strips text, not only indentation, from line "
                        + line.number() + " (as Sphinx does; write a smaller number, or :dedent: alone for the"
                        + " lines' common indentation)");
                break;
            }
        }
        return dedent;
    }
}
