package dev.docproof.run;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.plan.Planner;
import dev.docproof.plan.TemplateInstances;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateChecksTest {

    private static final Plan PLAN = Planner.plan(LessonFiles.read(Path.of("src/test/resources/findings/lesson.rst")));

    /** The lesson as if run: the instance at line 13 printed {@code listing}; other steps ran silently. */
    private static LessonResult ranWith(String listing) {
        List<StepResult> steps = PLAN.steps().stream().map(step -> step.kind() == StepKind.TEMPLATE
                ? StepResult.notRun(step, Outcome.NotRun.TEMPLATE)
                : new StepResult(step, new Outcome.Ran(), step.line() == 13 ? new Output(listing, listing, "") : Output.NONE,
                        0, Duration.ofMillis(5), List.of())).toList();
        return new LessonResult(PLAN, steps, List.of(), List.of(), List.of(), Instant.EPOCH, Duration.ZERO, null);
    }

    @Test
    void aSampleLineTheInstanceNeverPrintedIsStaleAtThatLineWithTheInstancesLine() {
        LessonResult lesson = ranWith("""
                NETWORK ID     NAME                    DRIVER    SCOPE
                3c0f2bd3a1e4   docproof-findings-net   bridge    local
                """);

        List<Finding> stale = TemplateChecks.staleSamples(lesson, TemplateInstances.of(PLAN));

        assertThat(stale).extracting(Finding::toString).containsExactly(
                "src/test/resources/findings/lesson.rst:12:4: warning: stale sample: `...            <network name>"
                        + "          overlay   swarm` is never printed by `docker network ls --filter"
                        + " name=docproof-findings-net` (its instance at line 13 printed `3c0f2bd3a1e4  "
                        + " docproof-findings-net   bridge    local` instead)");
    }

    @Test
    void aSampleItsInstancePrintsIsNotStale() {
        LessonResult lesson = ranWith("""
                NETWORK ID     NAME                    DRIVER    SCOPE
                3c0f2bd3a1e4   docproof-findings-net   overlay   swarm
                """);

        assertThat(TemplateChecks.staleSamples(lesson, TemplateInstances.of(PLAN))).isEmpty();
    }

    @Test
    void anInstanceThatDidNotRunSaysNothing() {
        List<StepResult> none = PLAN.steps().stream()
                .map(step -> StepResult.notRun(step, Outcome.NotRun.LESSON_NOT_RUN)).toList();
        LessonResult lesson = new LessonResult(PLAN, none, List.of(), List.of(), List.of(), Instant.EPOCH,
                Duration.ZERO, null);
        Step template = PLAN.steps().get(1);

        assertThat(TemplateInstances.of(PLAN).get(template)).extracting(Step::line).containsExactly(13);
        assertThat(TemplateChecks.staleSamples(lesson, TemplateInstances.of(PLAN))).isEmpty();
    }
}
