package dev.docproof.report;

import dev.docproof.lesson.Sample;
import dev.docproof.lesson.StepKind;
import dev.docproof.run.Outcome;
import dev.docproof.run.Output;
import dev.docproof.run.StepResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    /** A template run bound is counted with the steps run, so the outcomes never add up to more than "runnable". */
    @Test
    void aTemplateRunBoundCountsAsRunnableAndNotAsATemplate() {
        Path file = Path.of("content/bind.md");
        var run = Results.ran(Results.run(file, 5, "docker run -d app"), 900, "");
        var logs = new StepResult(Results.step(file, 16, StepKind.TEMPLATE, "docker logs {container id}", Sample.NONE),
                new Outcome.Bound("docker logs 89d095592a64", "{container id} → 89d095592a64", new Outcome.Ran(), true),
                Output.NONE, 0, Duration.ofMillis(30), List.of());
        var shown = new StepResult(Results.step(file, 20, StepKind.TEMPLATE, "docker rm <id>", Sample.NONE),
                Outcome.NotRun.TEMPLATE, Output.NONE, 0, Duration.ZERO, List.of());

        Summary summary = Summary.of(Results.lesson(file, List.of(run, logs, shown), List.of(), Duration.ofSeconds(1),
                (String) null, List.of()));

        assertThat(summary.tally().runnable()).isEqualTo(2);
        assertThat(summary.tally().templates()).isEqualTo(1);
        assertThat(summary.describe()).startsWith("2 runnable: 0 passed, 1 ran, 0 repaired, 0 failed, 1 bound; 1 not run;");
    }
}
