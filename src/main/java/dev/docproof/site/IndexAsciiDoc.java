package dev.docproof.site;

import dev.docproof.lesson.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the course index as AsciiDoc: the run's facts and one row per lesson with its counts. */
public final class IndexAsciiDoc {

    private IndexAsciiDoc() {}

    public static String write(SiteModel site, String docproofVersion) {
        StringBuilder out = new StringBuilder();
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
        out.append("[.lessons%header%autowidth.stretch,cols=\"8*\"]\n|===\n");
        for (String head : new String[] {"Lesson", "Steps", "Passed", "Ran", "Failed", "Repaired", "Not run", "Leaks"}) {
            out.append('|').append(AsciiDoc.text(head)).append(' ');
        }
        out.append("\n\n");
        for (LessonPage page : site.lessons()) {
            var counts = page.counts();
            out.append("|link:++").append(AsciiDoc.safeUrl(page.path())).append("++[")
                    .append(AsciiDoc.text(page.title())).append("] [.file]``")
                    .append(AsciiDoc.text(page.plan().lesson().source().toString())).append("``\n");
            out.append('|').append(page.plan().steps().size()).append('\n');
            cell(out, "passed", counts.get(Verdict.PASSED));
            cell(out, "ran", counts.get(Verdict.RAN));
            cell(out, "failed", counts.get(Verdict.FAILED));
            cell(out, "repaired", counts.get(Verdict.REPAIRED));
            cell(out, "not-run", page.notRun());
            cell(out, "leaks", page.leaks());
            out.append('\n');
        }
        out.append("|===\n");
        diagnostics(site, out);
        return out.toString();
    }

    /**
     * What the readers said of the lessons belongs to the verification report, not to the pages readers read:
     * one list here, each entry with its lesson, line and column.
     */
    private static void diagnostics(SiteModel site, StringBuilder out) {
        List<Diagnostic> all = new ArrayList<>();
        for (LessonPage page : site.lessons()) {
            page.plan().diagnostics().stream().filter(d -> !all.contains(d)).forEach(all::add);
            if (page.result() != null) {
                page.result().diagnostics().stream().filter(d -> !all.contains(d)).forEach(all::add);
            }
        }
        if (all.isEmpty()) {
            return;
        }
        out.append("\n.").append(AsciiDoc.text("Notes from reading the lessons")).append('\n');
        out.append("[.diagnostics]\n");
        for (Diagnostic d : all) {
            out.append("* [.").append(d.severity().name().toLowerCase(Locale.ROOT)).append("]##")
                    .append(AsciiDoc.text(d.toString())).append("##\n");
        }
    }

    private static void cell(StringBuilder out, String role, int count) {
        out.append("|[.count.").append(role).append(count == 0 ? ".zero" : "").append("]##").append(count).append("##\n");
    }
}
