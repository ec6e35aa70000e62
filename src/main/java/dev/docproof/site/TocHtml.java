package dev.docproof.site;

import java.util.List;

/** Toctree links as HTML, in the markup Sphinx writes ({@code toctree-wrapper}, {@code toctree-lN} items). */
final class TocHtml {

    private final Course course;
    private final LessonPage from;

    TocHtml(Course course, LessonPage from) {
        this.course = course;
        this.from = from;
    }

    /** A toctree as it stands in a page's body; "" when it shows nothing (hidden, or no entry resolved). */
    String body(Toctree tree) {
        List<Navigation.TocLink> links = course.navigation().links(tree);
        if (links.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"toctree-wrapper compound\">\n");
        if (tree.caption() != null) {
            html.append("<p class=\"caption\" role=\"heading\"><span class=\"caption-text\">")
                    .append(Html.escape(tree.caption())).append("</span></p>\n");
        }
        list(html, links, 1, null);
        return html.append("</div>\n").toString();
    }

    /** Links as nested lists; items leading to {@code current} (when given) are marked {@code current}. */
    String list(List<Navigation.TocLink> links, String current) {
        StringBuilder html = new StringBuilder();
        list(html, links, 1, current);
        return html.toString();
    }

    private void list(StringBuilder html, List<Navigation.TocLink> links, int level, String current) {
        if (links.isEmpty()) {
            return;
        }
        html.append("<ul>\n");
        for (Navigation.TocLink link : links) {
            boolean here = current != null && link.leadsTo(current);
            boolean page = here && current.equals(link.doc()) && link.anchor().isEmpty();
            html.append("<li class=\"toctree-l").append(level).append(here ? " current" : "").append("\">");
            html.append("<a class=\"reference ").append(link.url() != null ? "external" : "internal")
                    .append(page ? " current\" aria-current=\"page" : "").append("\" href=\"")
                    .append(Html.escape(href(link))).append("\">");
            if (link.doc() != null) {
                html.append(Html.escape(Navigation.numberText(course.navigation().number(link.doc(), link.anchor()))));
            }
            html.append(Html.escape(link.title())).append("</a>");
            if (!link.children().isEmpty()) {
                html.append('\n');
                list(html, link.children(), level + 1, current);
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private String href(Navigation.TocLink link) {
        if (link.url() != null) {
            String safe = AsciiDoc.safeUrl(link.url());
            return safe == null ? "#" : safe;
        }
        return course.href(from, link.doc()) + link.anchor();
    }
}
