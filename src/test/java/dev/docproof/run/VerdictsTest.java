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

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTest {

    private static final Step STEP = new Step(new SourceSpan(Path.of("l.rst"), 262, 3), 262, StepKind.RUN,
            "docker network remove", new Sample(List.of("x"), 263), "Custom Network Example");
    private static final Duration MINUTE = Duration.ofSeconds(60);
    /** A step whose sample documents a failure. */
    private static final Step CAT = new Step(new SourceSpan(Path.of("l.rst"), 50, 3), 50, StepKind.RUN,
            "cat missing.txt", new Sample(List.of("cat: missing.txt: No such file or directory"), 51), "Files");

    private static ShellSession.Execution ran(Integer code, String merged, boolean timedOut, String note) {
        return new ShellSession.Execution(new Output(merged, merged, ""), code, Duration.ofMillis(42), timedOut, note);
    }

    @Test
    void aNonZeroExitFailsWithItsCodeAndKeepsTheOutput() {
        ShellSession.Execution e = ran(1, "line 1\n", false, null);

        Outcome o = Verdicts.outcome(STEP, e, null, MINUTE);
        StepResult r = Verdicts.result(STEP, o, e, List.of());

        assertThat(o).isEqualTo(new Outcome.ExitCode(1, null));
        assertThat(o.describe()).isEqualTo("exited with 1");
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.durationMs()).isEqualTo(42);
        assertThat(r.output().merged()).isEqualTo("line 1\n");
    }

    @Test
    void aTimedOutStepFailsWithoutExitCodeAndSaysWhatTheShellDid() {
        ShellSession.Execution e = ran(null, "waiting\r\n", true, "killed at its deadline of 60s");

        Outcome o = Verdicts.outcome(STEP, e, null, MINUTE);
        StepResult r = Verdicts.result(STEP, o, e, List.of());

        assertThat(o).isInstanceOf(Outcome.TimedOut.class);
        assertThat(o.describe()).isEqualTo("timed out: killed at its deadline of 60s");
        assertThat(r.exitCode()).isNull();
        assertThat(r.output().merged()).isEqualTo("waiting\r\n");
    }

    @Test
    void aSampleMismatchFailsEvenWithExitZeroAndAMatchPasses() {
        MatchResult mismatch = new MatchResult(MatchResult.Outcome.MISMATCHED, List.of(), List.of(), "-x\n+y");
        MatchResult drifted = new MatchResult(MatchResult.Outcome.MATCHED, List.of("172.28.0.2 → 172.18.0.3"), List.of(), null);

        Outcome failed = Verdicts.outcome(STEP, ran(0, "y\n", false, null), mismatch, MINUTE);
        Outcome passed = Verdicts.outcome(STEP, ran(0, "x\n", false, null), drifted, MINUTE);

        assertThat(failed).isEqualTo(new Outcome.Mismatch(mismatch, 263));
        assertThat(failed.describe()).isEqualTo("the output does not match the sample at line 263");
        assertThat(passed).isEqualTo(new Outcome.Passed(drifted, 263));
        assertThat(passed.status()).isEqualTo(Status.PASSED);
    }

    @Test
    void exitZeroWithNothingToCompareRanButDidNotPass() {
        Outcome o = Verdicts.outcome(STEP, ran(0, "anything\n", false, null), null, MINUTE);

        assertThat(o).isInstanceOf(Outcome.Ran.class);
        assertThat(o.status()).isEqualTo(Status.RAN);
        assertThat(o.succeeded()).isTrue();
        assertThat(o.match()).isNull();
    }

    @Test
    void aShellEventOnASuccessIsKeptAsANoteAndOnAFailureInTheOutcome() {
        ShellSession.Execution ok = ran(0, "", false, "a new shell continues the lesson");
        ShellSession.Execution bad = ran(3, "", false, "the step called `exit 3`");

        StepResult passed = Verdicts.result(STEP, Verdicts.outcome(STEP, ok, null, MINUTE), ok, List.of());
        StepResult failed = Verdicts.result(STEP, Verdicts.outcome(STEP, bad, null, MINUTE), bad, List.of());

        assertThat(passed.notes()).containsExactly(new Note.ShellEvent("a new shell continues the lesson"));
        assertThat(failed.notes()).isEmpty();
        assertThat(failed.outcome().describe()).isEqualTo("exited with 3 (the step called `exit 3`)");
    }

    private static Step expecting(int code) {
        return STEP.withMarks(new dev.docproof.lesson.Marks(null, null, code, null, null, List.of(), java.util.Map.of(),
                false, List.of()));
    }

    @Test
    void aStepMarkedExpectExitSucceedsWithThatCodeOnlyAndSaysSoWhenItDoesNot() {
        assertThat(Verdicts.exitedAsExpected(expecting(2), 2)).isTrue();
        assertThat(Verdicts.exitedAsExpected(expecting(2), 0)).isFalse();
        assertThat(Verdicts.exitedAsExpected(STEP, 0)).isTrue();
        assertThat(Verdicts.exitedAsExpected(STEP, null)).isFalse();

        Outcome zero = Verdicts.outcome(expecting(2), ran(0, "", false, null), null, MINUTE);
        Outcome two = Verdicts.outcome(expecting(2), ran(2, "", false, null), null, MINUTE);

        assertThat(zero).isEqualTo(new Outcome.ExitCode(0, "the lesson expects exit code 2"));
        assertThat(two).isEqualTo(new Outcome.Ran());
    }

    @Test
    void aBoundStepCountsAsBoundWhenTheBoundCommandSucceededAndAsItsFailureOtherwise() {
        Outcome.Bound ok = new Outcome.Bound("docker stop 1c3a1f92a617", "3f9a1c2be4d7 → 1c3a1f92a617", new Outcome.Ran());
        Outcome.Bound failed = new Outcome.Bound("docker stop 1c3a1f92a617", "3f9a1c2be4d7 → 1c3a1f92a617",
                new Outcome.ExitCode(1, null));

        assertThat(ok.status()).isEqualTo(Status.BOUND);
        assertThat(ok.succeeded()).isTrue();
        assertThat(ok.describe()).isEqualTo("ran as `docker stop 1c3a1f92a617` (3f9a1c2be4d7 → 1c3a1f92a617): exited 0; the lesson shows no output to compare");
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.succeeded()).isFalse();
    }

    @Test
    void credentialLookingOutputIsMaskedUnlessTheRunShowsSecrets() {
        Output output = new Output("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n", "");
        RunSettings masked = new RunSettings(MINUTE, false, true, Path.of("content"));
        RunSettings shown = new RunSettings(MINUTE, false, true, Path.of("content"), ShellSession.DEFAULT_MAX_OUTPUT, true, null,
                Isolation.HOST, 1, 0);

        assertThat(Verdicts.masked(output, masked).merged()).isEqualTo("aws_access_key_id = AKIA********\n");
        assertThat(Verdicts.masked(output, masked).stdout()).doesNotContain("AKIAIOSFODNN7EXAMPLE");
        assertThat(Verdicts.masked(output, shown)).isEqualTo(output);
    }

    @Test
    void aFailureWhoseOutputIsTheDocumentedSampleNamesTheMarkerThatExpectsIt() {
        ShellSession.Execution e = new ShellSession.Execution(new Output("cat: missing.txt: No such file or directory\n",
                "", "cat: missing.txt: No such file or directory\n"), 1, Duration.ofMillis(3), false, null);
        Outcome o = Verdicts.outcome(CAT, e, null, MINUTE);
        MatchResult same = dev.docproof.verify.Matcher.match(CAT.sample(), Path.of("l.rst"), e.output().merged(),
                e.output().stdout(), e.output().stderr());

        Note note = Verdicts.failureShown(CAT, e, o, () -> same);

        assertThat(o).isEqualTo(new Outcome.ExitCode(1, null));
        assertThat(note).isEqualTo(new Note.FailureShown(51, 1));
        assertThat(note.describe()).isEqualTo("the output matches the sample at line 51: if the lesson shows this"
                + " failure on purpose, put a `docproof: expect-exit 1` marker before its block");
    }

    @Test
    void aFailureThatPrintsSomethingElseOrIsExpectedGetsNoMarkerNote() {
        ShellSession.Execution other = new ShellSession.Execution(new Output("cat: missing.txt: Permission denied\n",
                "", "cat: missing.txt: Permission denied\n"), 1, Duration.ofMillis(3), false, null);
        MatchResult differs = dev.docproof.verify.Matcher.match(CAT.sample(), Path.of("l.rst"), other.output().merged(),
                other.output().stdout(), other.output().stderr());
        Step marked = CAT.withMarks(new dev.docproof.lesson.Marks(null, null, 2, null, null, List.of(), java.util.Map.of(),
                false, List.of()));

        assertThat(Verdicts.failureShown(CAT, other, Verdicts.outcome(CAT, other, null, MINUTE), () -> differs)).isNull();
        assertThat(Verdicts.failureShown(marked, other, Verdicts.outcome(marked, other, null, MINUTE), () -> {
            throw new AssertionError("a step with its marker is not compared again");
        })).isNull();
        assertThat(Verdicts.failureShown(STEP, ran(0, "x\n", false, null), new Outcome.Ran(), () -> {
            throw new AssertionError("a success is not compared again");
        })).isNull();
    }
}
