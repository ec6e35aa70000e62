package dev.docproof.site;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.plan.StaticFindings;
import dev.docproof.read.LessonFiles;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Outcome;
import dev.docproof.run.StepResult;
import dev.docproof.shell.CliHelpFixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsOnPageTest {

    @Test
    void eachFindingIsShownAfterTheBlockThatHoldsItsLine() {
        Plan plan = Planner.plan(LessonFiles.read(Path.of("src/test/resources/findings/lesson.rst")));
        List<Finding> findings = StaticFindings.of(plan, CliHelpFixtures.both());
        LessonResult result = new LessonResult(plan, plan.steps().stream()
                .map(step -> StepResult.notRun(step, Outcome.NotRun.TEMPLATE)).toList(),
                List.of(), List.of(), List.of(), Instant.EPOCH, Duration.ZERO, null).withFindings(findings);
        SiteModel site = SiteModel.ofRun(List.of(plan), new CourseResult(List.of(result), "20.10", Instant.EPOCH,
                Duration.ZERO));

        String adoc = SiteRenderer.lessonAsciiDoc(site, site.lessons().get(0));

        int prose = adoc.indexOf("[#F5-21.finding.warning]#pass:[line 5:21: warning:");
        int firstBlock = adoc.indexOf("id=\"L9\"");
        int template = adoc.indexOf("[#F14-29.finding.warning]#pass:[line 14:29: warning:");
        int secondBlock = adoc.indexOf("id=\"L22\"");
        assertThat(prose).isPositive().isLessThan(firstBlock);
        assertThat(template).isGreaterThan(firstBlock).isLessThan(secondBlock);
        assertThat(adoc).contains("did you mean --format?", "did you mean docker network?");
    }
}
