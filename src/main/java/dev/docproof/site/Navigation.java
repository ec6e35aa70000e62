package dev.docproof.site;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a course's documents hang together, read as Sphinx reads it: each document's table of contents
 * (its headings, with its toctrees where they stand), the toctrees resolved into links, the reading
 * order from the root document (parent, previous, next), section numbers of {@code :numbered:} toctrees,
 * and the documents no toctree includes.
 */
final class Navigation {

    /** A document's heading with the headings and toctrees under it; {@code anchor} is "" for its title. */
    sealed interface TocItem permits Heading, TreeRef {}

    record Heading(String doc, String anchor, String title, List<TocItem> children) implements TocItem {}

    record TreeRef(Toctree tree) implements TocItem {}

    /** A resolved entry of a toctree: a document or one of its sections, or an external {@code url}. */
    record TocLink(String title, String doc, String anchor, String url, List<TocLink> children) {

        TocLink withChildren(List<TocLink> others) {
            return new TocLink(title, doc, anchor, url, others);
        }

        boolean leadsTo(String current) {
            return current.equals(doc) || children.stream().anyMatch(c -> c.leadsTo(current));
        }
    }

    /** A document in the reading order: the one that includes it, and its neighbours (null at the ends). */
    record Relations(String parent, String previous, String next) {}

    private final String root;
    private final Map<String, String> titles;
    private final Map<String, List<TocItem>> tocs = new HashMap<>();
    private final Map<String, List<Toctree>> toctrees = new LinkedHashMap<>();
    private final Map<Node.Directive, Toctree> byDirective = new IdentityHashMap<>();
    private final Map<String, Relations> relations = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final List<String> unlisted = new ArrayList<>();
    private final Map<String, Map<String, int[]>> numbers = new HashMap<>();
    private final List<Diagnostic> warnings = new ArrayList<>();

    /** One document as the navigation needs it. */
    record Doc(String name, String title, List<Node> nodes, SectionIds ids, SourceText source, SourceSpan start,
               boolean orphan) {}

    /**
     * @param docs in the course's file order
     * @param root the root document's name, null when the course has none: every document is then
     *             listed from a generated home page, in file order
     */
    Navigation(List<Doc> docs, String root) {
        this.root = root;
        this.titles = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        docs.forEach(d -> names.add(d.name()));
        for (Doc doc : docs) {
            titles.put(doc.name(), doc.title());
            List<Toctree> trees = new ArrayList<>();
            tocs.put(doc.name(), toc(doc, doc.nodes(), names, trees, new boolean[] {true}));
            toctrees.put(doc.name(), trees);
        }
        if (root == null) {
            order.addAll(names);
        } else {
            traverse(root, new HashSet<>(), null);
        }
        for (int i = 0; i < order.size(); i++) {
            String parent = relations.containsKey(order.get(i)) ? relations.get(order.get(i)).parent() : null;
            relations.put(order.get(i), new Relations(parent, i > 0 ? order.get(i - 1) : null,
                    i + 1 < order.size() ? order.get(i + 1) : null));
        }
        for (Doc doc : docs) {
            if (!relations.containsKey(doc.name())) {
                unlisted.add(doc.name());
                if (!doc.orphan()) {
                    warnings.add(Diagnostic.warning(doc.start(), "document isn't included in any toctree"
                            + " (add it to a toctree, or mark it \":orphan:\" at the top of the file)"));
                }
            }
        }
        number();
    }

    // ---- each document's table of contents ------------------------------------------------------

    private List<TocItem> toc(Doc doc, List<? extends Node> nodes, Set<String> names, List<Toctree> trees,
                              boolean[] first) {
        List<TocItem> items = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof Node.Section s) {
                String anchor = first[0] ? "" : "#" + doc.ids().id(s);
                first[0] = false;
                items.add(new Heading(doc.name(), anchor, s.titleText(), toc(doc, s.children(), names, trees, first)));
            } else {
                for (Node.Directive d : toctreesIn(node)) {
                    Toctree tree = Toctree.read(doc.name(), d, names, doc.source(), warnings::add);
                    trees.add(tree);
                    byDirective.put(d, tree);
                    items.add(new TreeRef(tree));
                }
            }
        }
        return items;
    }

    /** The toctree directives inside a block, not looking into sections (they have their own entries). */
    private static List<Node.Directive> toctreesIn(Node node) {
        List<Node.Directive> found = new ArrayList<>();
        Deque<Node> pending = new ArrayDeque<>(List.of(node));
        while (!pending.isEmpty()) {
            Node n = pending.pop();
            if (n instanceof Node.Directive d && d.name().equals("toctree")) {
                found.add(d);
            } else if (!(n instanceof Node.Section)) {
                List<? extends Node> nested = n.nested();
                for (int i = nested.size() - 1; i >= 0; i--) {
                    pending.push(nested.get(i));
                }
            }
        }
        return found;
    }

    // ---- reading order ---------------------------------------------------------------------------

    private void traverse(String doc, Set<String> seen, String parent) {
        if (!seen.add(doc)) {
            return;
        }
        order.add(doc);
        relations.put(doc, new Relations(parent, null, null));
        for (Toctree tree : toctrees.getOrDefault(doc, List.of())) {
            for (String child : tree.docnames()) {
                if (child.equals(doc)) {
                    warnings.add(Diagnostic.warning(tree.directive().span(), "self referenced toctree found; ignored"));
                } else {
                    traverse(child, seen, doc);
                }
            }
        }
    }

    String root() {
        return root;
    }

    /** Documents in reading order from the root. */
    List<String> order() {
        return order;
    }

    /** Documents no toctree reaches from the root, in file order. */
    List<String> unlisted() {
        return unlisted;
    }

    Relations relations(String doc) {
        return relations.getOrDefault(doc, new Relations(null, null, null));
    }

    /** The chain of documents from the root down to {@code doc}'s parent. */
    List<String> ancestors(String doc) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String p = relations(doc).parent(); p != null && seen.add(p); p = relations(p).parent()) {
            chain.add(0, p);
        }
        return chain;
    }

    String title(String doc) {
        String title = titles.get(doc);
        return title == null || title.isBlank() ? doc.substring(doc.lastIndexOf('/') + 1) : title;
    }

    List<Diagnostic> warnings() {
        return warnings;
    }

    /** The toctree a directive of a page stands for; null for a directive that is not a toctree. */
    Toctree toctree(Node.Directive directive) {
        return byDirective.get(directive);
    }

    /** Toctrees of a document, in document order. */
    List<Toctree> toctrees(String doc) {
        return toctrees.getOrDefault(doc, List.of());
    }

    // ---- resolving toctrees into links ----------------------------------------------------------

    /** The links a toctree shows in its page's body, pruned to its {@code :maxdepth:}. */
    List<TocLink> links(Toctree tree) {
        if (tree.hidden()) {
            return List.of();
        }
        return prune(entries(tree, List.of(), tree.includeHidden(), tree.titlesOnly()), 1, tree.maxdepth(), null);
    }

    /**
     * The whole course for the sidebar: the root's toctrees with hidden ones, branches collapsed except
     * the one that leads to {@code current}; with no root document, every document.
     */
    List<TocLink> sidebar(String current) {
        List<TocLink> links = new ArrayList<>();
        if (root == null) {
            for (String doc : order) {
                links.addAll(documentLinks(doc, List.of(), true, true));
            }
        } else {
            for (Toctree tree : toctrees(root)) {
                links.addAll(entries(tree, List.of(root), true, false));
            }
        }
        return prune(links, 1, -1, current);
    }

    /** The documents' links of a generated home page (a course without a root document): two levels. */
    List<TocLink> allDocuments() {
        List<TocLink> links = new ArrayList<>();
        for (String doc : order) {
            links.addAll(documentLinks(doc, List.of(), false, false));
        }
        return prune(links, 1, 2, null);
    }

    private List<TocLink> entries(Toctree tree, List<String> parents, boolean includeHidden, boolean titlesOnly) {
        List<TocLink> links = new ArrayList<>();
        for (Toctree.Entry entry : tree.entries()) {
            if (entry.url() != null) {
                links.add(new TocLink(entry.title() == null ? entry.url() : entry.title(), null, "", entry.url(), List.of()));
            } else if (entry.self()) {
                links.add(new TocLink(entry.title() == null ? title(tree.doc()) : entry.title(), tree.doc(), "", null,
                        List.of()));
            } else if (parents.contains(entry.docname())) {
                continue; // circular: Sphinx ignores it too
            } else {
                List<TocLink> doc = documentLinks(entry.docname(), parents, includeHidden, titlesOnly);
                if (entry.title() != null && doc.size() == 1 && doc.get(0).anchor().isEmpty()) {
                    TocLink top = doc.get(0);
                    doc = List.of(new TocLink(entry.title(), top.doc(), "", null, top.children()));
                }
                links.addAll(doc);
            }
        }
        return links;
    }

    private List<TocLink> documentLinks(String doc, List<String> parents, boolean includeHidden, boolean titlesOnly) {
        List<String> inside = new ArrayList<>(parents);
        inside.add(doc);
        List<TocLink> links = new ArrayList<>();
        for (TocItem item : tocs.getOrDefault(doc, List.of())) {
            if (item instanceof Heading h && titlesOnly) {
                List<TocItem> subtrees = new ArrayList<>();
                collectTrees(h.children(), subtrees);
                links.add(new TocLink(h.title(), doc, h.anchor(), null, items(subtrees, inside, includeHidden, true)));
            } else {
                links.addAll(items(List.of(item), inside, includeHidden, titlesOnly));
            }
        }
        return links;
    }

    private static void collectTrees(List<TocItem> items, List<TocItem> into) {
        for (TocItem item : items) {
            if (item instanceof TreeRef) {
                into.add(item);
            } else if (item instanceof Heading h) {
                collectTrees(h.children(), into);
            }
        }
    }

    private List<TocLink> items(List<TocItem> items, List<String> parents, boolean includeHidden, boolean titlesOnly) {
        List<TocLink> links = new ArrayList<>();
        for (TocItem item : items) {
            if (item instanceof Heading h) {
                links.add(new TocLink(h.title(), h.doc(), h.anchor(), null,
                        items(h.children(), parents, includeHidden, titlesOnly)));
            } else if (item instanceof TreeRef r && (!r.tree().hidden() || includeHidden)) {
                links.addAll(entries(r.tree(), parents, includeHidden, titlesOnly));
            }
        }
        return links;
    }

    /** Cuts below {@code maxdepth} (none when not positive); with a current page, keeps only its branch open. */
    private static List<TocLink> prune(List<TocLink> links, int depth, int maxdepth, String current) {
        List<TocLink> out = new ArrayList<>();
        for (TocLink link : links) {
            boolean open = (maxdepth <= 0 || depth < maxdepth) && (current == null || link.leadsTo(current));
            out.add(link.withChildren(open ? prune(link.children(), depth + 1, maxdepth, current) : List.of()));
        }
        return out;
    }

    // ---- section numbers ------------------------------------------------------------------------

    /** The section number of a document's heading ({@code anchor} "" for its title); null when not numbered. */
    int[] number(String doc, String anchor) {
        Map<String, int[]> of = numbers.get(doc);
        return of == null ? null : of.get(anchor);
    }

    private void number() {
        Set<String> assigned = new HashSet<>();
        for (String doc : order) {
            for (Toctree tree : toctrees(doc)) {
                if (tree.numbered() > 0) {
                    assigned.add(doc);
                    Deque<Integer> stack = new ArrayDeque<>(List.of(0));
                    numberTree(tree, tree.numbered(), stack, assigned);
                }
            }
        }
    }

    private void numberTree(Toctree tree, int depth, Deque<Integer> stack, Set<String> assigned) {
        if (depth <= 0) {
            return;
        }
        for (String doc : tree.docnames()) {
            if (assigned.add(doc)) {
                Map<String, int[]> of = new HashMap<>();
                numbers.put(doc, of);
                numberItems(tocs.getOrDefault(doc, List.of()), of, depth, stack, assigned);
            }
        }
    }

    private void numberItems(List<TocItem> items, Map<String, int[]> of, int depth, Deque<Integer> stack,
                             Set<String> assigned) {
        for (TocItem item : items) {
            if (item instanceof Heading h) {
                stack.addLast(stack.removeLast() + 1);
                if (depth > 0) {
                    of.put(h.anchor(), stack.stream().mapToInt(Integer::intValue).toArray());
                }
                if (!h.children().isEmpty()) {
                    stack.addLast(0);
                    numberItems(h.children(), of, depth - 1, stack, assigned);
                    stack.removeLast();
                }
            } else if (item instanceof TreeRef r) {
                numberTree(r.tree(), depth, stack, assigned);
            }
        }
    }

    static String numberText(int[] number) {
        if (number == null || number.length == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (int n : number) {
            text.append(n).append('.');
        }
        return text.append(' ').toString();
    }
}
