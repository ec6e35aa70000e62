package dev.docproof.site;

import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages are converted with their ready HTML as placeholders, put back afterwards: the page must be the one
 * asciidoctor writes from the AsciiDoc with that HTML written out in passthroughs.
 */
class PassthroughsTest {

    private static final SiteRenderer RENDERER = new SiteRenderer(RenderedSite.BOOT, "test", false);

    @Test
    void placeholdersRenderTheFixturePagesAsTheWrittenPassthroughsDo() {
        assertSameHtml(SiteFixtures.site());
        assertSameHtml(SiteModel.unverified(List.of(SiteFixtures.plan()), Instant.EPOCH));
    }

    @Test
    void placeholdersRenderEveryPageOfTheFixtureCourseAsTheWrittenPassthroughsDo() {
        Path course = Path.of("src/test/resources/course");
        assertSameHtml(unverified(course));
    }

    @Test
    void placeholdersRenderTheCourseLessonAsTheWrittenPassthroughsDo() {
        assertSameHtml(unverified(Path.of("content")));
    }

    @Test
    void textThatLooksLikeAPlaceholderIsShownAsWritten(@TempDir Path course) throws IOException {
        String lookalike = Passthroughs.OPEN + "0" + Passthroughs.CLOSE;
        Files.writeString(course.resolve("page.rst"), """
                Page
                ====

                Prose with %1$s in it.

                .. code-block:: text

                   a line with %1$s in it

                .. code-block:: console

                   $ echo '%1$s'
                """.formatted(lookalike));
        SiteModel site = unverified(course);
        LessonPage page = site.lessons().get(0);
        String html = RENDERER.lessonHtml(new PageLinks(site, page), Passthroughs.placeholders());

        // verbatim lines carry the opening character as a reference, which a browser shows as the character
        String escaped = "&#xE000;0" + Passthroughs.CLOSE;
        assertThat(html).contains("Prose with " + lookalike + " in it.")
                .contains("a line with " + escaped + " in it")
                .contains("$ echo '" + escaped + "'");
        assertSameHtml(site);
    }

    @Test
    void adjacentBlocksOfReadyHtmlAreWrittenAsOneBlock() {
        SiteModel site = SiteModel.unverified(List.of(SiteFixtures.plan()), Instant.EPOCH);
        String adoc = SiteRenderer.lessonAsciiDoc(site, site.lessons().get(0));

        assertThat(adoc).doesNotContain("++++\n\n++++");
    }

    private static void assertSameHtml(SiteModel site) {
        assertThat(site.lessons()).isNotEmpty();
        for (LessonPage page : site.lessons()) {
            String written = RENDERER.lessonHtml(new PageLinks(site, page), Passthroughs.written());
            String placeholders = RENDERER.lessonHtml(new PageLinks(site, page), Passthroughs.placeholders());
            assertThat(placeholders).as(page.path()).isEqualTo(written);
        }
    }

    private static SiteModel unverified(Path course) {
        List<Plan> plans = LessonFiles.discover(List.of(course)).files().stream().map(LessonFiles::read)
                .map(Planner::plan).toList();
        return SiteModel.unverified(plans, Instant.EPOCH, SiteModel.Layout.of(course, null, plans));
    }
}
