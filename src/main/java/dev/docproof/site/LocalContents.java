package dev.docproof.site;

import dev.docproof.lesson.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * docutils' {@code contents} directive, as Sphinx's page shows it: links to the page's sections, nested; with
 * {@code :local:} only those below the section the directive stands in, untitled unless it names a title;
 * {@code :depth:} levels deep. A page with no section to list shows nothing, as docutils removes the box.
 */
final class LocalContents {

    private LocalContents() {}

    static String html(Node.Directive contents, List<Node> page, Function<Node.Section, String> ids) {
        boolean local = contents.options().containsKey("local");
        List<Node.Section> around = new ArrayList<>();
        sectionsAround(page, contents, around);
        List<? extends Node> scope = local && !around.isEmpty() ? around.get(around.size() - 1).children()
                : page.stream().filter(n -> n instanceof Node.Section).count() == 1 ? titleSection(page).children() : page;
        StringBuilder list = new StringBuilder();
        entries(list, scope, depth(contents), ids);
        if (list.isEmpty()) {
            return "";
        }
        String title = contents.arguments() == null || contents.arguments().isBlank()
                ? local ? null : "Contents" : contents.arguments().strip();
        return "<nav class=\"contents" + (local ? " local" : "") + "\">\n"
                + (title == null ? "" : "<p class=\"topic-title\">" + Html.escape(title) + "</p>\n") + list + "</nav>\n";
    }

    private static Node.Section titleSection(List<Node> page) {
        return (Node.Section) page.stream().filter(n -> n instanceof Node.Section).findFirst().orElseThrow();
    }

    private static int depth(Node.Directive contents) {
        try {
            return Integer.parseInt(contents.options().getOrDefault("depth", "").strip());
        } catch (NumberFormatException none) {
            return Integer.MAX_VALUE;
        }
    }

    private static void entries(StringBuilder html, List<? extends Node> nodes, int depth,
                                Function<Node.Section, String> ids) {
        List<Node.Section> sections = nodes.stream().filter(n -> n instanceof Node.Section)
                .map(n -> (Node.Section) n).toList();
        if (sections.isEmpty() || depth < 1) {
            return;
        }
        html.append("<ul class=\"simple\">\n");
        for (Node.Section section : sections) {
            html.append("<li><p><a class=\"reference internal\" href=\"#").append(Html.escape(ids.apply(section)))
                    .append("\">").append(Html.escape(section.titleText())).append("</a></p>");
            StringBuilder nested = new StringBuilder();
            entries(nested, section.children(), depth - 1, ids);
            html.append(nested.isEmpty() ? "" : "\n" + nested).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    /** Whether {@code target} stands in {@code nodes}; the sections holding it are added to {@code path}, outermost first. */
    private static boolean sectionsAround(List<? extends Node> nodes, Node target, List<Node.Section> path) {
        for (Node node : nodes) {
            if (node == target) {
                return true;
            }
            if (node instanceof Node.Section s) {
                path.add(s);
            }
            if (sectionsAround(node.nested(), target, path)) {
                return true;
            }
            if (node instanceof Node.Section) {
                path.remove(path.size() - 1);
            }
        }
        return false;
    }
}
