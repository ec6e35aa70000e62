package dev.docproof.read;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The line-based block parser. {@link #parseBlocks} looks at the line where a block starts, decides
 * which construct it opens (in docutils' order of precedence) and hands over to that construct's
 * method, which consumes its lines and returns the index of the first line after it. Nested content
 * (list items, quotes, directive bodies, cells) is dedented and parsed by the same loop.
 */
final class RstBlockParser {

    private final RstContext ctx;
    private final RstInlineParser inline;
    private final RstExplicit explicit;
    private final RstTables tables;
    /** Nesting depth of the content being parsed; bounded so hostile input cannot exhaust the stack. */
    private int depth;
    private static final int MAX_DEPTH = 64;

    RstBlockParser(RstContext ctx) {
        this.ctx = ctx;
        this.inline = new RstInlineParser(ctx);
        this.explicit = new RstExplicit(ctx, this, inline);
        this.tables = new RstTables(ctx, this);
    }

    /** The document: section titles are allowed here and build the section tree. */
    List<Node> parseDocument(List<RstLine> lines) {
        RstSectionTree tree = new RstSectionTree();
        parseBlocks(lines, tree, true);
        return tree.finish();
    }

    /** Lines read in place into {@code out} (an included file's), nested no deeper than where they stand. */
    void parseInto(List<RstLine> lines, RstSectionTree out, boolean topLevel) {
        if (depth >= MAX_DEPTH) {
            tooDeep(lines).forEach(out::add);
            return;
        }
        depth++;
        try {
            parseBlocks(lines, out, topLevel);
        } finally {
            depth--;
        }
    }

    /** Nested content, where docutils allows no section titles. */
    List<Node> parseNested(List<RstLine> lines) {
        if (depth >= MAX_DEPTH) {
            return tooDeep(lines);
        }
        depth++;
        try {
            RstSectionTree tree = new RstSectionTree();
            parseBlocks(lines, tree, false);
            return tree.finish();
        } finally {
            depth--;
        }
    }

    /** Content nested deeper than any real page goes is kept as text, so recursion stays bounded. */
    private List<Node> tooDeep(List<RstLine> lines) {
        int first = 0;
        while (first < lines.size() && lines.get(first).blank()) {
            first++;
        }
        if (first == lines.size()) {
            return List.of();
        }
        RstLine start = lines.get(first);
        ctx.warn(start, start.column(), "Blocks nested more than " + MAX_DEPTH
                + " levels deep; the rest is kept as plain text");
        StringBuilder text = new StringBuilder();
        for (int k = first; k < lines.size(); k++) {
            text.append(k > first ? "\n" : "").append(lines.get(k).text());
        }
        return List.of(new Node.Paragraph(ctx.span(start), List.of(new Inline.Text(text.toString()))));
    }

    private void parseBlocks(List<RstLine> lines, RstSectionTree out, boolean topLevel) {
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).blank()) {
                i++;
            } else {
                i = block(lines, i, out, topLevel);
            }
        }
    }

    private int block(List<RstLine> lines, int i, RstSectionTree out, boolean topLevel) {
        RstLine line = lines.get(i);
        String t = line.text();
        if (t.charAt(0) == ' ') {
            return blockQuote(lines, i, out);
        }
        if (bulletMarkerEnd(t) > 0) {
            return bulletList(lines, i, out);
        }
        RstEnumerator enumerator = RstEnumerator.parse(t, null);
        if (enumerator != null && enumeratedItemConfirmed(lines, i, enumerator)) {
            return enumeratedList(lines, i, out);
        }
        if (fieldMarkerEnd(t) > 0) {
            return fieldList(lines, i, out);
        }
        if (t.startsWith(">>>") && (t.length() == 3 || t.charAt(3) == ' ')) {
            return doctest(lines, i, out);
        }
        if (t.equals("|") || t.startsWith("| ")) {
            return lineBlock(lines, i, out);
        }
        if (RstTables.isGridTop(t)) {
            return tables.grid(lines, i, out);
        }
        if (RstTables.isSimpleTop(t)) {
            return tables.simple(lines, i, out);
        }
        if (RstExplicit.isExplicitStart(t)) {
            return explicit.explicit(lines, i, out, topLevel);
        }
        if (RstExplicit.isAnonymousTargetStart(t)) {
            return explicit.anonymousTarget(lines, i, out);
        }
        if (isAdornment(t) && !t.equals("::")) {
            int next = adornmentLine(lines, i, out, topLevel);
            if (next >= 0) {
                return next;
            }
        }
        return text(lines, i, out, topLevel);
    }

    // ----- constructs recognised by their first line -----

    /** Where an item's text starts after a bullet ({@code * }, {@code - }, {@code + }, •, ‣, ⁃), or -1. */
    static int bulletMarkerEnd(String t) {
        char c = t.charAt(0);
        if (c != '*' && c != '-' && c != '+' && c != '\u2022' && c != '\u2023' && c != '\u2043') {
            return -1;
        }
        if (t.length() == 1) {
            return 1;
        }
        if (t.charAt(1) != ' ') {
            return -1;
        }
        int end = 1;
        while (end < t.length() && t.charAt(end) == ' ') {
            end++;
        }
        return end;
    }

    /**
     * Where the body of a field starts after {@code :name:}, or -1; the name may hold escaped colons
     * and colons followed by anything but a space, a backquote or the end, as docutils' field marker allows.
     */
    static int fieldMarkerEnd(String t) {
        if (t.length() < 3 || t.charAt(0) != ':' || t.charAt(1) == ':' || t.charAt(1) == ' ') {
            return -1;
        }
        int i = 1;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == ':') {
                boolean atEnd = i + 1 == t.length();
                if (atEnd || t.charAt(i + 1) == ' ') {
                    if (t.charAt(i - 1) == ' ') {
                        return -1;
                    }
                    int end = i + 1;
                    while (end < t.length() && t.charAt(end) == ' ') {
                        end++;
                    }
                    return end;
                }
                if (t.charAt(i + 1) == '`') {
                    return -1; // a role such as :ref:`x`, not a field name
                }
            }
            i++;
        }
        return -1;
    }

    /** A line made of one repeated punctuation character (a title adornment or transition). */
    static boolean isAdornment(String t) {
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(0);
        if (!(c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~')) {
            return false;
        }
        for (int k = 1; k < t.length(); k++) {
            if (t.charAt(k) != c) {
                return false;
            }
        }
        return true;
    }

    /** Would the line at {@code k} start a construct other than plain text? */
    private boolean startsConstruct(List<RstLine> lines, int k) {
        String t = lines.get(k).text();
        if (t.isEmpty() || t.charAt(0) == ' ') {
            return true;
        }
        RstEnumerator e = RstEnumerator.parse(t, null);
        return bulletMarkerEnd(t) > 0 || (e != null && enumeratedItemConfirmed(lines, k, e)) || fieldMarkerEnd(t) > 0
                || t.equals("|") || t.startsWith("| ") || RstTables.isGridTop(t) || RstTables.isSimpleTop(t)
                || RstExplicit.isExplicitStart(t) || RstExplicit.isAnonymousTargetStart(t)
                || (isAdornment(t) && t.length() >= 4);
    }

    // ----- block quote -----

    private int blockQuote(List<RstLine> lines, int i, RstSectionTree out) {
        int end = RstLine.indentedEnd(lines, i);
        int indent = RstLine.minIndent(lines, i, end);
        List<RstLine> body = RstLine.dedent(lines, i, end, indent, indent);
        RstLine first = body.get(0);
        out.add(new Node.BlockQuote(ctx.span(first), parseNested(body)));
        unindentCheck(lines, end, "Block quote");
        return end;
    }

    private void unindentCheck(List<RstLine> lines, int end, String construct) {
        if (end < lines.size() && !lines.get(end).blank()) {
            RstLine next = lines.get(end);
            ctx.warn(next, next.column(),
                    construct + " ends without a blank line; unexpected unindent (add a blank line before this line)");
        }
    }

    // ----- lists -----

    /**
     * The body of a list item or field whose marker ends at {@code textStart} on line {@code j}: its first
     * line's text after the marker, and the lines up to {@code end} dedented by their common indent.
     */
    private List<Node> markedBody(List<RstLine> lines, int j, int end, int textStart) {
        return parseNested(RstLine.dedent(lines, j, end, textStart, RstLine.minIndent(lines, j + 1, end)));
    }

    /**
     * End of a list item whose marker ends at {@code textStart}: with text after the marker, the lines
     * indented at least as far as that text (deeper lines keep their extra indentation, so a nested
     * list or literal block stays one); a marker alone takes the indentation of the lines below.
     */
    private static int itemEnd(List<RstLine> lines, int j, int textStart) {
        return lines.get(j).text().length() > textStart ? RstLine.knownIndentedEnd(lines, j, textStart)
                : RstLine.indentedEnd(lines, j);
    }

    /** The blocks of a list item ending at {@code end} (see {@link #itemEnd}). */
    private List<Node> itemBody(List<RstLine> lines, int j, int end, int textStart) {
        if (lines.get(j).text().length() > textStart) {
            return parseNested(RstLine.dedent(lines, j, end, textStart, textStart));
        }
        return markedBody(lines, j, end, textStart);
    }

    private int bulletList(List<RstLine> lines, int i, RstSectionTree out) {
        char bullet = lines.get(i).text().charAt(0);
        List<Node.ListItem> items = new ArrayList<>();
        int j = i;
        while (true) {
            RstLine line = lines.get(j);
            int textStart = bulletMarkerEnd(line.text());
            int end = itemEnd(lines, j, textStart);
            items.add(new Node.ListItem(ctx.span(line), itemBody(lines, j, end, textStart)));
            int k = skipBlank(lines, end);
            if (k < lines.size() && lines.get(k).text().charAt(0) == bullet && bulletMarkerEnd(lines.get(k).text()) > 0) {
                j = k;
                continue;
            }
            out.add(new Node.ListBlock(ctx.span(lines.get(i)), false, List.copyOf(items)));
            unindentCheck(lines, end, "Bullet list");
            return end;
        }
    }

    /** docutils accepts an enumerator only if the next line is blank, indented or the next enumerator. */
    private boolean enumeratedItemConfirmed(List<RstLine> lines, int i, RstEnumerator e) {
        if (i + 1 >= lines.size()) {
            return true;
        }
        String next = lines.get(i + 1).text();
        if (next.isEmpty() || next.charAt(0) == ' ') {
            return true;
        }
        String expected = e.next();
        return (expected != null && next.startsWith(expected)) || next.startsWith(e.autoMarker());
    }

    private int enumeratedList(List<RstLine> lines, int i, RstSectionTree out) {
        RstEnumerator first = RstEnumerator.parse(lines.get(i).text(), null);
        RstEnumerator current = first;
        List<Node.ListItem> items = new ArrayList<>();
        int j = i;
        while (true) {
            RstLine line = lines.get(j);
            int end = itemEnd(lines, j, current.textStart());
            items.add(new Node.ListItem(ctx.span(line), itemBody(lines, j, end, current.textStart())));
            int k = skipBlank(lines, end);
            if (k < lines.size()) {
                RstEnumerator next = RstEnumerator.parse(lines.get(k).text(), first.sequence());
                // as docutils: "#." continues any list of its format; once it has, only "#." does
                boolean auto = current.sequence() == RstEnumerator.Sequence.AUTO;
                if (next != null && next.format() == first.format()
                        && (next.sequence() == RstEnumerator.Sequence.AUTO
                            || !auto && next.sequence() == current.sequence() && next.ordinal() == current.ordinal() + 1)
                        && enumeratedItemConfirmed(lines, k, next)) {
                    current = next;
                    j = k;
                    continue;
                }
            }
            out.add(new Node.ListBlock(ctx.span(lines.get(i)), true, List.copyOf(items), first.ordinal(),
                    first.numbering()));
            unindentCheck(lines, end, "Enumerated list");
            return end;
        }
    }

    private int fieldList(List<RstLine> lines, int i, RstSectionTree out) {
        List<Node.Field> fields = new ArrayList<>();
        int j = i;
        while (true) {
            RstLine line = lines.get(j);
            int markerEnd = fieldMarkerEnd(line.text());
            String name = RstText.unescape(line.text().substring(1, line.text().lastIndexOf(':', markerEnd - 1)));
            int end = RstLine.indentedEnd(lines, j);
            fields.add(new Node.Field(ctx.span(line), name, markedBody(lines, j, end, markerEnd)));
            int k = skipBlank(lines, end);
            if (k < lines.size() && fieldMarkerEnd(lines.get(k).text()) > 0) {
                j = k;
                continue;
            }
            out.add(new Node.FieldList(ctx.span(lines.get(i)), List.copyOf(fields)));
            unindentCheck(lines, end, "Field list");
            return end;
        }
    }

    private int definitionList(List<RstLine> lines, int i, RstSectionTree out) {
        List<Node.Definition> items = new ArrayList<>();
        int j = i;
        while (true) {
            RstLine term = lines.get(j);
            int end = RstLine.indentedEnd(lines, j);
            int indent = RstLine.minIndent(lines, j + 1, end);
            List<RstLine> body = RstLine.dedent(lines, j + 1, end, indent, indent);
            items.add(new Node.Definition(ctx.span(term), inline.parse(term), parseNested(body)));
            int k = skipBlank(lines, end);
            if (k + 1 < lines.size() && !startsConstruct(lines, k) && !isAdornment(lines.get(k).text())
                    && !lines.get(k + 1).blank() && lines.get(k + 1).text().charAt(0) == ' ') {
                j = k;
                continue;
            }
            out.add(new Node.DefinitionList(ctx.span(lines.get(i)), List.copyOf(items)));
            unindentCheck(lines, end, "Definition list");
            return end;
        }
    }

    private int lineBlock(List<RstLine> lines, int i, RstSectionTree out) {
        List<List<Inline>> result = new ArrayList<>();
        int j = i;
        while (j < lines.size()) {
            String t = lines.get(j).text();
            if (!(t.equals("|") || t.startsWith("| "))) {
                break;
            }
            List<RstLine> parts = new ArrayList<>();
            parts.add(lines.get(j).dropChars(t.length() == 1 ? 1 : 2));
            j++;
            // continuation lines are indented and belong to the line above
            while (j < lines.size() && !lines.get(j).blank() && lines.get(j).text().charAt(0) == ' ') {
                RstLine c = lines.get(j);
                parts.add(c.dropChars(c.indent()));
                j++;
            }
            result.add(parts.get(0).blank() && parts.size() == 1 ? List.of() : inline.parse(parts));
        }
        out.add(new Node.LineBlock(ctx.span(lines.get(i)), List.copyOf(result)));
        unindentCheck(lines, j, "Line block");
        return j;
    }

    /** {@code >>>} blocks (docutils' doctest blocks) run to the next blank line; kept as code. */
    private int doctest(List<RstLine> lines, int i, RstSectionTree out) {
        int j = i;
        List<String> text = new ArrayList<>();
        while (j < lines.size() && !lines.get(j).blank()) {
            text.add(lines.get(j).text());
            j++;
        }
        out.add(new Node.CodeBlock(ctx.span(lines.get(i)), "pycon", Map.of(), List.copyOf(text), lines.get(i).number()));
        return j;
    }

    // ----- titles, transitions, paragraphs -----

    /**
     * A line of punctuation at the start of a block: an overline of a title, a transition, or (when it
     * is neither) plain text, for which -1 is returned.
     */
    private int adornmentLine(List<RstLine> lines, int i, RstSectionTree out, boolean topLevel) {
        RstLine over = lines.get(i);
        String o = over.text();
        boolean nextBlank = i + 1 >= lines.size() || lines.get(i + 1).blank();
        if (nextBlank) {
            if (o.length() < 4) {
                return -1;
            }
            if (!topLevel) {
                ctx.warn(over, over.column(), "Unexpected transition inside a nested block; kept as text");
                return -1;
            }
            out.add(new Node.Transition(ctx.span(over)));
            return i + 1;
        }
        RstLine titleLine = lines.get(i + 1);
        if (isAdornment(titleLine.text()) && titleLine.text().charAt(0) != ' ') {
            if (o.length() < 4) {
                return -1;
            }
            ctx.error(over, over.column(), "Invalid section title or transition marker; read as text");
            return -1;
        }
        if (i + 2 >= lines.size() || !isAdornment(lines.get(i + 2).text()) || lines.get(i + 2).blank()) {
            if (o.length() < 4) {
                return -1;
            }
            ctx.error(over, over.column(),
                    "Missing matching underline for section title overline; read as text (add the underline)");
            return -1;
        }
        String under = lines.get(i + 2).text();
        if (!under.equals(o)) {
            if (o.length() < 4) {
                return -1;
            }
            ctx.error(over, over.column(),
                    "Title overline & underline mismatch; read as text (make both lines identical)");
            return -1;
        }
        String title = titleLine.text().strip();
        if (title.length() > o.length()) {
            if (o.length() < 4) {
                return -1;
            }
            ctx.warn(over, over.column(), "Title overline too short (make it at least as long as the title)");
        }
        int indent = titleLine.indent();
        RstLine text = titleLine.dropChars(indent);
        if (!topLevel) {
            ctx.error(text, text.column(), "Unexpected section title inside a nested block; read as text");
            out.add(new Node.Paragraph(ctx.span(over), inline.parse(lines.subList(i, i + 3))));
            return i + 3;
        }
        section(out, text, title, "" + o.charAt(0) + under.charAt(0));
        return i + 3;
    }

    private void section(RstSectionTree out, RstLine titleLine, String title, String style) {
        int index = ctx.titleStyles.indexOf(style);
        int level;
        if (index < 0) {
            ctx.titleStyles.add(style);
            level = ctx.titleStyles.size();
        } else {
            level = index + 1;
        }
        if (level > out.depth() + 1) {
            ctx.error(titleLine, titleLine.column(), "Title level inconsistent: this adornment style is new at a level"
                    + " deeper than the next one; placed one level below the current section");
            level = out.depth() + 1;
        }
        RstLine trimmed = titleLine.at(titleLine.column(), title);
        List<Inline> inlines = inline.parse(trimmed);
        out.openSection(ctx.span(trimmed), level, inlines, titleText(inlines));
    }

    /** A title as plain text (substitutions are already filled in, as docutils shows them). */
    private static String titleText(List<Inline> inlines) {
        return InlineText.plain(inlines);
    }

    private int text(List<RstLine> lines, int i, RstSectionTree out, boolean topLevel) {
        RstLine first = lines.get(i);
        if (i + 1 < lines.size()) {
            RstLine second = lines.get(i + 1);
            if (!second.blank() && second.text().charAt(0) != ' ' && isAdornment(second.text())) {
                int next = underlinedTitle(lines, i, out, topLevel);
                if (next >= 0) {
                    return next;
                }
            } else if (!second.blank() && second.text().charAt(0) == ' ') {
                return definitionList(lines, i, out);
            }
        }
        int j = i;
        while (j < lines.size() && !lines.get(j).blank() && lines.get(j).text().charAt(0) != ' ') {
            j++;
        }
        List<RstLine> para = lines.subList(i, j);
        boolean unexpectedIndent = j < lines.size() && !lines.get(j).blank();
        return paragraph(lines, para, j, out, unexpectedIndent);
    }

    private int underlinedTitle(List<RstLine> lines, int i, RstSectionTree out, boolean topLevel) {
        RstLine titleLine = lines.get(i);
        String under = lines.get(i + 1).text();
        String title = titleLine.text();
        if (title.codePointCount(0, title.length()) > under.length()) {
            if (under.length() < 4) {
                return -1;
            }
            ctx.warn(lines.get(i + 1), lines.get(i + 1).column(),
                    "Title underline too short (make it at least as long as the title)");
        }
        if (!topLevel) {
            ctx.error(titleLine, titleLine.column(), "Unexpected section title inside a nested block; read as text");
            out.add(new Node.Paragraph(ctx.span(titleLine), inline.parse(lines.subList(i, i + 2))));
            return i + 2;
        }
        section(out, titleLine, title, "" + under.charAt(0));
        return i + 2;
    }

    /**
     * A paragraph; one ending in {@code ::} introduces a literal block (docutils' expanded
     * {@code Text::}, partial {@code Text ::} and standalone {@code ::} forms).
     */
    private int paragraph(List<RstLine> lines, List<RstLine> para, int end, RstSectionTree out, boolean unexpectedIndent) {
        RstLine last = para.get(para.size() - 1);
        String lastText = last.text();
        boolean literalNext = lastText.endsWith("::") && !(lastText.endsWith("\\::") && !lastText.endsWith("\\\\::"));
        if (literalNext) {
            String kept;
            if (lastText.length() == 2) {
                kept = null; // "::" alone: no paragraph
            } else if (lastText.charAt(lastText.length() - 3) == ' ') {
                kept = lastText.substring(0, lastText.length() - 3).stripTrailing();
            } else {
                kept = lastText.substring(0, lastText.length() - 1);
            }
            List<RstLine> shown = new ArrayList<>(para.subList(0, para.size() - 1));
            if (kept != null) {
                shown.add(last.at(last.column(), kept));
            }
            if (!shown.isEmpty()) {
                out.add(new Node.Paragraph(ctx.span(para.get(0)), inline.parse(shown)));
            }
            if (unexpectedIndent) {
                ctx.warn(lines.get(end), lines.get(end).column(),
                        "Unexpected indentation; add a blank line before the literal block");
            }
            return literalBlock(lines, end, last, out);
        }
        out.add(new Node.Paragraph(ctx.span(para.get(0)), inline.parse(para)));
        if (unexpectedIndent) {
            ctx.error(lines.get(end), lines.get(end).column(),
                    "Unexpected indentation; it is read as a block quote (add a blank line before it, or align it)");
        }
        return end;
    }

    private int literalBlock(List<RstLine> lines, int from, RstLine marker, RstSectionTree out) {
        int k = skipBlank(lines, from);
        if (k < lines.size() && lines.get(k).text().charAt(0) == ' ') {
            int end = RstLine.indentedEnd(lines, k);
            int indent = RstLine.minIndent(lines, k, end);
            List<RstLine> body = RstLine.dedent(lines, k, end, indent, indent);
            List<String> text = new ArrayList<>(body.size());
            for (RstLine l : body) {
                text.add(l.text());
            }
            RstLine first = body.get(0);
            out.add(new Node.CodeBlock(ctx.span(first), ctx.highlight, Map.of(), List.copyOf(text), first.number(),
                    first.column() - 1));
            return end;
        }
        if (k < lines.size() && k > from && quoteChar(lines.get(k).text().charAt(0))) {
            // a quoted literal block: unindented lines all starting with the same punctuation
            char q = lines.get(k).text().charAt(0);
            int end = k;
            List<String> text = new ArrayList<>();
            while (end < lines.size() && !lines.get(end).blank() && lines.get(end).text().charAt(0) == q) {
                text.add(lines.get(end).text());
                end++;
            }
            out.add(new Node.CodeBlock(ctx.span(lines.get(k)), null, Map.of(), List.copyOf(text), lines.get(k).number()));
            return end;
        }
        ctx.warn(marker, marker.column() + marker.text().length() - 2,
                "Literal block expected; none found (indent the block after \"::\", or escape it as \"\\::\")");
        return from;
    }

    private static boolean quoteChar(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    private static int skipBlank(List<RstLine> lines, int k) {
        while (k < lines.size() && lines.get(k).blank()) {
            k++;
        }
        return k;
    }
}
