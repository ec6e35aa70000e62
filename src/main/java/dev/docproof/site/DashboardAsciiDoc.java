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
        out.append(AsciiDoc.text("· " + totals.steps() + " steps in " + site.lessons().size() + " pages")).append("\n\n");
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
        out.append("|===\n");
        diagnostics(out, site, siteWarnings);
        return out.toString();
    }

    private static void diagnostics(StringBuilder out, SiteModel site, List<Diagnostic> siteWarnings) {
        List<Diagnostic> all = new ArrayList<>();
        for (LessonPage page : site.lessons()) {
            page.plan().diagnostics().stream().filter(d -> !all.contains(d)).forEach(all::add);
            if (page.result() != null) {
                page.result().diagnostics().stream().filter(d -> !all.contains(d)).forEach(all::add);
            }
        }
        all.addAll(siteWarnings);
        out.append("\n== ").append(AsciiDoc.text("Diagnostics")).append("\n\n");
        if (all.isEmpty()) {
            out.append(AsciiDoc.text("Nothing to report: every lesson read cleanly and every link resolved.")).append('\n');
            return;
        }
        out.append("[.diagnostics]\n");
        for (Diagnostic d : all) {
            String where = site.course().shown(d.span().file()) + ":" + d.span().line() + ":" + d.span().column();
            out.append("* [.").append(d.severity().name().toLowerCase(java.util.Locale.ROOT)).append("]##")
                    .append(AsciiDoc.text(where + ": " + d.severity().name().toLowerCase(java.util.Locale.ROOT) + ": "
                            + d.message())).append("##\n");
        }
    }

    private static void count(StringBuilder out, String role, String text) {
        out.append("[.count.").append(role).append("]##").append(AsciiDoc.text(text)).append("## ");
    }

    private static void cell(StringBuilder out, String role, int count) {
        out.append("|[.count.").append(role).append(count == 0 ? ".zero" : "").append("]##").append(count).append("##\n");
    }
}
