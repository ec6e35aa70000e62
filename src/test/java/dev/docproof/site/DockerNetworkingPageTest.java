package dev.docproof.site;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.repair.Repair;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Output;
import dev.docproof.run.Status;
import dev.docproof.run.Outcome;
import dev.docproof.run.StepResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course lesson, read and planned by the real reader and planner, rendered with a constructed run:
 * every runnable step passed except the final {@code docker network remove}, repaired from evidence.
 */
class DockerNetworkingPageTest {

    private static final Path LESSON = Path.of("content/docker-networking.rst");

    @Test
    void courseLessonPageHoldsEverySectionCalloutBlockAndStep() throws Exception {
        Plan plan = Planner.plan(LessonFiles.read(LESSON));
        List<StepResult> results = plan.steps().stream().map(DockerNetworkingPageTest::result).toList();
        LessonResult lesson = new LessonResult(plan, results, List.of(), List.of(), List.of(), Instant.EPOCH,
                Duration.ofSeconds(9), null);
        SiteModel site = SiteModel.ofRun(List.of(plan),
                new CourseResult(List.of(lesson), "20.10.24", Instant.EPOCH, Duration.ofSeconds(10)));
        Path dir = Path.of("target/site-docker-networking");
        RenderedSite.deleteTree(dir);
        new SiteRenderer(RenderedSite.BOOT, "test", false).render(site, dir);
        Document page = Jsoup.parse(dir.resolve("docker-networking.html").toFile(), "UTF-8");

        assertThat(page.select("h2, h3").eachText()).containsExactly("Networking Between Containers",
                "Using the Default Network", "Using a Custom Network", "Connecting Containers On a Custom Network",
                "Two Containers and a Network", "Custom Network Example");
        assertThat(page.select(".admonitionblock")).hasSize(14);
        assertThat(page.select(".admonitionblock.note")).hasSize(8);
        assertThat(page.select(".admonitionblock.tip")).hasSize(5);
        assertThat(page.select(".admonitionblock.warning")).hasSize(1);
        assertThat(page.select(".exampleblock.codeblock, .listingblock.codeblock")).hasSize(13);
        assertThat(page.select(".step")).hasSize(26);
        assertThat(page.select(".step.passed, .step.ran, .step.failed, .step.repaired")).hasSize(16);
        assertThat(page.select(".step.illustrative")).hasSize(10);
        assertThat(page.select(".step").eachAttr("id")).contains("L45", "L52", "L241", "L262", "L265");
        assertThat(page.text()).doesNotContain("TODO: link to docker-compose");

        Element repaired = page.getElementById("L262");
        assertThat(repaired.classNames()).contains("repaired");
        assertThat(repaired.select(".command.original del").text().strip()).isEqualTo("$ docker network remove");
        assertThat(repaired.select(".command.repaired pre").text()).isEqualTo("$ docker network remove networking-test");
        assertThat(repaired.select(".evidence").text()).contains("networking-test", "line 194");
        assertThat(page.select("#L241 .command pre").text()).isEqualTo("$ docker exec client curl -v server:8080/message");
        assertThat(page.select("a[href=https://docs.docker.com/network/]").text())
                .isEqualTo("There are a lot of different network types");
    }

    private static StepResult result(Step step) {
        if (step.kind() == StepKind.TEMPLATE) {
            return StepResult.notRun(step, Outcome.NotRun.TEMPLATE);
        }
        if (step.command().strip().equals("docker network remove")) {
            return new StepResult(step, new Outcome.Repaired(new Repair(step.command(),
                    "docker network remove networking-test",
                    "network networking-test was created at line 194 and is still present"), new Outcome.Ran()),
                    new Output("networking-test\n", "networking-test\n", ""), 0, Duration.ofMillis(200), List.of());
        }
        return new StepResult(step, new Outcome.Ran(), new Output("ok\n", "ok\n", ""), 0, Duration.ofMillis(100),
                List.of());
    }
}
