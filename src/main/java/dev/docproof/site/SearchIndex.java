package dev.docproof.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's search index: every page's title, its sections and the words it holds, written as a
 * script ({@code searchindex.js}) that the theme's search loads with a {@code <script>} element, since
 * pages opened from {@code file://} may not fetch files.
 */
final class SearchIndex {

    static final String FILE = "searchindex.js";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private SearchIndex() {}

    static String script(SiteModel site) {
        List<List<Object>> pages = new ArrayList<>();
        List<List<Object>> sections = new ArrayList<>();
        Map<String, List<Integer>> terms = new TreeMap<>();
        for (int i = 0; i < site.lessons().size(); i++) {
            LessonPage page = site.lessons().get(i);
            pages.add(List.of(page.title(), page.path()));
            SectionIds ids = SectionIds.of(page.plan().lesson().nodes());
            Map<String, Integer> counts = new LinkedHashMap<>();
            collect(page.plan().lesson().nodes(), ids, i, sections, counts);
            count(page.title(), counts);
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                List<Integer> postings = terms.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                postings.add(i);
                postings.add(e.getValue());
            }
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("pages", pages);
        index.put("sections", sections);
        index.put("terms", terms);
        try {
            // "</" cannot end a script element here, but keep the file safe to inline anyway
            return "window.docproofSearchIndex = " + new ObjectMapper().writeValueAsString(index).replace("</", "<\\/")
                    + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the search index could not be written", e);
        }
    }

    private static void collect(List<? extends Node> nodes, SectionIds ids, int page, List<List<Object>> sections,
                                Map<String, Integer> counts) {
        for (Node node : nodes) {
            if (node instanceof Node.Section s) {
                sections.add(List.of(page, s.titleText(), "#" + ids.id(s)));
                count(s.titleText(), counts);
            } else if (node instanceof Node.Paragraph p) {
                count(Inline.plain(p.content()), counts);
            } else if (node instanceof Node.CodeBlock c) {
                c.lines().forEach(line -> count(line, counts));
            } else if (node instanceof Node.Admonition a) {
                count(Inline.plain(a.title()), counts);
            } else if (node instanceof Node.Group g) {
                count(Inline.plain(g.title()), counts);
            } else if (node instanceof Node.Definition d) {
                count(Inline.plain(d.term()), counts);
            } else if (node instanceof Node.LineBlock l) {
                l.lines().forEach(line -> count(Inline.plain(line), counts));
            } else if (node instanceof Node.Directive d) {
                d.content().forEach(line -> count(line, counts));
            }
            collect(node.nested(), ids, page, sections, counts);
        }
    }

    private static void count(String text, Map<String, Integer> counts) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (m.end() - m.start() > 1 || Character.isDigit(m.group().charAt(0))) {
                counts.merge(m.group(), 1, Integer::sum);
            }
        }
    }
}
