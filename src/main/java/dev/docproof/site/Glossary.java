package dev.docproof.site;

import dev.docproof.lesson.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code glossary} directive, kept as written by the reader: unindented lines are terms, the indented
 * lines under them their definition (paragraphs split at blank lines).
 */
final class Glossary {

    record Entry(List<String> terms, List<String> paragraphs) {}

    private Glossary() {}

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
