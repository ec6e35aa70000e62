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

    record ListBlock(SourceSpan span, boolean ordered, List<ListItem> items) implements Node {

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

    /** A table; each row is a list of cells, each cell a list of blocks. */
    record Table(SourceSpan span, List<List<List<Node>>> headerRows, List<List<List<Node>>> bodyRows)
            implements Node {

        @Override
        public List<? extends Node> nested() {
            return Stream.concat(headerRows.stream(), bodyRows.stream()).flatMap(List::stream).flatMap(List::stream)
                    .toList();
        }
    }

    record LineBlock(SourceSpan span, List<List<Inline>> lines) implements Node {}

    record Transition(SourceSpan span) implements Node {}

    /**
     * A directive kept as written: toctree, raw, include (recorded, not followed), and any directive
     * the reader does not model (which also yields a warning).
     */
    record Directive(SourceSpan span, String name, String arguments, Map<String, String> options,
                     List<String> content) implements Node {}
}
