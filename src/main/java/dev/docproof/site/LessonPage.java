package dev.docproof.site;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.run.LessonResult;
import dev.docproof.run.StepResult;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One lesson of the site.
 *
 * @param result null when the lesson was rendered without a run
 * @param docname the document's name in its course: its path under the course folder without extension
 * @param path    the page's path under the site root, with '/' separators, e.g. {@code docker-networking.html}
 * @param findings what the page shows at their lines: the run's, or without a run those that need none
 */
public record LessonPage(Plan plan, LessonResult result, String docname, String path, List<Finding> findings) {

    public LessonPage {
        findings = List.copyOf(findings);
    }

    /** A page whose findings are its run's (none without a run). */
    public LessonPage(Plan plan, LessonResult result, String docname, String path) {
        this(plan, result, docname, path, result == null ? List.of() : result.findings());
    }

    public String title() {
        String title = plan.lesson().title();
        if (title != null && !title.isBlank()) {
            return title;
        }
        String file = plan.lesson().source().getFileName().toString();
        return file.replaceFirst("\\.[^.]+$", "");
    }

    /** The step's result; null without a run. */
    public StepResult resultOf(Step step) {
        return result == null ? null : result.resultOf(step);
    }

    public Verdict verdict(Step step) {
        return Verdict.of(step, resultOf(step));
    }

    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        for (Step step : plan.steps()) {
            counts.merge(verdict(step), 1, Integer::sum);
        }
        return counts;
    }

    public int notRun() {
        Map<Verdict, Integer> counts = counts();
        return counts.get(Verdict.ILLUSTRATIVE) + counts.get(Verdict.NOT_RUN) + counts.get(Verdict.NOT_VERIFIED);
    }

    public int leaks() {
        return result == null ? 0 : result.leaks().size();
    }

    /** "../" per folder of the page's path: the way back to the site root. */
    public String root() {
        return "../".repeat((int) path.chars().filter(c -> c == '/').count());
    }

    /** A relative link from this page to a path under the site root ({@code week1/a.png} from {@code week1/day1.html}: {@code a.png}). */
    public String link(String sitePath) {
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        String up = "";
        while (!sitePath.startsWith(dir)) {
            dir = dir.substring(0, dir.lastIndexOf('/', dir.length() - 2) + 1);
            up += "../";
        }
        return controlsEncoded(up + sitePath.substring(dir.length()));
    }

    /**
     * A control character in a file name (the page is named after its lesson) percent-encoded, as a browser
     * would send it: a page never carries one raw, and the link still reaches the file.
     */
    private static String controlsEncoded(String link) {
        StringBuilder out = new StringBuilder(link.length());
        for (int i = 0; i < link.length(); i++) {
            char c = link.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("%%%02X", (int) c));
            } else if (c >= 0x80 && c <= 0x9f) {
                out.append(String.format("%%C2%%%02X", (int) c)); // its UTF-8 bytes
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.replace("\r\n", "\n").split("\n", -1));
    }
}
