package dev.docproof.site;

import dev.docproof.lesson.Node;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTML id of every section of a lesson: its first label when it has one (so {@code :ref:} links
 * land on it), else its title as docutils would make it ({@code getting-started}); repeated ids get a
 * number. The page, its table of contents and other pages' links all read ids from here.
 */
final class SectionIds {

    private final Map<Node.Section, String> ids = new IdentityHashMap<>();

    private SectionIds() {}

    static SectionIds of(List<Node> nodes) {
        SectionIds sections = new SectionIds();
        sections.collect(nodes, new HashSet<>());
        return sections;
    }

    private void collect(List<? extends Node> nodes, Set<String> taken) {
        for (Node node : nodes) {
            if (node instanceof Node.Section s) {
                String base = s.labels().isEmpty() ? AsciiDoc.name(s.titleText()) : AsciiDoc.name(s.labels().get(0));
                String id = base;
                for (int n = 1; !taken.add(id); n++) {
                    id = base + "-" + n;
                }
                ids.put(s, id);
            }
            collect(node.nested(), taken);
        }
    }

    String id(Node.Section section) {
        return ids.get(section);
    }
}
