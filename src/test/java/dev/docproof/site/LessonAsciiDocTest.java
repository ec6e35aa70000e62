package dev.docproof.site;

import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.StepKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LessonAsciiDocTest {

    @Test
    void aStepWhoseLineLiesOutsideItsBlockStillShowsItsVerdict() {
        Node.CodeBlock block = new Node.CodeBlock(SiteFixtures.at(3), "bash", Map.of(), List.of("$ echo hi"), 5);
        Lesson lesson = new Lesson(SiteFixtures.FIXTURE, Lesson.Format.RST, "T", List.of(block), List.of());
        Plan plan = new Plan(lesson, List.of(new PlannedBlock(block, List.of(
                SiteFixtures.step(5, StepKind.RUN, "echo hi", Sample.NONE),
                SiteFixtures.step(99, StepKind.RUN, "echo elsewhere", Sample.NONE)))), List.of());
        SiteModel site = SiteModel.unverified(List.of(plan), Instant.EPOCH);
        String adoc = SiteRenderer.lessonAsciiDoc(site, site.lessons().get(0));
        assertThat(adoc).contains("<div id=\"L5\" class=\"exampleblock step not-verified\">",
                "<div id=\"L99\" class=\"exampleblock step not-verified\">", "$ echo elsewhere");
        assertThat(adoc.indexOf("id=\"L5\"")).isLessThan(adoc.indexOf("id=\"L99\""));
    }

    @Test
    void adjacentListsStaySeparateAndCommentsNeverReachThePage() {
        Node.ListBlock first = new Node.ListBlock(SiteFixtures.at(1), false, List.of(new Node.ListItem(SiteFixtures.at(1),
                List.of(SiteFixtures.para(1, SiteFixtures.text("a"))))));
        Node.ListBlock second = new Node.ListBlock(SiteFixtures.at(3), true, List.of(new Node.ListItem(SiteFixtures.at(3),
                List.of(SiteFixtures.para(3, SiteFixtures.text("b"))))));
        Lesson lesson = new Lesson(SiteFixtures.FIXTURE, Lesson.Format.RST, "T",
                List.of(first, new Node.Comment(SiteFixtures.at(2), "hidden remark"), second), List.of());
        SiteModel site = SiteModel.unverified(List.of(new Plan(lesson, List.of(), List.of())), Instant.EPOCH);
        String adoc = SiteRenderer.lessonAsciiDoc(site, site.lessons().get(0));
        assertThat(adoc).contains("* pass:[a]\n\n//-\n\n. pass:[b]\n").doesNotContain("hidden remark");
    }
}
