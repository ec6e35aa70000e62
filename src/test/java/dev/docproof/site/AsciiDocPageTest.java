package dev.docproof.site;

import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What AsciiDoc lessons write that the page shows as Asciidoctor does. */
class AsciiDocPageTest {

    /** Callouts are numbered badges after the command, not its text. */
    @Test
    void calloutsAreBadgesAfterTheCommand(@TempDir Path course) throws IOException {
        Path lesson = course.resolve("lesson.adoc");
        Files.writeString(lesson, """
                = Volumes

                [source,bash]
                ----
                docker volume create data <1>
                docker volume ls # <2> <3>
                ----
                <1> Makes it.
                <2> Lists it.
                <3> Again.
                """);
        Document page = render(course, lesson);
        assertThat(page.select(".step .command pre").eachText())
                .containsExactly("docker volume create data (1)", "docker volume ls (2) (3)");
        assertThat(page.select(".step .command b.conum").eachText()).containsExactly("(1)", "(2)", "(3)");
    }

    /** A footnote is defined where its reference stands, numbered in order and listed at the end of the page. */
    @Test
    void footnotesAreNumberedAndListedAtTheEnd(@TempDir Path course) throws IOException {
        Path lesson = course.resolve("lesson.adoc");
        Files.writeString(lesson, """
                = Volumes

                First.footnote:[Plain note.] Second.footnote:disk[Named note.]

                Again.footnote:disk[]
                """);

        Document page = render(course, lesson);
        assertThat(page.select("a.footnote-reference").eachText()).containsExactly("[1]", "[2]", "[2]");
        assertThat(page.select("a.footnote-reference").eachAttr("href"))
                .containsExactly("#footnote-1", "#footnote-2", "#footnote-2");
        assertThat(page.select(".footnotes aside.footnote").eachText()).containsExactly("[1] Plain note.", "[2] Named note.");
        assertThat(page.text()).doesNotContain("footnote:");
    }

    private static Document render(Path course, Path lesson) throws IOException {
        SiteModel site = SiteModel.unverified(List.of(Planner.plan(LessonFiles.read(lesson, course))), Instant.EPOCH);
        new SiteRenderer(RenderedSite.BOOT, "test", false).render(site, course.resolve("site"));
        return Jsoup.parse(course.resolve("site/lesson.html").toFile(), "UTF-8");
    }
}
