package dev.docproof.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SiteCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void aTimeoutThatIsNotADurationIsAUsageError() {
        assertThat(run("site", "--timeout", "soon")).isEqualTo(Main.SETUP_ERROR);
        assertThat(err.toString()).startsWith(
                "docproof: Invalid value for option '--timeout': 'soon' is not a duration (try 90, 30s, 2m or 500ms)\n");
        assertThat(err.toString()).endsWith("see 'docproof site --help'\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void siteWithoutARunPrintsTheReadersDiagnosticsWithTheirPositions(@TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("odd.rst");
        Files.writeString(lesson, "Title\n=====\n\n.. exotic:: thing\n\nText.\n");

        assertThat(run("site", "--no-run", "--out", dir.resolve("site").toString(), lesson.toString()))
                .as(err.toString()).isEqualTo(Main.OK);
        assertThat(err.toString()).contains(lesson + ":4:1: warning: ");
    }

    /**
     * A step an include brought in has an anchor of its own, with the include's line, and its permalink names its
     * file: its line number may repeat one of the lesson's.
     */
    @Test
    void aStepFromAnIncludedFileHasAnAnchorOfItsOwn(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("partials"));
        Files.writeString(dir.resolve("partials/prereq.adoc"), "== Prerequisites\n\n[source,console]\n----\n$ echo from-partial\n----\n");
        Files.writeString(dir.resolve("main.adoc"), "= Main\n\ninclude::partials/prereq.adoc[]\n\n[source,console]\n----\n$ echo main\n----\n");

        assertThat(run("site", "--no-run", "--out", dir.resolve("site").toString(), dir.resolve("main.adoc").toString()))
                .as(err.toString()).isEqualTo(Main.OK);

        String page = Files.readString(dir.resolve("site/main.html"));
        assertThat(page).contains("id=\"L3-5\"", "<a href=\"#L3-5\">line 5 of prereq.adoc</a>", "id=\"L7\"",
                "<a href=\"#L7\">line 7</a>");
        assertThat(page).doesNotContain("id=\"L5\"");
    }

    @Test
    void previewTakesNoRunAsSiteDoes() {
        assertThat(run("preview", "--no-run", "--help")).isZero();
        assertThat(out.toString()).contains("--[no-]run");
    }

    @Test
    void durationsReadAsAuthorsWriteThem() {
        var converter = new DurationConverter();
        assertThat(converter.convert("30s")).hasSeconds(30);
        assertThat(converter.convert("2m")).hasMinutes(2);
        assertThat(converter.convert("500ms")).hasMillis(500);
        assertThat(converter.convert("45")).hasSeconds(45);
    }

    @Test
    void siteWithoutARunRendersTheCourseLessonAndSaysWhere() throws Exception {
        Path outDir = Path.of("target/cli-site");
        assertThat(run("site", "--no-run", "--out", outDir.toString(), "content/docker-networking.rst"))
                .as(err.toString()).isEqualTo(Main.OK);
        assertThat(out.toString()).isEqualTo("Site written to " + outDir.resolve("index.html") + "\n");
        assertThat(Files.readString(outDir.resolve("docker-networking.html")))
                .contains("id=\"L262\"", "not verified", "Networking Between Containers");
    }

    @Test
    void siteWithoutARunShowsTheFindingsThatNeedNoneAtTheirLines(@TempDir Path dir) throws Exception {
        Path outDir = dir.resolve("site");

        assertThat(run("site", "--no-run", "--out", outDir.toString(), "src/test/resources/findings/lesson.rst"))
                .as(err.toString()).isEqualTo(Main.OK);

        String page = Files.readString(outDir.resolve("lesson.html"));
        int firstBlock = page.indexOf("id=\"L9\"");
        int secondBlock = page.indexOf("id=\"L22\"");
        assertThat(page.indexOf("id=\"F5-21\"")).isPositive().isLessThan(firstBlock);
        for (String id : List.of("F14-6", "F14-29", "F15-6", "F15-13")) {
            assertThat(page.indexOf("id=\"" + id + "\"")).as(id).isGreaterThan(firstBlock).isLessThan(secondBlock);
        }
        assertThat(page).contains("did you mean --filter?", "did you mean docker network?")
                .doesNotContain("stale sample");
    }
}
