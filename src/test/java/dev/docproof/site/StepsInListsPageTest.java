package dev.docproof.site;

import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Outcome;
import dev.docproof.run.Output;
import dev.docproof.run.StepResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps that printed something, inside list items and definitions, as a run renders them. */
class StepsInListsPageTest {

    @TempDir
    static Path course;
    private static Document page;

    @BeforeAll
    static void render() throws IOException {
        Path lesson = course.resolve("page.rst");
        Files.writeString(lesson, """
                :orphan:

                Steps in lists
                ==============

                1. List the images:

                   .. code-block:: console

                      $ echo first
                      first

                2. Then the containers:

                   .. code-block:: console
                      :name: second-block

                      $ echo second

                3. Done.

                Term
                   .. code-block:: console

                      $ echo third

                After the lists.
                """);
        Plan plan = Planner.plan(LessonFiles.read(lesson, course));
        List<StepResult> results = plan.steps().stream().map(step -> new StepResult(step, new Outcome.Ran(),
                new Output("printed\n", "", "printed\n"), 0, Duration.ZERO, List.of())).toList();
        SiteModel site = SiteModel.ofRun(List.of(plan), new CourseResult(List.of(new LessonResult(plan, results,
                List.of(), List.of(), List.of(), Instant.EPOCH, Duration.ZERO, null)), "20.10.24", Instant.EPOCH,
                Duration.ZERO));
        Path out = course.resolve("site");
        new SiteRenderer(RenderedSite.BOOT, "test", false).render(site, out);
        page = Jsoup.parse(out.resolve("page.html").toFile(), "UTF-8");
    }

    @Test
    void aStepsOutputStaysInItsListItemAndTheListGoesOnNumbered() {
        assertThat(page.select("#content ol")).hasSize(1);
        assertThat(page.select("#content ol > li")).hasSize(3);
        assertThat(page.select("#content ol > li").get(0).select(".step details.output pre").text()).isEqualTo("printed");
        assertThat(page.select("#content ol > li").get(1).select(".step .command pre").text()).isEqualTo("$ echo second");
        assertThat(page.select("#content ol > li").get(1).select("#second-block")).hasSize(1);
        assertThat(page.select("#content ol > li").get(1).select(".step details.output")).hasSize(1);
        assertThat(page.select("#content ol > li").get(2).text()).isEqualTo("Done.");
    }

    @Test
    void aStepsOutputStaysInItsDefinition() {
        assertThat(page.select("#content dd .step details.output pre").text()).isEqualTo("printed");
        assertThat(page.select("#content .sectionbody > .paragraph").eachText()).contains("After the lists.");
    }
}
