package dev.docproof.site;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A page's footnotes and citations, labelled as docutils labels them: a numbered footnote ({@code .. [1]}) keeps
 * its number, auto-numbered ones ({@code [#]}, {@code [#name]}) take the next numbers no numbered one uses, in the
 * order they are defined, and {@code [*]} ones take symbols. An anonymous reference ({@code [#]_}, {@code [*]_})
 * names the next such footnote in order, so references are asked for in the page's order. AsciiDoc's footnotes are
 * defined by their references ({@code footnote:[text]}) and numbered alike; the page lists them at its end.
 */
final class Footnotes {

    /** What a reader sees (without brackets) and the anchor of the note. */
    record Note(String label, String anchor) {}

    private static final String SYMBOLS = "*†‡§¶#♠♥♦♣";

    /** A footnote or citation where it is defined: a directive, or a reference carrying its own text. */
    private record Definition(Object where, boolean citation, String label) {}

    /** A footnote whose text its reference carries, to show at the end of the page. */
    record Inlined(Note note, String text) {}

    private final Map<Object, Note> byDefinition = new IdentityHashMap<>();
    private final List<Inlined> inlined = new ArrayList<>();
    private final Map<String, Note> byName = new HashMap<>();
    private final Deque<Note> anonymous = new ArrayDeque<>();
    private final Deque<Note> symbols = new ArrayDeque<>();

    Footnotes(List<? extends Node> nodes) {
        List<Definition> definitions = new ArrayList<>();
        collect(nodes, definitions);
        Set<Integer> numbered = new HashSet<>();
        definitions.stream().filter(d -> !d.citation() && d.label().matches("\\d{1,9}"))
                .forEach(d -> numbered.add(Integer.parseInt(d.label())));
        int next = 1;
        for (Definition d : definitions) {
            String label = d.label();
            Note note;
            if (d.citation()) {
                note = new Note(label, "citation-" + AsciiDoc.name(label));
                byName.putIfAbsent(citationKey(label), note);
            } else if (label.equals("*")) {
                int i = symbols.size();
                String symbol = String.valueOf(SYMBOLS.charAt(i % SYMBOLS.length())).repeat(i / SYMBOLS.length() + 1);
                note = new Note(symbol, "footnote-symbol-" + (i + 1));
                symbols.add(note);
            } else if (label.startsWith("#")) {
                while (numbered.contains(next)) {
                    next++;
                }
                note = new Note(String.valueOf(next), "footnote-" + next);
                numbered.add(next);
                if (label.length() == 1) {
                    anonymous.add(note);
                } else {
                    byName.putIfAbsent(label.toLowerCase(Locale.ROOT), note);
                }
            } else {
                note = new Note(label, "footnote-" + label);
                byName.putIfAbsent(label, note);
            }
            byDefinition.put(d.where(), note);
            if (d.where() instanceof Inline.FootnoteRef ref) {
                inlined.add(new Inlined(note, ref.text()));
            }
        }
    }

    /** The footnotes whose references carry their text, in the page's order. */
    List<Inlined> inlined() {
        return inlined;
    }

    static boolean isNote(Node.Directive d) {
        return d.name().equals("footnote") || d.name().equals("citation");
    }

    private static boolean isFootnote(Node.Directive d) {
        return d.name().equals("footnote");
    }

    /** The note a footnote or citation definition of the page is. */
    Note definition(Node.Directive d) {
        return byDefinition.get(d);
    }

    /** The note the next reference written {@code [label]_} names; null when the page has none for it. */
    Note reference(String label) {
        if (label.equals("#")) {
            return anonymous.poll();
        }
        if (label.equals("*")) {
            return symbols.poll();
        }
        Note note = byName.get(label.startsWith("#") ? label.toLowerCase(Locale.ROOT) : label);
        return note != null ? note : byName.get(citationKey(label));
    }

    private static String citationKey(String label) {
        return "citation:" + label.toLowerCase(Locale.ROOT);
    }

    private static void collect(List<? extends Node> nodes, List<Definition> out) {
        for (Node node : nodes) {
            if (node instanceof Node.Directive d && isNote(d)) {
                out.add(new Definition(d, !isFootnote(d), d.arguments()));
            } else if (node instanceof Node.Paragraph p) {
                p.content().stream().filter(i -> i instanceof Inline.FootnoteRef ref && ref.text() != null)
                        .forEach(ref -> out.add(new Definition(ref, false, ((Inline.FootnoteRef) ref).label())));
            }
            collect(node.nested(), out);
        }
    }
}
