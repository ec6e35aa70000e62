package dev.docproof.site;

import dev.docproof.lesson.Node;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTML id of every section of a lesson: its first label when it has one (so {@code :ref:} links
 * land on it), else its title as docutils would make it ({@code getting-started}); repeated ids get a
 * number. A labelled section also keeps the id of its title, as on Sphinx's page. The page, its table of
 * contents and other pages' links all read ids from here.
 */
final class SectionIds {

    /** Letters NFKD does not take apart, as docutils spells them in ids. */
    private static final Map<Character, String> SPELLED = Map.ofEntries(Map.entry('\u00df', "sz"),
            Map.entry('\u00e6', "ae"), Map.entry('\u0153', "oe"), Map.entry('\u0238', "db"), Map.entry('\u0239', "qp"),
            Map.entry('\u00f8', "o"), Map.entry('\u0111', "d"), Map.entry('\u0127', "h"), Map.entry('\u0131', "i"),
            Map.entry('\u0142', "l"), Map.entry('\u0167', "t"), Map.entry('\u0180', "b"), Map.entry('\u0183', "b"),
            Map.entry('\u0188', "c"), Map.entry('\u018c', "d"), Map.entry('\u0192', "f"), Map.entry('\u0199', "k"),
            Map.entry('\u019a', "l"), Map.entry('\u019e', "n"), Map.entry('\u01a5', "p"), Map.entry('\u01ab', "t"),
            Map.entry('\u01ad', "t"), Map.entry('\u01b4', "y"), Map.entry('\u01b6', "z"), Map.entry('\u01e5', "g"),
            Map.entry('\u0225', "z"), Map.entry('\u0234', "l"), Map.entry('\u0235', "n"), Map.entry('\u0236', "t"),
            Map.entry('\u0237', "j"), Map.entry('\u023c', "c"), Map.entry('\u023f', "s"), Map.entry('\u0240', "z"),
            Map.entry('\u0247', "e"), Map.entry('\u0249', "j"), Map.entry('\u024b', "q"), Map.entry('\u024d', "r"),
            Map.entry('\u024f', "y"));

    private final Map<Node.Section, String> ids = new IdentityHashMap<>();
    private final Map<Node.Section, String> titleIds = new IdentityHashMap<>();

    private SectionIds() {}

    static SectionIds of(List<Node> nodes) {
        SectionIds sections = new SectionIds();
        sections.collect(nodes, new HashSet<>());
        return sections;
    }

    private void collect(List<? extends Node> nodes, Set<String> taken) {
        for (Node node : nodes) {
            if (node instanceof Node.Section s) {
                String title = of(s.titleText());
                String base = s.labels().isEmpty() ? title : of(s.labels().get(0));
                String id = base;
                for (int n = 1; !taken.add(id); n++) {
                    id = base + "-" + n;
                }
                ids.put(s, id);
                if (!s.labels().isEmpty() && taken.add(title)) {
                    titleIds.put(s, title);
                }
            }
            collect(node.nested(), taken);
        }
    }

    String id(Node.Section section) {
        return ids.get(section);
    }

    /** The id of a labelled section's title, which its page carries beside {@link #id}; null when none. */
    String titleId(Node.Section section) {
        return titleIds.get(section);
    }

    /**
     * The id docutils makes of a title or label ({@code make_id}): lower case, accents and other marks dropped,
     * every run of other characters a hyphen, no digit or hyphen first ({@code Café & Crème} is {@code cafe-creme},
     * {@code 3. Run} is {@code run}). A name with no letter left gets an id of its own.
     */
    static String of(String name) {
        String id = ascii(name.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9]+", "-").replaceAll("^[-0-9]+|-+$", "");
        return id.isEmpty() ? AsciiDoc.name(name) : id;
    }

    /**
     * The id Sphinx itself makes of a name (its own {@code make_id}, for glossary terms): as {@link #of}, but
     * keeping case, dots and underscores ({@code term-Café v1.2_x} is {@code term-Cafe-v1.2_x}); "" when nothing is left.
     */
    static String sphinxId(String name) {
        return ascii(name).replaceAll("[^a-zA-Z0-9._]+", "-").replaceAll("^[-0-9._]+|-+$", "");
    }

    /** The name's letters without their marks, in ASCII, as docutils spells them. */
    private static String ascii(String name) {
        StringBuilder spelled = new StringBuilder();
        for (char c : name.toCharArray()) {
            spelled.append(SPELLED.getOrDefault(c, String.valueOf(c)));
        }
        return Normalizer.normalize(spelled, Normalizer.Form.NFKD).replaceAll("[^\\x00-\\x7f]", "");
    }
}
