package dev.docproof.lesson;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A block of a lesson's document tree. Every node knows where it starts. */
public sealed interface Node {

    SourceSpan span();

    /** The blocks directly inside this one, in document order (a table's cells row by row); none by default. */
    default List<? extends Node> nested() {
        return List.of();
    }

    /** A titled section; {@code level} is 1 for the document title's level, 2 below it, and so on. */
    record Section(SourceSpan span, int level, List<Inline> title, String titleText, List<String> labels,
                   List<Node> children) implements Node {

        @Override
        public List<? extends Node> nested() {
            return children;
        }
    }

    record Paragraph(SourceSpan span, List<Inline> content) implements Node {}

    /** note, tip, warning, …; {@code kind} is "admonition" for the generic form, which carries a title. */
    record Admonition(SourceSpan span, String kind, List<Inline> title, List<Node> children) implements Node {

        @Override
        public List<? extends Node> nested() {
            return children;
        }
    }

    /**
     * A directive that groups blocks under an optional title, named as written: Sphinx's tabs ({@code tabs},
     * {@code tab}, {@code tab-set}, {@code tab-item}, ...), cards and dropdowns, docutils' {@code container},
     * {@code topic} and {@code sidebar}; a {@code rubric} is a title alone. Its blocks are the lesson's like any
     * other: a command in a tab is a step.
     */
    record Group(SourceSpan span, String name, List<Inline> title, List<Node> children) implements Node {

        @Override
        public List<? extends Node> nested() {
            return children;
        }
    }

    /**
     * A bullet list ({@code numbering} NONE) or an enumerated one, numbered from {@code start} in its own
     * style ({@code 0.}, {@code a)}, {@code (iv)} are kept as written, as docutils keeps them).
     */
    record ListBlock(SourceSpan span, boolean ordered, List<ListItem> items, int start, Numbering numbering)
            implements Node {

        public enum Numbering { NONE, ARABIC, LOWER_ALPHA, UPPER_ALPHA, LOWER_ROMAN, UPPER_ROMAN }

        /** A bullet list, or an arabic list from 1. */
        public ListBlock(SourceSpan span, boolean ordered, List<ListItem> items) {
            this(span, ordered, items, 1, ordered ? Numbering.ARABIC : Numbering.NONE);
        }

        @Override
        public List<? extends Node> nested() {
            return items;
        }
    }

    record ListItem(SourceSpan span, List<Node> children) implements Node {

        @Override
        public List<? extends Node> nested() {
            return children;
        }
    }

    record DefinitionList(SourceSpan span, List<Definition> items) implements Node {

        @Override
        public List<? extends Node> nested() {
            return items;
        }
    }

    record Definition(SourceSpan span, List<Inline> term, List<Node> body) implements Node {

        @Override
        public List<? extends Node> nested() {
            return body;
        }
    }

    record FieldList(SourceSpan span, List<Field> fields) implements Node {

        @Override
        public List<? extends Node> nested() {
            return fields;
        }
    }

    record Field(SourceSpan span, String name, List<Node> body) implements Node {

        @Override
        public List<? extends Node> nested() {
            return body;
        }
    }

    record BlockQuote(SourceSpan span, List<Node> children) implements Node {

        @Override
        public List<? extends Node> nested() {
            return children;
        }
    }

    /**
     * A code or literal block. {@code language} is null when none was given; {@code lines} are the
     * content lines with the block's indentation removed; {@code lines.get(i)} stands at source line
     * {@code firstLine + i}. {@code indent} is how many columns of indentation were removed from each
     * line (0 when unknown), so a position inside a line maps back to a source column.
     */
    record CodeBlock(SourceSpan span, String language, Map<String, String> options, List<String> lines,
                     int firstLine, int indent) implements Node {

        /** A block whose indentation is unknown or none. */
        public CodeBlock(SourceSpan span, String language, Map<String, String> options, List<String> lines,
                         int firstLine) {
            this(span, language, options, lines, firstLine, 0);
        }

        public int lineOf(int index) {
            return firstLine + index;
        }

        /** The source column of {@code offset} (0-based) within content line {@code index}. */
        public int columnOf(int offset) {
            return indent + offset + 1;
        }

        /** The block's title ({@code :caption:}), or null. */
        public String caption() {
            String caption = options.get("caption");
            return caption == null || caption.isBlank() ? null : caption.strip();
        }

        /**
         * The prompt shown before each statement of a sphinx-prompt block ({@code .. prompt:: bash $}), or null: none
         * for other blocks, and none in its {@code auto} mode, whose lines carry their prompts themselves.
         */
        public String statementPrompt() {
            String prompt = options.getOrDefault("prompts", "").strip();
            boolean auto = List.of(options.getOrDefault("modifiers", "").split(",")).contains("auto");
            return prompt.isEmpty() || auto ? null : prompt;
        }

        /** Whether lines are shown numbered ({@code :linenos:}, docutils' {@code :number-lines:}). */
        public boolean lineNumbers() {
            return options.containsKey("linenos") || options.containsKey("number-lines")
                    || options.containsKey("lineno-start");
        }

        /** The number shown on the first line when numbered ({@code :lineno-start:}, {@code :number-lines: N}). */
        public int firstLineNumber() {
            String start = options.getOrDefault("lineno-start", options.getOrDefault("number-lines", ""));
            try {
                return start.isBlank() ? 1 : Integer.parseInt(start.strip());
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        /** The 1-based content lines {@code :emphasize-lines:} names (empty when none or unreadable). */
        public java.util.SortedSet<Integer> emphasized() {
            java.util.SortedSet<Integer> set = lineSet(options.getOrDefault("emphasize-lines", ""), lines.size());
            return set == null ? new java.util.TreeSet<>() : set;
        }

        /**
         * Sphinx's line list ({@code 1,3-5,8-}, an open range ending at {@code total}); null when it is not
         * one. Lines past {@code total} are kept, so a caller can tell the list names lines the block lacks.
         */
        public static java.util.SortedSet<Integer> lineSet(String spec, int total) {
            java.util.SortedSet<Integer> set = new java.util.TreeSet<>();
            if (spec.isBlank()) {
                return set;
            }
            for (String part : spec.split(",")) {
                String range = part.strip();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{0,9})\\s*(-?)\\s*(\\d{0,9})").matcher(range);
                if (range.isEmpty() || !m.matches() || m.group(1).isEmpty() && m.group(3).isEmpty()
                        || m.group(2).isEmpty() && !m.group(3).isEmpty()) {
                    return null;
                }
                int first = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
                int last = m.group(2).isEmpty() ? first : m.group(3).isEmpty() ? Math.max(first, total)
                        : Integer.parseInt(m.group(3));
                if (first < 1 || last < first || last - first > 100_000) {
                    return null;
                }
                for (int n = first; n <= last; n++) {
                    set.add(n);
                }
            }
            return set;
        }
    }

    /** A comment: never shown to readers, kept so nothing is lost. */
    record Comment(SourceSpan span, String text) implements Node {}

    /** A label ({@code .. _name:}) or a named hyperlink target ({@code .. _name: url}; url null for labels). */
    record Target(SourceSpan span, String name, String url) implements Node {}

    /** An image, or a figure when {@code caption} is not empty or {@code figure} is set. */
    record Image(SourceSpan span, String uri, Map<String, String> options, boolean figure, List<Node> caption)
            implements Node {

        @Override
        public List<? extends Node> nested() {
            return caption;
        }
    }

    /** A table with an optional title (empty when none); each row is a list of cells, each cell a list of blocks. */
    record Table(SourceSpan span, List<Inline> title, List<List<List<Node>>> headerRows,
                 List<List<List<Node>>> bodyRows) implements Node {

        /** A table without a title. */
        public Table(SourceSpan span, List<List<List<Node>>> headerRows, List<List<List<Node>>> bodyRows) {
            this(span, List.of(), headerRows, bodyRows);
        }

        @Override
        public List<? extends Node> nested() {
            return Stream.concat(headerRows.stream(), bodyRows.stream()).flatMap(List::stream).flatMap(List::stream)
                    .toList();
        }
    }

    record LineBlock(SourceSpan span, List<List<Inline>> lines) implements Node {}

    record Transition(SourceSpan span) implements Node {}

    /**
     * A directive kept as written, with its arguments, options (by name, in order) and content lines:
     * toctree, raw, the {@link #INVISIBLE} ones, a substitution definition (option {@code substitution}
     * names it), an include that could not be read, and any directive the reader does not model (which
     * also yields a warning, and shows on the page as a placeholder).
     */
    record Directive(SourceSpan span, String name, String arguments, Map<String, String> options,
                     List<String> content) implements Node {

        /** Directives that put nothing on a page (metadata, index entries, settings for later blocks). */
        public static final java.util.Set<String> INVISIBLE = java.util.Set.of("meta", "index", "highlight",
                "tabularcolumns", "sectionauthor", "codeauthor", "moduleauthor", "default-role", "role", "title",
                "front-matter");

        /** Whether the page shows nothing for this directive. */
        public boolean invisible() {
            return INVISIBLE.contains(name);
        }
    }
}
