package dev.docproof.site;

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
        return out.append("|===\n").toString();
    }

    private static void cell(StringBuilder out, String role, int count) {
        out.append("|[.count.").append(role).append(count == 0 ? ".zero" : "").append("]##").append(count).append("##\n");
    }
}
