package dev.docproof.run;

import dev.docproof.docker.LedgerTestEngine;
import dev.docproof.shell.FullScreen;
import dev.docproof.shell.ResourceKind;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Marks;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.repair.GapRepair;
import dev.docproof.repair.Repair;
import dev.docproof.verify.MatchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.docproof.docker.LedgerTestEngine.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The runner on lessons built by hand, against the real engine, with unique resource names. */
class CourseRunnerTest {

    private static final Path FILE = Path.of("fixture.rst");

    private final String net = LedgerTestEngine.uniqueName("net");
    private final String box = LedgerTestEngine.uniqueName("box");
    private final List<String> events = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestMayHaveLeft() {
        LedgerTestEngine.removeQuietly("rm", "-f", box);
        LedgerTestEngine.removeQuietly("network", "rm", net);
    }

    private static Step run(int line, String command) {
        return new Step(new SourceSpan(FILE, line, 3), line, StepKind.RUN, command, Sample.NONE, "Section " + line);
    }

    private static Step run(int line, String command, String... sample) {
        return new Step(new SourceSpan(FILE, line, 3), line, StepKind.RUN, command, new Sample(List.of(sample), line + 1),
                "Section " + line);
    }

    private static Step template(int line, String command) {
        return new Step(new SourceSpan(FILE, line, 3), line, StepKind.TEMPLATE, command, Sample.NONE, "");
    }

    private static Plan plan(Step... steps) {
        Lesson lesson = new Lesson(FILE, Lesson.Format.RST, "Fixture", List.of(), List.of());
        Node.CodeBlock block = new Node.CodeBlock(new SourceSpan(FILE, 1, 1), "bash", Map.of(), List.of(), 2);
        return new Plan(lesson, List.of(new PlannedBlock(block, List.of(steps))), List.of());
    }

    /** Exact comparison of the sample with stdout: enough to exercise the runner's use of a matcher. */
    private static MatchResult exact(Sample sample, Path file, String merged, String stdout, String stderr) {
        boolean same = stdout.strip().equals(String.join("\n", sample.lines()).strip());
        return new MatchResult(same ? MatchResult.Outcome.MATCHED : MatchResult.Outcome.MISMATCHED, List.of(),
                List.of(), same ? null : "-" + sample.lines() + "\n+" + stdout);
    }

    /** The lesson run as written (no repair, a deadline of 60 s), its steps told to the recorder. */
    private LessonResult runOne(Plan plan) {
        return CourseRunner.run(List.of(plan), settings(false, false, Duration.ofSeconds(60)), recorder,
                collaborators(NO_REPAIR)).lessons().get(0);
    }

    private CourseRunner.Collaborators collaborators(CourseRunner.Repairer repairer) {
        String version = LedgerTestEngine.client().versionCmd().exec().getVersion();
        CourseRunner.EngineConnector engine = l -> new CourseRunner.EngineLink(version, dev.docproof.testsupport.TestEngine.ready(), () -> { });
        return new CourseRunner.Collaborators(engine, CourseRunnerTest::exact, repairer);
    }

    private static final CourseRunner.Repairer NO_REPAIR = (step, output, ledger) -> {
        throw new AssertionError("repair was not asked for");
    };

    private final RunListener recorder = new RunListener() {
        @Override
        public void lessonStarted(Plan plan) {
            events.add("lesson");
        }

        @Override
        public void stepStarted(Step step) {
            events.add("start " + step.line());
        }

        @Override
        public void stepFinished(StepResult result) {
            events.add(result.status().jsonName() + " " + result.step().line());
        }

        @Override
        public void lessonFinished(LessonResult result) {
            events.add("done");
        }
    };

    private static RunSettings settings(boolean failFast, boolean repair, Duration timeout) {
        return new RunSettings(timeout, failFast, repair, Path.of("content"));
    }

    @Test
    void aSampleBelowSeveralCommandsMayShowTheLastOnesOutputOrWhatTheyPrintedTogether() {
        Plan plan = plan(
                run(10, "echo one"), below(11, "echo two", "two"),
                run(20, "echo three"), below(21, "echo four", "three", "four"),
                run(30, "echo five"), below(31, "echo six", "seven"));

        LessonResult lesson = runOne(plan);

        assertThat(lesson.steps()).extracting(r -> r.step().line(), StepResult::status).containsExactly(
                tuple(10, Status.RAN), tuple(11, Status.PASSED), tuple(20, Status.RAN), tuple(21, Status.PASSED),
                tuple(30, Status.RAN), tuple(31, Status.FAILED));
        assertThat(((Outcome.Mismatch) lesson.steps().get(5).outcome()).match().diff())
                .as("judged against what the whole block printed").contains("five\nsix");
    }

    /** The second command of a block of two, with the sample shown below the block. */
    private static Step below(int line, String command, String... sample) {
        return new Step(new SourceSpan(FILE, line, 3), line, StepKind.RUN, command,
                new Sample(List.of(sample), line + 2, 1), "Section " + line);
    }

    @Test
    void aRequestToAServerTheLessonJustStartedWaitsForItToAnswerAsALearnerTypingWould() {
        Plan plan = plan(
                run(10, "docker run -d --name " + box + " -p 18473:8080 launchcodedevops/simple-http"
                        + " sh -c 'sleep 2; exec python3 -m http.server 8080'"),
                run(12, "curl -s localhost:18473/"),
                run(14, "curl -s localhost:18474/ -d x=1"));

        LessonResult lesson = runOne(plan);

        assertThat(lesson.steps()).extracting(StepResult::status)
                .containsExactly(Status.RAN, Status.RAN, Status.FAILED);
        assertThat(lesson.steps().get(1).output().stdout()).contains("<html");
        assertThat(lesson.steps().get(1).notes()).singleElement().isInstanceOf(Note.ServerStarting.class)
                .extracting(n -> ((Note.ServerStarting) n).containers()).isEqualTo(List.of(box));
        assertThat(lesson.steps().get(2).notes()).as("a request that sends data is not sent again").isEmpty();
    }

    @Test
    void aStepMeantToEndWith127RunsToShowTheProgramIsMissing() {
        Marks expect127 = new Marks(null, null, 127, null, null, List.of(), Map.of(), false, List.of());
        Step notFound = new Step(new SourceSpan(FILE, 10, 3), 10, StepKind.RUN, "course = \"Docker Basics\"",
                Sample.NONE, "Variables", expect127);

        LessonResult lesson = runOne(plan(notFound));

        assertThat(lesson.steps()).extracting(StepResult::status, StepResult::exitCode).containsExactly(tuple(Status.RAN, 127));
        assertThat(lesson.steps().get(0).output().stderr()).contains("course: command not found");
    }

    @Test
    void aProgramAnEarlierStepPutsOnThePathIsFoundWhenItsStepComesAndOneThatNeverExistsIsSkipped() {
        Plan plan = plan(
                run(10, "mkdir -p tools && printf '#!/bin/sh\\necho hello from the tool\\n' > tools/greet && chmod +x tools/greet"),
                run(12, "export PATH=\"$PWD/tools:$PATH\""),
                run(14, "greet", "hello from the tool"),
                run(16, "docproof-test-no-such-program --version"));

        LessonResult lesson = runOne(plan);

        assertThat(lesson.steps()).extracting(r -> r.step().line(), StepResult::status).containsExactly(
                tuple(10, Status.RAN), tuple(12, Status.RAN), tuple(14, Status.PASSED), tuple(16, Status.SKIPPED));
        assertThat(lesson.steps().get(3).outcome()).isEqualTo(new Outcome.Skipped(
                "needs the program docproof-test-no-such-program, which the session lacks"));
    }

    @Test
    void aFullScreenProgramIsSkippedSayingWhatToShowInsteadAndTheLessonGoesOn() {
        Plan plan = plan(run(10, "top"), run(12, "watch -n 1 date"), run(14, "top -b -n 1 | head -1 | cut -c1-3", "top"));

        LessonResult lesson = runOne(plan);

        assertThat(lesson.steps()).extracting(r -> r.step().line(), StepResult::status).containsExactly(
                tuple(10, Status.SKIPPED), tuple(12, Status.SKIPPED), tuple(14, Status.PASSED));
        assertThat(lesson.steps().get(0).outcome()).isEqualTo(new Outcome.Skipped(FullScreen.in("top").orElseThrow().reason()));
    }

    @Test
    void anLsSampleInColumnsMatchesTheNamesLsWritesOnePerLineButNotThroughAPipe() {
        Plan plan = plan(run(10, "mkdir app && cd app && touch Dockerfile app.py requirements.txt"),
                run(12, "ls", "app.py  Dockerfile  requirements.txt"),
                run(14, "ls | cat", "app.py  Dockerfile  requirements.txt"),
                run(16, "ls", "app.py  Dockerfile  setup.py"));

        LessonResult lesson = runOne(plan);

        assertThat(lesson.steps()).extracting(r -> r.step().line(), StepResult::status).containsExactly(
                tuple(10, Status.RAN), tuple(12, Status.PASSED), tuple(14, Status.FAILED), tuple(16, Status.FAILED));
    }

    @Test
    void whatASkippedStepWouldHaveFetchedSkipsTheStepsThatUseItAndThoseInsideItsFolder() {
        Plan plan = plan(run(10, "git clone https://docproof-test.invalid/org/starter.git"),
                run(12, "cd starter"),
                run(14, "ls", "README.md"),
                run(16, "cd .."),
                run(18, "echo back in $(basename $PWD) | sed 's/in .*/in place/'", "back in place"),
                run(20, "cat starter/README.md"),
                run(22, "cd starter/src && ls"),
                run(24, "cd /tmp && pwd", "/tmp"));

        LessonResult lesson = runOne(plan);

        assertThat(lesson.steps()).extracting(r -> r.step().line(), StepResult::status).containsExactly(
                tuple(10, Status.SKIPPED), tuple(12, Status.SKIPPED), tuple(14, Status.SKIPPED), tuple(16, Status.SKIPPED),
                tuple(18, Status.PASSED), tuple(20, Status.SKIPPED), tuple(22, Status.SKIPPED), tuple(24, Status.PASSED));
        String clone = ((Outcome.Skipped) lesson.steps().get(0).outcome()).reason();
        assertThat(lesson.steps().get(1).outcome()).isEqualTo(new Outcome.Skipped(
                "needs starter, which line 10 would have fetched (it was skipped: " + clone + ")"));
        assertThat(lesson.steps().get(2).outcome()).isEqualTo(new Outcome.Skipped("runs inside starter, which the session"
                + " could not enter: starter is missing, which line 10 would have fetched (it was skipped: " + clone + ")"));
    }

    @Test
    void aCommandThatPrintsUntilStoppedGetsCtrlCAfterALookAndWhatRanBeforeItRunsOn() {
        Plan plan = plan(run(10, "printf 'one\\ntwo\\n' > log.txt && sleep 300 & echo started", "started"),
                run(12, "tail -f log.txt", "one", "two"),
                run(14, "kill -0 $! && echo still running", "still running"),
                run(16, "tail -n 1 log.txt", "two"));

        LessonResult lesson = runOne(plan);

        assertThat(lesson.steps()).extracting(r -> r.step().line(), StepResult::status).containsExactly(
                tuple(10, Status.PASSED), tuple(12, Status.PASSED), tuple(14, Status.PASSED), tuple(16, Status.PASSED));
        assertThat(lesson.steps().get(1).notes()).containsExactly(new Note.StoppedLikeCtrlC(Duration.ofSeconds(5)));
        assertThat(lesson.steps().get(1).duration()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15));
        assertThat(lesson.steps().get(3).notes()).isEmpty();
    }

    @Test
    void runsStepsInOrderJudgesEachBindsTheTemplateAndRemovesWhatTheLessonLeftBehind() {
        String image = LedgerTestEngine.tinyImage();
        Plan plan = plan(
                run(10, "docker network create " + net),
                template(12, "docker network inspect <network name>"),
                run(14, "docker create --name " + box + " --network " + net + " " + image + " >/dev/null"),
                run(16, "docker network inspect " + net + " --format '{{.Name}}'", net),
                run(18, "docker network inspect " + net + " --format '{{.Driver}}'", "overlay"),
                run(20, "docker network remove"),
                run(22, "echo after"));

        CourseResult course = CourseRunner.run(List.of(plan), settings(false, false, Duration.ofSeconds(60)),
                recorder, collaborators(NO_REPAIR));

        assertThat(course.engineVersion()).isNotBlank();
        LessonResult lesson = course.lessons().get(0);
        assertThat(lesson.setupError()).isNull();
        assertThat(lesson.steps()).extracting(r -> r.step().line(), StepResult::status).containsExactly(
                tuple(10, Status.RAN), tuple(12, Status.BOUND), tuple(14, Status.RAN), tuple(16, Status.PASSED),
                tuple(18, Status.FAILED), tuple(20, Status.FAILED), tuple(22, Status.RAN));
        // The one network the lesson made before the template fills its placeholder.
        assertThat(lesson.steps().get(1).outcome()).isEqualTo(new Outcome.Bound("docker network inspect " + net,
                "<network name> → " + net + " (network " + net + " made at line 10 and still there)", new Outcome.Ran(), true));
        StepResult mismatch = lesson.steps().get(4);
        assertThat(mismatch.exitCode()).isZero();
        assertThat(mismatch.outcome()).isInstanceOf(Outcome.Mismatch.class);
        assertThat(mismatch.outcome().describe()).isEqualTo("the output does not match the sample at line 19");
        StepResult usage = lesson.steps().get(5);
        assertThat(usage.exitCode()).isEqualTo(1);
        assertThat(usage.outcome()).isEqualTo(new Outcome.ExitCode(1, null));
        assertThat(usage.output().merged()).contains("requires at least 1 argument");
        assertThat(lesson.ledger()).extracting(e -> e.resource().kind(), e -> e.resource().name(),
                        e -> e.createdAtLine(), e -> e.createdInSection())
                .containsExactly(tuple(ResourceKind.NETWORK, net, 10, "Section 10"),
                        tuple(ResourceKind.CONTAINER, box, 14, "Section 14"));
        assertThat(lesson.leaks()).containsExactly(new Leak(ResourceKind.CONTAINER, box, 14, true),
                new Leak(ResourceKind.NETWORK, net, 10, true));
        assertThat(docker("network", "ls", "-q", "--filter", "name=^" + net + "$")).isEmpty();
        assertThat(docker("ps", "-aq", "--filter", "name=^" + box + "$")).isEmpty();
        assertThat(events).containsExactly("lesson", "start 10", "ran 10", "start 12", "bound 12", "start 14", "ran 14",
                "start 16", "passed 16", "start 18", "failed 18", "start 20", "failed 20", "start 22", "ran 22", "done");
    }

    @Test
    void aFailedStepThatTheEvidenceRepairsIsRunAgainAndReportedRepaired() {
        List<String> askedWith = new ArrayList<>();
        CourseRunner.Repairer fillTheNetwork = (step, output, ledger) -> {
            askedWith.add(ledger.stream().map(e -> e.resource().name()).toList() + " " + output.contains("requires"));
            return new GapRepair.Proposal.Fill(new Repair(step.command(), step.command() + " " + net,
                    "network " + net + " created at line 10"));
        };
        Plan plan = plan(run(10, "docker network create " + net), run(20, "docker network remove"));

        LessonResult lesson = CourseRunner.run(List.of(plan), settings(false, true, Duration.ofSeconds(60)),
                RunListener.NONE, collaborators(fillTheNetwork)).lessons().get(0);

        assertThat(askedWith).containsExactly("[" + net + "] true");
        StepResult repaired = lesson.steps().get(1);
        assertThat(repaired.status()).isEqualTo(Status.REPAIRED);
        assertThat(repaired.repair().command()).isEqualTo("docker network remove " + net);
        assertThat(repaired.exitCode()).isZero();
        assertThat(repaired.outcome()).isInstanceOfSatisfying(Outcome.Repaired.class,
                o -> assertThat(o.rerun()).isInstanceOf(Outcome.Ran.class));
        assertThat(lesson.ledger()).singleElement().satisfies(e -> assertThat(e.removedAtLine()).isEqualTo(20));
        assertThat(lesson.leaks()).isEmpty();
    }

    @Test
    void aNameTheEngineMadeUpIsNeverOfferedToTheRepair() {
        List<List<String>> offered = new ArrayList<>();
        CourseRunner.Repairer record = (step, output, ledger) -> {
            offered.add(ledger.stream().map(e -> e.resource().name()).toList());
            return new GapRepair.Proposal.None("nothing offered", List.of());
        };
        String image = LedgerTestEngine.tinyImage();
        Plan plan = plan(run(10, "docker create " + image), run(12, "docker network create " + net),
                run(20, "docker rm"));

        LessonResult lesson = CourseRunner.run(List.of(plan), settings(false, true, Duration.ofSeconds(60)),
                RunListener.NONE, collaborators(record)).lessons().get(0);

        assertThat(offered).containsExactly(List.of(net));
        assertThat(lesson.steps().get(2).status()).isEqualTo(Status.FAILED);
        assertThat(lesson.leaks()).extracting(Leak::kind).containsExactlyInAnyOrder(ResourceKind.CONTAINER,
                ResourceKind.NETWORK);
    }

    @Test
    void aRepairThatFindsNothingLeavesTheStepFailedWithTheReason() {
        CourseRunner.Repairer nothing = (step, output, ledger) -> new GapRepair.Proposal.None("no network was created",
                List.of());
        Plan plan = plan(run(20, "docker network remove"));

        StepResult r = CourseRunner.run(List.of(plan), settings(false, true, Duration.ofSeconds(60)), RunListener.NONE,
                collaborators(nothing)).lessons().get(0).steps().get(0);

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.notes()).containsExactly(new Note.NoRepair("no network was created", List.of()));
    }

    @Test
    void aStepMarkedSkipIsNotRunButSkippedWithItsReasonAndTheLessonGoesOn(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path touched = dir.resolve("touched");
        Plan plan = plan(run(10, "touch " + touched).withMarks(dev.docproof.lesson.Marks.NONE.withSkip("needs a registry")),
                run(12, "echo next"));

        LessonResult lesson = CourseRunner.run(List.of(plan), settings(false, false, Duration.ofSeconds(60)),
                RunListener.NONE, collaborators(NO_REPAIR)).lessons().get(0);

        assertThat(lesson.steps().get(0).outcome()).isEqualTo(new Outcome.Skipped("needs a registry"));
        assertThat(lesson.steps().get(1).status()).isEqualTo(Status.RAN);
        assertThat(touched).doesNotExist();
    }

    @Test
    void failFastLeavesTheStepsAfterTheFirstFailureNotRun() {
        Plan plan = plan(run(10, "false"), run(12, "echo never"));

        LessonResult lesson = CourseRunner.run(List.of(plan), settings(true, false, Duration.ofSeconds(60)),
                RunListener.NONE, collaborators(NO_REPAIR)).lessons().get(0);

        assertThat(lesson.steps()).extracting(StepResult::status).containsExactly(Status.FAILED, Status.NOT_RUN);
        assertThat(lesson.steps().get(1).outcome())
                .isEqualTo(new Outcome.NotRun(Outcome.NotRun.Why.AFTER_FAIL_FAST, 10));
        assertThat(lesson.steps().get(1).outcome().describe()).contains("--fail-fast", "line 10");
    }

    @Test
    void aStepPastItsDeadlineFailsAsTimedOutAndTheLessonGoesOn() {
        Plan plan = plan(run(10, "echo started; sleep 30"), run(12, "echo next"));

        LessonResult lesson = CourseRunner.run(List.of(plan), settings(false, false, Duration.ofSeconds(1)),
                RunListener.NONE, collaborators(NO_REPAIR)).lessons().get(0);

        StepResult slow = lesson.steps().get(0);
        assertThat(slow.status()).isEqualTo(Status.FAILED);
        assertThat(slow.outcome()).isInstanceOf(Outcome.TimedOut.class);
        assertThat(slow.exitCode()).isNull();
        assertThat(slow.outcome().describe()).contains("deadline of 1.0s");
        assertThat(slow.output().merged()).isEqualTo("started\n");
        assertThat(lesson.steps().get(1).status()).isEqualTo(Status.RAN);
    }

    @Test
    void aNameTheEngineAlreadyHasStopsTheLessonBeforeItRunsAndIsNeverTouched() {
        docker("network", "create", net);
        Plan plan = plan(run(8, "echo first"), run(10, "docker network create " + net));

        LessonResult lesson = runOne(plan);

        assertThat(lesson.setupError().kind()).isEqualTo(SetupError.Kind.NAME_TAKEN);
        assertThat(lesson.setupError().message()).startsWith("fixture.rst:10: the lesson creates the network \"" + net + "\"")
                .contains("not created by this lesson", "`docker network rm " + net + "`");
        assertThat(lesson.steps()).extracting(StepResult::status).containsOnly(Status.NOT_RUN);
        assertThat(events).containsExactly("lesson", "not-run 8", "not-run 10", "done");
        assertThat(docker("network", "ls", "-q", "--filter", "name=^" + net + "$")).isNotEmpty();
    }

    @Test
    void aStepChangingTheSwarmModeOfThisMachinesEngineStopsTheLessonBeforeItRunsUnlessMarkedSkip() {
        // `false &&`: were it run after all, the step would still leave the engine as it is.
        Plan plan = plan(run(8, "echo first"), run(10, "false && docker swarm init"));
        Step marked = run(12, "docker swarm leave --force").withMarks(dev.docproof.lesson.Marks.NONE.withSkip("a swarm of its own"));

        CourseResult course = CourseRunner.run(List.of(plan, plan(run(8, "echo first"), marked)),
                settings(false, false, Duration.ofSeconds(60)), recorder, collaborators(NO_REPAIR));

        LessonResult refused = course.lessons().get(0);
        assertThat(refused.setupError().kind()).isEqualTo(SetupError.Kind.SHARED_ENGINE);
        assertThat(refused.setupError().message()).isEqualTo("fixture.rst:10: `docker swarm init` changes the swarm mode"
                + " of this machine's engine for every user of it, which docproof cannot undo after the lesson; run the"
                + " lesson in its sandbox (without --isolation host), or mark the step `docproof: skip`");
        assertThat(refused.steps()).extracting(StepResult::status).containsOnly(Status.NOT_RUN);
        assertThat(course.lessons().get(1).setupError()).isNull();
        assertThat(course.lessons().get(1).steps()).extracting(StepResult::status).containsExactly(Status.RAN, Status.SKIPPED);
    }

    @Test
    void aStepStartingAContainerFromAnImageTheEngineLacksIsSkippedAndTheLessonsGoOn() {
        String absent = "docproof-test-run-absent-" + net.substring(net.length() - 8) + ":1";
        Plan plan = plan(run(10, "docker run -d --name " + box + " " + absent), run(12, "echo after"));

        CourseResult course = CourseRunner.run(List.of(plan, plan(run(3, "echo other"))),
                settings(false, false, Duration.ofSeconds(60)), RunListener.NONE, collaborators(NO_REPAIR));

        assertThat(course.lessons()).allSatisfy(l -> assertThat(l.setupError()).isNull());
        assertThat(course.lessons().get(0).steps()).extracting(StepResult::outcome).containsExactly(
                new Outcome.Skipped("needs a registry to pull " + absent + ": it is not on the engine and content/images"
                        + " has no recipe for it; docproof never pulls implicitly"), new Outcome.Ran());
        assertThat(course.lessons().get(1).steps()).extracting(StepResult::status).containsExactly(Status.RAN);
        assertThat(docker("ps", "-aq", "--filter", "name=^" + box + "$")).isEmpty();
    }

    @Test
    void aResourceAnotherProcessCreatesDuringAStepIsNeitherTheLessonsNorRemoved() throws Exception {
        String foreign = LedgerTestEngine.uniqueName("foreign");
        Path signals = java.nio.file.Files.createTempDirectory("docproof-test-run-signals-");
        try {
            // The step waits (on files, not time) while this test, standing for another user of the engine,
            // creates a network; the step itself only inspects.
            Plan plan = plan(
                    run(10, "docker network create " + net + " >/dev/null"),
                    run(12, "touch " + signals + "/go; docker network inspect bridge >/dev/null;"
                            + " until [ -e " + signals + "/done ]; do sleep 0.01; done"));
            Thread other = new Thread(() -> {
                try {
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (!java.nio.file.Files.exists(signals.resolve("go")) && System.nanoTime() < deadline) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    }
                    LedgerTestEngine.docker("network", "create", foreign);
                } finally {
                    try {
                        java.nio.file.Files.createFile(signals.resolve("done"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            other.start();

            CourseResult course = CourseRunner.run(List.of(plan), settings(false, false, Duration.ofSeconds(60)),
                    RunListener.NONE, collaborators(NO_REPAIR));
            other.join();

            LessonResult lesson = course.lessons().get(0);
            assertThat(lesson.steps()).extracting(StepResult::status).containsOnly(Status.RAN);
            assertThat(lesson.ledger()).extracting(e -> e.resource().name()).containsExactly(net);
            assertThat(lesson.leaks()).containsExactly(new Leak(ResourceKind.NETWORK, net, 10, true));
            assertThat(LedgerTestEngine.docker("network", "ls", "--format", "{{.Name}}").lines())
                    .as("the other process's network is still there").contains(foreign).doesNotContain(net);
        } finally {
            LedgerTestEngine.removeQuietly("network", "rm", foreign);
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(signals)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
