package dev.docproof.site;

import dev.docproof.lesson.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code glossary} directive, kept as written by the reader: unindented lines are terms, the indented
 * lines under them their definition (paragraphs split at blank lines).
 */
final class Glossary {

    record Entry(List<String> terms, List<String> paragraphs) {}

    private Glossary() {}

    /**
     * The id of each term of a page's glossaries, as Sphinx gives it: {@code term-} and the term keeping its case
     * ({@code term-Docker-Engine}); a term whose id an earlier one took is numbered instead ({@code term-0}).
     */
    static Map<String, String> anchors(List<? extends Node> page) {
        Map<String, String> anchors = new LinkedHashMap<>();
        collectAnchors(page, anchors, new HashSet<>());
        return anchors;
    }

    private static void collectAnchors(List<? extends Node> nodes, Map<String, String> anchors, Set<String> taken) {
        for (Node node : nodes) {
            if (node instanceof Node.Directive d && d.name().equals("glossary")) {
                for (String term : terms(d)) {
                    String id = SectionIds.sphinxId("term-" + term);
                    for (int serial = 0; id.equals("term") || !taken.add(id); serial++) {
                        id = "term-" + serial;
                    }
                    anchors.putIfAbsent(term, id);
                }
            }
            collectAnchors(node.nested(), anchors, taken);
        }
    }

    static List<Entry> entries(Node.Directive glossary) {
        List<Entry> entries = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : glossary.content()) {
            if (line.isBlank()) {
                flush(paragraph, paragraphs);
            } else if (!Character.isWhitespace(line.charAt(0))) {
                flush(paragraph, paragraphs);
                if (!paragraphs.isEmpty()) {
                    entries.add(new Entry(List.copyOf(terms), List.copyOf(paragraphs)));
                    terms.clear();
                    paragraphs.clear();
                }
                terms.add(line.strip());
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        flush(paragraph, paragraphs);
        if (!terms.isEmpty()) {
            entries.add(new Entry(List.copyOf(terms), List.copyOf(paragraphs)));
        }
        return entries;
    }

    static List<String> terms(Node.Directive glossary) {
        return entries(glossary).stream().flatMap(e -> e.terms().stream()).toList();
    }

    private static void flush(StringBuilder paragraph, List<String> paragraphs) {
        if (paragraph.length() > 0) {
            paragraphs.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }

    /** A definition as a reader sees it: inline markup characters of the common forms removed. */
    static String plain(String text) {
        return text.replaceAll(":[a-z]+:`([^`<]*?)\\s*(<[^>]*>)?`", "$1").replaceAll("`+([^`]+)`+_{0,2}", "$1")
                .replaceAll("\\*\\*([^*]+)\\*\\*", "$1").replaceAll("\\*([^*]+)\\*", "$1");
    }
}
