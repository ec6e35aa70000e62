package dev.docproof.site;

import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.repair.Repair;
import dev.docproof.run.Outcome;
import dev.docproof.run.Output;
import dev.docproof.run.StepResult;
import dev.docproof.verify.MatchResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {

    private static final Step RUN = new Step(new SourceSpan(Path.of("l.rst"), 3, 3), 3, StepKind.RUN, "true",
            Sample.NONE, "");
    private static final MatchResult MATCHED = new MatchResult(MatchResult.Outcome.MATCHED, List.of(), List.of(), null);

    private static Verdict of(Outcome outcome) {
        return Verdict.of(RUN, new StepResult(RUN, outcome, Output.NONE, 0, Duration.ZERO, List.of()));
    }

    @Test
    void everyOutcomeHasItsOwnVisiblyDifferentBadge() {
        assertThat(of(new Outcome.Passed(MATCHED, 4))).isEqualTo(Verdict.PASSED);
        assertThat(of(new Outcome.Ran())).isEqualTo(Verdict.RAN);
        assertThat(List.of(of(new Outcome.ExitCode(1, null)), of(new Outcome.Mismatch(MATCHED, 4)),
                of(new Outcome.TimedOut(Duration.ofSeconds(1), null)), of(new Outcome.Interrupted("SIGINT"))))
                .containsOnly(Verdict.FAILED);
        assertThat(of(new Outcome.Repaired(new Repair("a", "a b", "e"), new Outcome.Ran()))).isEqualTo(Verdict.REPAIRED);
        assertThat(of(new Outcome.Skipped("needs brew"))).isEqualTo(Verdict.SKIPPED);
        assertThat(of(Outcome.NotRun.LESSON_NOT_RUN)).isEqualTo(Verdict.NOT_RUN);
        assertThat(Verdict.of(RUN, null)).isEqualTo(Verdict.NOT_VERIFIED);
        assertThat(List.of(Verdict.values())).extracting(Verdict::role).doesNotHaveDuplicates();
        assertThat(List.of(Verdict.values())).extracting(Verdict::label).doesNotHaveDuplicates();
        assertThat(Verdict.RAN.label()).isNotEqualTo(Verdict.PASSED.label()).contains("nothing to compare");
    }
}
