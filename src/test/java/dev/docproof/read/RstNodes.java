package dev.docproof.read;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: read a snippet, walk a tree in document order, print a tree compactly. */
final class RstNodes {

    static final Path FILE = Path.of("t.rst");

    private RstNodes() {}

    static Lesson read(String text) {
        return new RstReader().read(FILE, text);
    }

    /** Every node in document order (pre-order), children after their parent. */
    static List<Node> walk(List<? extends Node> nodes) {
        List<Node> out = new ArrayList<>();
        for (Node node : nodes) {
            walkInto(node, out);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static <T extends Node> List<T> all(List<? extends Node> nodes, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Node node : walk(nodes)) {
            if (type.isInstance(node)) {
                out.add((T) node);
            }
        }
        return out;
    }

    private static void walkInto(Node node, List<Node> out) {
        out.add(node);
        for (Node child : children(node)) {
            walkInto(child, out);
        }
    }

    static List<Node> children(Node node) {
        return List.copyOf(node.nested());
    }

    /** One line per node: indentation, kind, line:column and the essentials. */
    static String print(List<? extends Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Node node : nodes) {
            print(node, 0, sb);
        }
        return sb.toString();
    }

    private static void print(Node node, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(node.getClass().getSimpleName()).append('@')
                .append(node.span().line()).append(':').append(node.span().column());
        if (node instanceof Node.Section s) {
            sb.append(" L").append(s.level()).append(' ').append(s.titleText());
            if (!s.labels().isEmpty()) {
                sb.append(" labels=").append(s.labels());
            }
        } else if (node instanceof Node.Paragraph p) {
            sb.append(' ').append(inlines(p.content()));
        } else if (node instanceof Node.Admonition a) {
            sb.append(' ').append(a.kind());
            if (!a.title().isEmpty()) {
                sb.append(' ').append(inlines(a.title()));
            }
        } else if (node instanceof Node.Group g) {
            sb.append(' ').append(g.name());
            if (!g.title().isEmpty()) {
                sb.append(' ').append(inlines(g.title()));
            }
        } else if (node instanceof Node.ListBlock l) {
            sb.append(l.ordered() ? " ordered" : " bullet");
        } else if (node instanceof Node.Definition d) {
            sb.append(' ').append(inlines(d.term()));
        } else if (node instanceof Node.Field f) {
            sb.append(' ').append(f.name());
        } else if (node instanceof Node.CodeBlock c) {
            sb.append(" lang=").append(c.language()).append(" first=").append(c.firstLine());
            if (!c.options().isEmpty()) {
                sb.append(" options=").append(c.options());
            }
            sb.append(" lines=").append(c.lines());
        } else if (node instanceof Node.Comment c && !c.text().isEmpty()) {
            sb.append(' ').append(c.text().replace("\n", "\\n"));
        } else if (node instanceof Node.Target t) {
            sb.append(" name=").append(t.name()).append(" url=").append(t.url());
        } else if (node instanceof Node.Image i) {
            sb.append(i.figure() ? " figure " : " image ").append(i.uri());
            if (!i.options().isEmpty()) {
                sb.append(" options=").append(i.options());
            }
        } else if (node instanceof Node.Table t) {
            sb.append(" header=").append(t.headerRows().size()).append(" body=").append(t.bodyRows().size());
        } else if (node instanceof Node.LineBlock b) {
            sb.append(' ').append(b.lines().stream().map(RstNodes::inlines).toList());
        } else if (node instanceof Node.Directive d) {
            sb.append(' ').append(d.name()).append(" args=").append(d.arguments());
            if (!d.options().isEmpty()) {
                sb.append(" options=").append(d.options());
            }
            sb.append(" content=").append(d.content());
        }
        sb.append('\n');
        for (Node child : children(node)) {
            print(child, depth + 1, sb);
        }
    }

    /** Inlines compactly: text as is, markup as kind(text). */
    static String inlines(List<Inline> inlines) {
        StringBuilder sb = new StringBuilder();
        for (Inline inline : inlines) {
            if (inline instanceof Inline.Text t) {
                sb.append(t.text().replace("\n", "\\n"));
            } else if (inline instanceof Inline.Literal l) {
                sb.append("lit(").append(l.text()).append(')');
            } else if (inline instanceof Inline.Emphasis e) {
                sb.append("em(").append(e.text()).append(')');
            } else if (inline instanceof Inline.Strong s) {
                sb.append("strong(").append(s.text()).append(')');
            } else if (inline instanceof Inline.Link l) {
                sb.append("link(").append(l.text()).append('|').append(l.url()).append('|').append(l.refName()).append(')');
            } else if (inline instanceof Inline.CrossRef x) {
                sb.append("xref:").append(x.role()).append('(').append(x.target()).append('|').append(x.title()).append(')');
            } else if (inline instanceof Inline.Role r) {
                sb.append("role:").append(r.role()).append('(').append(r.text()).append(')');
            } else if (inline instanceof Inline.Substitution s) {
                sb.append("sub(").append(s.name()).append(')');
            } else if (inline instanceof Inline.FootnoteRef f) {
                sb.append("fn(").append(f.label()).append(')');
            }
        }
        return sb.toString();
    }
}
