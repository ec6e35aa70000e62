package dev.docproof.run;

import dev.docproof.docker.SandboxException;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Marks;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson gets a place to run in (a sandbox, or a folder and a shell on this machine) only when it has a step
 * that may run: a course's index page, a page of templates or one whose every block is marked skip costs no
 * sandbox, and its steps get the outcomes a run would give them.
 */
class LessonPlaceNeededTest {

    private static final Path FILE = Path.of("page.rst");

    private final List<String> opened = new ArrayList<>();

    /** Records each lesson it is asked to open a place for, and refuses, as an engine that cannot start one. */
    private final CourseRunner.PlaceOpener places = (plan, names) -> {
        opened.add(plan.lesson().source().toString());
        throw new SandboxException("no sandbox in this test", null);
    };

    @Test
    void aLessonWithOnlyTemplatesAndStepsMarkedSkipOpensNoPlace() {
        Plan plan = plan(template(3, "docker rm <container-name>"),
                run(5, "docker run -d --name server x").withMarks(Marks.NONE.withSkip("needs a swarm")),
                run(7, "echo hi").withMarks(Marks.NONE.withSkip("")));

        LessonResult lesson = new LessonRun(plan, settings(), RunListener.NONE, null, places).run();

        assertThat(opened).isEmpty();
        assertThat(lesson.setupError()).isNull();
        assertThat(lesson.steps()).extracting(StepResult::outcome).containsExactly(Outcome.NotRun.TEMPLATE,
                new Outcome.Skipped("needs a swarm"), new Outcome.Skipped("a docproof: skip marker"));
    }

    @Test
    void aLessonWithAStepThatMayRunOpensItsPlace() {
        Plan plan = plan(template(3, "docker rm <container-name>"), run(5, "echo hi"));

        LessonResult lesson = new LessonRun(plan, settings(), RunListener.NONE, null, places).run();

        assertThat(opened).containsExactly("page.rst");
        assertThat(lesson.setupError().message()).contains("no sandbox in this test");
        assertThat(lesson.steps()).extracting(StepResult::outcome)
                .containsExactly(Outcome.NotRun.TEMPLATE, Outcome.NotRun.LESSON_NOT_RUN);
    }

    @Test
    void aPageWithoutShellBlocksOpensNoPlace() {
        LessonResult lesson = new LessonRun(plan(), settings(), RunListener.NONE, null, places).run();

        assertThat(opened).isEmpty();
        assertThat(lesson.steps()).isEmpty();
        assertThat(lesson.setupError()).isNull();
    }

    private static RunSettings settings() {
        return new RunSettings(Duration.ofSeconds(60), false, false, Path.of("content"));
    }

    private static Step run(int line, String command) {
        return new Step(new SourceSpan(FILE, line, 3), line, StepKind.RUN, command, Sample.NONE, "");
    }

    private static Step template(int line, String command) {
        return new Step(new SourceSpan(FILE, line, 3), line, StepKind.TEMPLATE, command, Sample.NONE, "");
    }

    private static Plan plan(Step... steps) {
        Lesson lesson = new Lesson(FILE, Lesson.Format.RST, "Page", List.of(), List.of());
        Node.CodeBlock block = new Node.CodeBlock(new SourceSpan(FILE, 1, 1), "bash", Map.of(), List.of(), 2);
        return new Plan(lesson, steps.length == 0 ? List.of() : List.of(new PlannedBlock(block, List.of(steps))), List.of());
    }
}
