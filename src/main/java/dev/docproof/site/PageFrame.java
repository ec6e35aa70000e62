package dev.docproof.site;

import java.util.List;
import java.util.Map;

/**
 * What surrounds every page's content: the course's home link and totals (linking to the verification
 * dashboard), the sidebar with the course's contents (the current page marked), breadcrumbs and the
 * previous/next links of the reading order. All links are relative, so the site works from any folder.
 */
final class PageFrame {

    private final SiteModel site;
    private final Course course;

    PageFrame(SiteModel site) {
        this.site = site;
        this.course = site.course();
    }

    /** The slots of a lesson's page. */
    Map<String, String> lesson(LessonPage page) {
        Navigation nav = course.navigation();
        TocHtml toc = new TocHtml(course, page);
        StringBuilder crumbs = new StringBuilder("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\">");
        List<String> chain = nav.ancestors(page.docname());
        if (chain.isEmpty() && !page.path().equals(Course.HOME)) {
            crumbs.append(link(page.root() + Course.HOME, course.title())).append(" <span class=\"sep\">›</span> ");
        }
        for (String doc : chain) {
            crumbs.append(link(course.href(page, doc), nav.title(doc))).append(" <span class=\"sep\">›</span> ");
        }
        crumbs.append("<span class=\"here\">").append(Html.escape(page.title())).append("</span>");
        crumbs.append(" <span class=\"source\">").append(Html.escape(course.shown(page.plan().lesson().source())))
                .append("</span></nav>");
        Navigation.Relations relations = nav.relations(page.docname());
        StringBuilder rel = new StringBuilder("<nav class=\"relations\" aria-label=\"Previous and next\">");
        if (relations.previous() != null) {
            rel.append("<a class=\"prev\" rel=\"prev\" href=\"").append(Html.escape(course.href(page, relations.previous())))
                    .append("\"><span class=\"dir\">Previous</span> ").append(Html.escape(nav.title(relations.previous())))
                    .append("</a>");
        }
        if (relations.next() != null) {
            rel.append("<a class=\"next\" rel=\"next\" href=\"").append(Html.escape(course.href(page, relations.next())))
                    .append("\"><span class=\"dir\">Next</span> ").append(Html.escape(nav.title(relations.next())))
                    .append("</a>");
        }
        rel.append("</nav>");
        return Map.of("sidebar", sidebar(toc, page.docname(), page.root()), "breadcrumbs", crumbs.toString(),
                "relations", rel.toString(), "totals", totals(page.root()));
    }

    /** The slots of a page the site adds (the dashboard, a generated home page) at the site's top. */
    Map<String, String> generated(String title) {
        LessonPage top = new LessonPage(null, null, "", Course.HOME);
        String crumbs = "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\">" + link(Course.HOME, course.title())
                + " <span class=\"sep\">›</span> <span class=\"here\">" + Html.escape(title) + "</span></nav>";
        return Map.of("sidebar", sidebar(new TocHtml(course, top), null, ""), "breadcrumbs", crumbs,
                "relations", "", "totals", totals(""));
    }

    private String sidebar(TocHtml toc, String current, String root) {
        Navigation nav = course.navigation();
        StringBuilder html = new StringBuilder("<p class=\"caption\">").append(Html.escape("Contents")).append("</p>\n");
        html.append(toc.list(nav.sidebar(current == null ? "" : current), current));
        List<String> unlisted = nav.unlisted();
        if (!unlisted.isEmpty() && nav.root() != null) {
            html.append("<p class=\"caption\">").append(Html.escape("Other pages")).append("</p>\n<ul class=\"unlisted\">\n");
            for (String doc : unlisted) {
                LessonPage page = course.page(doc);
                boolean here = doc.equals(current);
                html.append("<li").append(here ? " class=\"current\"" : "").append("><a class=\"reference internal")
                        .append(here ? " current\" aria-current=\"page" : "").append("\" href=\"")
                        .append(Html.escape(root + page.path())).append("\">").append(Html.escape(nav.title(doc)))
                        .append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<p class=\"dashboard-link\"><a href=\"").append(Html.escape(root + course.dashboard()))
                .append("\">").append(Html.escape("Verification")).append("</a></p>\n");
        return html.toString();
    }

    /** The course's verdict counts, linking to the dashboard. */
    private String totals(String root) {
        StringBuilder html = new StringBuilder("<a class=\"totals\" href=\"").append(Html.escape(root + course.dashboard()))
                .append("\" title=\"The verification of every lesson\">");
        if (!site.ran()) {
            html.append("<span class=\"count not-verified\">not verified</span>");
        } else {
            Totals totals = Totals.of(site.lessons());
            count(html, "passed", totals.passed() + " passed");
            if (totals.ran() > 0) {
                count(html, "ran", totals.ran() + " ran");
            }
            if (totals.repaired() > 0) {
                count(html, "repaired", totals.repaired() + " repaired");
            }
            count(html, totals.failed() > 0 ? "failed" : "failed zero", totals.failed() + " failed");
            if (totals.leaks() > 0) {
                count(html, "leaks", totals.leaks() + (totals.leaks() == 1 ? " leak" : " leaks"));
            }
        }
        return html.append("</a>").toString();
    }

    private static void count(StringBuilder html, String role, String text) {
        html.append("<span class=\"count ").append(role).append("\">").append(Html.escape(text)).append("</span>");
    }

    private static String link(String href, String text) {
        return "<a href=\"" + Html.escape(href) + "\">" + Html.escape(text) + "</a>";
    }

    /** The course's counts, summed over its lessons. */
    record Totals(int steps, int passed, int ran, int failed, int repaired, int notRun, int leaks) {

        static Totals of(List<LessonPage> pages) {
            int steps = 0, passed = 0, ran = 0, failed = 0, repaired = 0, notRun = 0, leaks = 0;
            for (LessonPage page : pages) {
                Map<Verdict, Integer> counts = page.counts();
                steps += page.plan().steps().size();
                passed += counts.get(Verdict.PASSED);
                ran += counts.get(Verdict.RAN);
                failed += counts.get(Verdict.FAILED);
                repaired += counts.get(Verdict.REPAIRED);
                notRun += page.notRun();
                leaks += page.leaks();
            }
            return new Totals(steps, passed, ran, failed, repaired, notRun, leaks);
        }
    }
}
