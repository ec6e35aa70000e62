package dev.docproof.site;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every label and glossary term of a course, so {@code :ref:} and {@code :term:} resolve as Sphinx
 * resolves them: a label before a section names the section (its title is the link text), one before a
 * figure or a captioned code block names that (its caption is the text); any other label needs an
 * explicit title.
 */
final class CrossRefs {

    /** Where a label or term points; {@code title} is null when the target has none to show. */
    record Target(String doc, String anchor, String title) {}

    private final Map<String, Target> labels = new HashMap<>();
    private final Map<String, Target> terms = new HashMap<>();

    void add(String doc, List<Node> nodes, SectionIds ids) {
        collect(doc, nodes, ids);
        Glossary.anchors(nodes).forEach((term, anchor) -> terms.putIfAbsent(key(term), new Target(doc, "#" + anchor, term)));
    }

    Target label(String name) {
        return labels.get(key(name));
    }

    Target term(String name) {
        return terms.get(key(name));
    }

    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The anchor a label gets on its page. */
    static String anchor(String label) {
        return SectionIds.of(label);
    }

    private void collect(String doc, List<? extends Node> nodes, SectionIds ids) {
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (node instanceof Node.Section s) {
                for (String label : s.labels()) {
                    labels.putIfAbsent(key(label), new Target(doc, "#" + anchor(label), s.titleText()));
                }
            } else if (node instanceof Node.Target t && t.url() == null && !t.name().isEmpty()) {
                labels.putIfAbsent(key(t.name()), new Target(doc, "#" + anchor(t.name()), titleOfNext(nodes, i)));
            } else if (node instanceof Node.CodeBlock code && !code.options().getOrDefault("name", "").isBlank()) {
                // Sphinx's :name: is a label too; only a captioned block has the title a link shows
                String name = code.options().get("name").strip();
                labels.putIfAbsent(key(name), new Target(doc, "#" + anchor(name), code.caption()));
            }
            collect(doc, node.nested(), ids);
        }
    }

    /** The caption of the figure or code block a label stands before; null for anything else. */
    private static String titleOfNext(List<? extends Node> nodes, int i) {
        for (int k = i + 1; k < nodes.size(); k++) {
            Node next = nodes.get(k);
            if (next instanceof Node.Target) {
                continue;
            }
            if (next instanceof Node.Section s) {
                return s.titleText();
            }
            if (next instanceof Node.Image image && !image.caption().isEmpty()
                    && image.caption().get(0) instanceof Node.Paragraph p) {
                return Inline.plain(p.content());
            }
            if (next instanceof Node.CodeBlock code && code.options().get("caption") != null) {
                return code.options().get("caption").strip();
            }
            return null;
        }
        return null;
    }
}
