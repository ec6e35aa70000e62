package dev.docproof.cli;

import dev.docproof.shell.ResourceKind;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.repair.Repair;
import dev.docproof.run.CourseResult;
import dev.docproof.run.Leak;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Output;
import dev.docproof.run.Status;
import dev.docproof.run.Outcome;
import dev.docproof.run.SetupError;
import dev.docproof.run.StepResult;
import dev.docproof.verify.MatchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.execute(all, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void aFolderWithoutLessonsIsASetUpErrorSayingWhatToName(@TempDir Path empty) {
        int code = check(empty.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains(empty.toString())
                .endsWith("docproof: no lesson to check: name .rst, .md or .adoc files, or folders that hold them\n");
    }

    @Test
    void aMissingPathBesideAValidLessonExitsTwoNamingItBeforeAnythingRuns() {
        int code = check("content/docker-networking.rst", "missing.rst");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("missing.rst:1:1: error: no such file or folder\n"
                + "docproof: nothing was run; correct or remove the path above\n");
    }

    @Test
    void aTimeoutBelowOneSecondIsAUsageError() {
        int code = check("--timeout", "0", "content/docker-networking.rst");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("docproof: Invalid value for option '--timeout': a step needs some time: '0' is not above zero\nsee 'docproof check --help'\n");
    }

    @Test
    void aTimeoutLongerThanADayIsAUsageErrorNotAnOverflow() {
        int code = check("--timeout", "3000000h", "content/docker-networking.rst");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("docproof: Invalid value for option '--timeout': '3000000h' is longer than a"
                + " step may run: give at most 24h\nsee 'docproof check --help'\n");
    }

    @Test
    void moreOutputThanMemoryHoldsIsAUsageErrorNotAnOutOfMemoryError() {
        int code = check("--max-output", "3GB", "content/docker-networking.rst");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("docproof: Invalid value for option '--max-output': '3GB' keeps more output"
                + " than docproof can hold and show: give at most 100MB\nsee 'docproof check --help'\n");
    }

    @Test
    void aTimeoutThatIsNotANumberIsAUsageError() {
        int code = check("--timeout", "soon", "content/docker-networking.rst");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("docproof: Invalid value for option '--timeout': 'soon' is not a duration (try 90, 30s, 2m or 500ms)");
    }

    private static final Path FILE = Path.of("l.rst");
    private static final MatchResult MATCHED = new MatchResult(MatchResult.Outcome.MATCHED, List.of(), List.of(), null);

    private static StepResult result(Outcome outcome) {
        Step step = new Step(new SourceSpan(FILE, 3, 3), 3, StepKind.RUN, "true", Sample.NONE, "");
        return new StepResult(step, outcome, Output.NONE, outcome.status() == Status.NOT_RUN ? null : 0,
                Duration.ofMillis(1), List.of());
    }

    private static CourseResult course(List<StepResult> steps, List<Leak> leaks, String setupError) {
        Plan plan = new Plan(new Lesson(FILE, Lesson.Format.RST, "L", List.of(), List.of()), List.of(), List.of());
        LessonResult lesson = new LessonResult(plan, steps, leaks, List.of(), List.of(), Instant.EPOCH, Duration.ZERO,
                setupError == null ? null : new SetupError(SetupError.Kind.NAME_TAKEN, setupError));
        return new CourseResult(List.of(lesson), "20.10", Instant.EPOCH, Duration.ZERO);
    }

    @Test
    void passedAndNotRunStepsExitZero() {
        CourseResult r = course(List.of(result(new Outcome.Passed(MATCHED, 4)), result(Outcome.NotRun.TEMPLATE)),
                List.of(), null);

        assertThat(CourseRun.exitCode(r, false)).isZero();
        assertThat(CourseRun.exitCode(r, true)).isZero();
    }

    @Test
    void aFailedStepExitsOne() {
        CourseResult r = course(List.of(result(new Outcome.Passed(MATCHED, 4)), result(new Outcome.ExitCode(1, null))),
                List.of(), null);

        assertThat(CourseRun.exitCode(r, false)).isEqualTo(1);
    }

    @Test
    void repairsAbridgedSamplesLeaksAndSkipsPassUnlessStrict() {
        CourseResult repaired = course(List.of(result(new Outcome.Repaired(new Repair("a", "a b", "e"), new Outcome.Passed(MATCHED, 4)))),
                List.of(), null);
        CourseResult abridged = course(List.of(result(new Outcome.Passed(
                new MatchResult(MatchResult.Outcome.MATCHED, List.of(), List.of("line 4 skipped"), null), 4))),
                List.of(), null);
        CourseResult leaked = course(List.of(result(new Outcome.Passed(MATCHED, 4))),
                List.of(new Leak(ResourceKind.CONTAINER, "client", 221, true)), null);
        CourseResult skipped = course(List.of(result(new Outcome.Passed(MATCHED, 4)),
                result(new Outcome.Skipped("needs the program brew, which the session lacks"))), List.of(), null);

        for (CourseResult r : List.of(repaired, abridged, leaked, skipped)) {
            assertThat(CourseRun.exitCode(r, false)).isZero();
            assertThat(CourseRun.exitCode(r, true)).isEqualTo(1);
        }
    }

    @Test
    void aStrictRunWithNoFailedStepSaysWhatFailedIt() {
        CourseResult r = course(List.of(
                result(new Outcome.Repaired(new Repair("a", "a b", "e"), new Outcome.Passed(MATCHED, 4))),
                result(new Outcome.Skipped("needs the program brew, which the session lacks")),
                result(new Outcome.Skipped("needs a Mac"))),
                List.of(new Leak(ResourceKind.CONTAINER, "client", 221, true)), null);

        assertThat(CourseRun.verdict(r, true, new PrintWriter(err, true))).isEqualTo(1);

        assertThat(err.toString()).isEqualTo("docproof: no step failed, but --strict counts 1 repaired step, 2 skipped"
                + " steps and 1 leaked resource as failures\n");
    }

    @Test
    void aLessonWithAReadingErrorExitsOneAsPlanDoesEvenWhenEveryStepPassed() {
        CourseResult passed = course(List.of(result(new Outcome.Passed(MATCHED, 4))), List.of(), null);
        LessonResult lesson = passed.lessons().get(0);
        CourseResult misread = new CourseResult(List.of(new LessonResult(lesson.plan(), lesson.steps(), List.of(),
                List.of(), List.of(Diagnostic.warning(new SourceSpan(FILE, 2, 1), "directive \"foo\" not supported"),
                        Diagnostic.error(new SourceSpan(FILE, 12, 1), "Content block expected for the \"code-block\""
                                + " directive; none found")), Instant.EPOCH, Duration.ZERO, null)),
                "20.10", Instant.EPOCH, Duration.ZERO);

        assertThat(CourseRun.exitCode(passed, false)).isZero();
        assertThat(CourseRun.verdict(misread, false, new PrintWriter(err, true))).isEqualTo(1);

        assertThat(err.toString()).isEqualTo("docproof: no step failed, but 1 lesson holds reading errors (the `error:`"
                + " lines above): what could not be read was not checked; correct the lesson text\n");
    }

    @Test
    void aSetUpErrorExitsTwoEvenWithFailuresElsewhere() {
        CourseResult r = course(List.of(result(Outcome.NotRun.TEMPLATE)), List.of(), "l.rst:3: name taken");

        assertThat(CourseRun.exitCode(r, false)).isEqualTo(2);
        assertThat(CourseRun.exitCode(new CourseResult(List.of(), null, Instant.EPOCH, Duration.ZERO), false))
                .isEqualTo(2);
    }

    @Test
    void showSecretsIsRefusedWhereCiIsSetAndAllowedElsewhere() {
        RunOptions options = new RunOptions();
        options.showSecrets = true;

        assertThat(options.problem("true")).isEqualTo(
                "--show-secrets is for a local run only, and CI is set: reports made here are shared");
        assertThat(options.problem(null)).isNull();
        assertThat(options.problem("false")).isNull();
        options.showSecrets = false;
        assertThat(options.problem("true")).isNull();
    }

    @Test
    void badIsolationJobsOrShardAreUsageErrorsSayingWhatToWrite() {
        assertThat(check("--isolation", "vm", "content")).isEqualTo(2);
        assertThat(err.toString()).contains("'vm' is not a kind of isolation: choose sandbox");
        assertThat(check("--shard", "3/2", "content")).isEqualTo(2);
        assertThat(err.toString()).contains("'3/2' is not a shard: write K/N");
        assertThat(check("--jobs", "0", "content")).isEqualTo(2);
        assertThat(err.toString()).contains("docproof: --jobs must be at least 1, not 0");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void jobsAboveOneWithHostIsolationIsAUsageErrorNotASilentlySerialRun() {
        assertThat(check("--jobs", "2", "--isolation", "host", "content")).isEqualTo(2);
        assertThat(err.toString()).contains("docproof: --jobs 2 runs lessons at once, each in its own sandbox; with"
                + " --isolation host they run one at a time on this machine: drop --jobs, or drop --isolation host");
        assertThat(out.toString()).isEmpty();
    }
}
