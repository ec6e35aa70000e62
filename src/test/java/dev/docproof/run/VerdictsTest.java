package dev.docproof.run;

import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.verify.MatchResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {

    private static final Step STEP = new Step(new SourceSpan(Path.of("l.rst"), 262, 3), 262, StepKind.RUN,
            "docker network remove", new Sample(List.of("x"), 263), "Custom Network Example");
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private static ShellSession.Execution ran(Integer code, String merged, boolean timedOut, String note) {
        return new ShellSession.Execution(new Output(merged, merged, ""), code, Duration.ofMillis(42), timedOut, note);
    }

    @Test
    void aNonZeroExitFailsWithTheCodeAndTheTrimmedTailOfTheOutput() {
        String output = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "\n", "\n\n"));

        StepResult r = Verdicts.verdict(STEP, ran(1, output, false, null), null, MINUTE);

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.durationMs()).isEqualTo(42);
        assertThat(r.reason()).isEqualTo("exited with 1; output (last 8 of 20 lines):\n"
                + "  line 13\n  line 14\n  line 15\n  line 16\n  line 17\n  line 18\n  line 19\n  line 20");
    }

    @Test
    void aStepWithoutOutputSaysSo() {
        assertThat(Verdicts.verdict(STEP, ran(2, "", false, null), null, MINUTE).reason()).isEqualTo("exited with 2; no output");
    }

    @Test
    void aTimedOutStepFailsWithoutExitCodeAndShowsThePartialOutput() {
        StepResult r = Verdicts.verdict(STEP, ran(null, "waiting\r\n", true, "killed at its deadline of 60 s"), null, MINUTE);

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.timedOut()).isTrue();
        assertThat(r.exitCode()).isNull();
        assertThat(r.reason()).isEqualTo("timed out (raise the deadline with --timeout SECONDS): killed at its deadline"
                + " of 60 s; partial output:\n  waiting");
    }

    @Test
    void aSampleMismatchFailsEvenWithExitZeroAndAMatchPasses() {
        MatchResult mismatch = new MatchResult(MatchResult.Outcome.MISMATCHED, List.of(), List.of(), "-x\n+y");
        MatchResult drifted = new MatchResult(MatchResult.Outcome.MATCHED, List.of("172.28.0.2 → 172.18.0.3"), List.of(), null);

        StepResult failed = Verdicts.verdict(STEP, ran(0, "y\n", false, null), mismatch, MINUTE);
        StepResult passed = Verdicts.verdict(STEP, ran(0, "x\n", false, null), drifted, MINUTE);

        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.reason()).isEqualTo("the output does not match the sample at line 263");
        assertThat(failed.match()).isSameAs(mismatch);
        assertThat(passed.status()).isEqualTo(Status.PASSED);
        assertThat(passed.reason()).isNull();
        assertThat(passed.match()).isSameAs(drifted);
    }
}
