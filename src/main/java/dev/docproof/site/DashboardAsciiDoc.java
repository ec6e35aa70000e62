package dev.docproof.site;

import dev.docproof.lesson.Diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * The verification dashboard as AsciiDoc: the run's facts, one row per lesson with its counts, duration
 * and leaks, and every diagnostic of the readers and of the site (which readers' pages never show).
 */
final class DashboardAsciiDoc {

    private DashboardAsciiDoc() {}

    static String write(SiteModel site, String docproofVersion, List<Diagnostic> siteWarnings) {
        String diagnostics = diagnostics(site, siteWarnings);
        return lessons(site, docproofVersion) + (diagnostics.isEmpty() ? "" : "\n" + diagnostics);
    }

    /**
     * The dashboard's first part, the run and its lessons, which needs no page rendered: it is converted
     * beside the pages, and {@link #diagnostics} after them.
     */
    static String lessons(SiteModel site, String docproofVersion) {
        Course course = site.course();
        StringBuilder out = new StringBuilder();
        out.append("== ").append(AsciiDoc.text("Verification")).append("\n\n");
        out.append("[.course-summary]\n{empty}");
        if (site.ran()) {
            out.append(AsciiDoc.text("Run on " + Format.when(site.started()) + " · took "
                    + Format.duration(site.duration()) + " · Docker engine "
                    + (site.engineVersion() == null ? "unknown" : site.engineVersion())));
        } else {
            out.append(AsciiDoc.text("Rendered on " + Format.when(site.started())
                    + " without a run: no step was verified."));
        }
        out.append(' ').append(AsciiDoc.text("· docproof " + docproofVersion)).append("\n\n");
        if (site.lessons().isEmpty()) {
            return out.append(AsciiDoc.text("No lessons.")).append('\n').toString();
        }
        PageFrame.Totals totals = PageFrame.Totals.of(site.lessons());
        out.append("[.course-totals]\n{empty}");
        count(out, "passed", totals.passed() + " passed");
        count(out, "ran", totals.ran() + " ran");
        count(out, "failed", totals.failed() + " failed");
        count(out, "repaired", totals.repaired() + " repaired");
        count(out, "not-run", totals.notRun() + " not run");
        count(out, "leaks", totals.leaks() + (totals.leaks() == 1 ? " leak" : " leaks"));
        int lessons = site.lessons().size();
        out.append(AsciiDoc.text("· " + totals.steps() + (totals.steps() == 1 ? " step" : " steps") + " in " + lessons
                + (lessons == 1 ? " page" : " pages"))).append("\n\n");
        out.append("[.lessons%header%autowidth.stretch,cols=\"9*\"]\n|===\n");
        for (String head : new String[] {"Lesson", "Steps", "Passed", "Ran", "Failed", "Repaired", "Not run", "Leaks", "Took"}) {
            out.append('|').append(AsciiDoc.text(head)).append(' ');
        }
        out.append("\n\n");
        List<LessonPage> pages = new ArrayList<>(site.lessons());
        for (LessonPage page : pages) {
            var counts = page.counts();
            out.append("|link:++").append(AsciiDoc.safeUrl(page.path())).append("++[")
                    .append(AsciiDoc.text(page.title())).append("] [.file]##")
                    .append(AsciiDoc.text(course.shown(page.plan().lesson().source()))).append("##\n");
            out.append('|').append(page.plan().steps().size()).append('\n');
            cell(out, "passed", counts.get(Verdict.PASSED));
            cell(out, "ran", counts.get(Verdict.RAN));
            cell(out, "failed", counts.get(Verdict.FAILED));
            cell(out, "repaired", counts.get(Verdict.REPAIRED));
            cell(out, "not-run", page.notRun());
            cell(out, "leaks", page.leaks());
            out.append('|').append(page.result() == null ? "" : AsciiDoc.text(Format.duration(page.result().duration())))
                    .append("\n\n");
        }
        return out.append("|===\n").toString();
    }

    /** The dashboard's second part: every diagnostic of the readers, the run and the site; "" without lessons. */
    static String diagnostics(SiteModel site, List<Diagnostic> siteWarnings) {
        if (site.lessons().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        List<Diagnostic> all = new ArrayList<>();
        for (LessonPage page : site.lessons()) {
            page.plan().diagnostics().stream().filter(d -> !all.contains(d)).forEach(all::add);
            if (page.result() != null) {
                page.result().diagnostics().stream().filter(d -> !all.contains(d)).forEach(all::add);
            }
        }
        all.addAll(siteWarnings);
        out.append("== ").append(AsciiDoc.text("Diagnostics")).append("\n\n");
        if (all.isEmpty()) {
            return out.append(AsciiDoc.text("Nothing to report: every lesson read cleanly and every link resolved."))
                    .append('\n').toString();
        }
        out.append("[.diagnostics]\n");
        for (Diagnostic d : all) {
            String where = site.course().shown(d.span().file()) + ":" + d.span().line() + ":" + d.span().column();
            out.append("* [.").append(d.severity().name().toLowerCase(java.util.Locale.ROOT)).append("]##")
                    .append(AsciiDoc.text(where + ": " + d.severity().name().toLowerCase(java.util.Locale.ROOT) + ": "
                            + d.message())).append("##\n");
        }
        return out.toString();
    }

    private static void count(StringBuilder out, String role, String text) {
        out.append("[.count.").append(role).append("]##").append(AsciiDoc.text(text)).append("## ");
    }

    private static void cell(StringBuilder out, String role, int count) {
        out.append("|[.count.").append(role).append(count == 0 ? ".zero" : "").append("]##").append(count).append("##\n");
    }
}
