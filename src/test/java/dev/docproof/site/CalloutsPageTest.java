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

/** An AsciiDoc lesson's callouts show as Asciidoctor shows them: numbered badges after the command, not its text. */
class CalloutsPageTest {

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
        SiteModel site = SiteModel.unverified(List.of(Planner.plan(LessonFiles.read(lesson, course))), Instant.EPOCH);
        new SiteRenderer(RenderedSite.BOOT, "test", false).render(site, course.resolve("site"));

        Document page = Jsoup.parse(course.resolve("site/lesson.html").toFile(), "UTF-8");
        assertThat(page.select(".step .command pre").eachText())
                .containsExactly("docker volume create data (1)", "docker volume ls (2) (3)");
        assertThat(page.select(".step .command b.conum").eachText()).containsExactly("(1)", "(2)", "(3)");
    }
}
