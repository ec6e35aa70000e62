package dev.docproof.read;

import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;

import java.nio.file.Path;
import java.util.List;

/**
 * Fills in the indentation of code blocks whose reader left it at 0, by measuring it in the source:
 * step columns ({@code file:262:5}) need it, and a reader that strips a block's indentation may not
 * report how much it stripped. A block is changed only when every non-blank content line is its source
 * line with the same whitespace prefix removed; otherwise it is left as the reader gave it.
 */
final class CodeBlockIndents {

    private final LineIndex source;
    private final Path file;

    private CodeBlockIndents(LineIndex source, Path file) {
        this.source = source;
        this.file = file;
    }

    static Lesson fill(Lesson lesson, Path file, String text) {
        CodeBlockIndents indents = new CodeBlockIndents(new LineIndex(file, text), file);
        return lesson.withNodes(indents.nodes(lesson.nodes()));
    }

    private <T extends Node> List<T> nodes(List<T> nodes) {
        @SuppressWarnings("unchecked")
        List<T> mapped = nodes.stream().map(n -> (T) node(n)).toList();
        return mapped;
    }

    private List<List<List<Node>>> rows(List<List<List<Node>>> rows) {
        return rows.stream().map(row -> row.stream().map(this::nodes).toList()).toList();
    }

    private Node node(Node node) {
        if (node instanceof Node.CodeBlock c) {
            // a block an include brought in stands in another file: its lines cannot be measured here
            return c.indent() == 0 && c.span().file().equals(file) ? measured(c) : c;
        }
        if (node instanceof Node.Section s) {
            return new Node.Section(s.span(), s.level(), s.title(), s.titleText(), s.labels(), nodes(s.children()));
        }
        if (node instanceof Node.Admonition a) {
            return new Node.Admonition(a.span(), a.kind(), a.title(), nodes(a.children()));
        }
        if (node instanceof Node.Group g) {
            return new Node.Group(g.span(), g.name(), g.title(), nodes(g.children()));
        }
        if (node instanceof Node.ListBlock l) {
            return new Node.ListBlock(l.span(), l.ordered(), nodes(l.items()), l.start(), l.numbering());
        }
        if (node instanceof Node.ListItem i) {
            return new Node.ListItem(i.span(), nodes(i.children()));
        }
        if (node instanceof Node.DefinitionList d) {
            return new Node.DefinitionList(d.span(), nodes(d.items()));
        }
        if (node instanceof Node.Definition d) {
            return new Node.Definition(d.span(), d.term(), nodes(d.body()));
        }
        if (node instanceof Node.FieldList f) {
            return new Node.FieldList(f.span(), nodes(f.fields()));
        }
        if (node instanceof Node.Field f) {
            return new Node.Field(f.span(), f.name(), nodes(f.body()));
        }
        if (node instanceof Node.BlockQuote q) {
            return new Node.BlockQuote(q.span(), nodes(q.children()));
        }
        if (node instanceof Node.Image i) {
            return new Node.Image(i.span(), i.uri(), i.options(), i.figure(), nodes(i.caption()));
        }
        if (node instanceof Node.Table t) {
            return new Node.Table(t.span(), t.title(), rows(t.headerRows()), rows(t.bodyRows()));
        }
        return node;
    }

    private Node.CodeBlock measured(Node.CodeBlock block) {
        int indent = -1;
        for (int i = 0; i < block.lines().size(); i++) {
            String line = block.lines().get(i);
            int number = block.lineOf(i);
            if (line.isBlank()) {
                continue;
            }
            if (number < 1 || number > source.lineCount()) {
                return block;
            }
            String written = source.line(number);
            int prefix = written.length() - line.length();
            if (prefix <= 0 || !written.endsWith(line) || !written.substring(0, prefix).isBlank()
                    || (indent >= 0 && prefix != indent)) {
                return block;
            }
            indent = prefix;
        }
        return indent <= 0 ? block : new Node.CodeBlock(block.span(), block.language(), block.options(),
                block.lines(), block.firstLine(), indent);
    }
}
