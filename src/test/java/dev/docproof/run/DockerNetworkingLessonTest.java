package dev.docproof.run;

import dev.docproof.cli.Main;
import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.ResourceKind;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.StepKind;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;
import org.zeroturnaround.exec.ProcessExecutor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole course lesson on the real engine, through the real reader, planner, matcher and repair.
 * It uses the lesson's fixed names (networking-test, my-network, server, client, /tmp/networking-test),
 * so it must not run while anyone else runs the lesson on the same engine; it needs the images
 * launchcodedevops/simple-http and launchcodedevops/simple-client. Run it on its own:
 * {@code mvn -o test -Dtest=DockerNetworkingLessonTest}.
 */
class DockerNetworkingLessonTest {

    private static final Path LESSON = Path.of("content/docker-networking.rst");

    private static Plan plan() {
        return Planner.plan(LessonFiles.read(LESSON));
    }

    @Test
    void everyStepOfTheLessonGetsItsVerdictAndTheRepairFillsInTheNetwork() throws Exception {
        Plan plan = plan();
        assertThat(plan.steps().stream().filter(s -> s.kind() == StepKind.RUN)).hasSize(16);
        assertThat(plan.steps().stream().filter(s -> s.kind() == StepKind.TEMPLATE)).hasSize(10);

        CourseResult course = CourseRunner.run(List.of(plan),
                new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false, true, Path.of("content")), RunListener.NONE);

        LessonResult lesson = course.lessons().get(0);
        assertThat(lesson.setupError()).isNull();
        Map<Integer, StepResult> byLine = lesson.steps().stream()
                .collect(Collectors.toMap(r -> r.step().line(), r -> r));
        assertThat(lesson.tally().notRun()).isEqualTo(10);
        assertThat(byLine.get(45).status()).isEqualTo(Status.RAN);
        assertThat(byLine.get(52).status()).isEqualTo(Status.NOT_RUN);
        assertThat(byLine.get(241).status()).isEqualTo(Status.PASSED);
        for (StepResult r : lesson.steps()) {
            if (r.step().kind() == StepKind.TEMPLATE) {
                assertThat(r.status()).as("line %d", r.step().line()).isEqualTo(Status.NOT_RUN);
            } else if (r.step().line() != 262) {
                // Only line 241 documents output; every other runnable step can only have run.
                assertThat(r.status()).as("line %d: %s", r.step().line(), r.outcome().describe())
                        .isEqualTo(r.step().line() == 241 ? Status.PASSED : Status.RAN);
            }
        }
        StepResult curl = byLine.get(241);
        assertThat(curl.match().outcome()).isEqualTo(dev.docproof.verify.MatchResult.Outcome.MATCHED);
        // The engine's address for the server, where it is not the lesson's (it rarely is), is drift, not a failure.
        assertThat(curl.match().drift()).hasSizeLessThanOrEqualTo(1)
                .allMatch(d -> d.matches("line 246: 172\\.28\\.0\\.2 → \\d+\\.\\d+\\.\\d+\\.\\d+"));
        StepResult remove = byLine.get(262);
        assertThat(remove.status()).isEqualTo(Status.REPAIRED);
        assertThat(remove.repair().command()).isEqualTo("docker network remove networking-test");

        assertThat(lesson.leaks()).containsExactlyInAnyOrder(
                new Leak(ResourceKind.NETWORK, "my-network", 152, true),
                new Leak(ResourceKind.CONTAINER, "client", 221, true));
        assertThat(course.engineVersion()).isNotBlank();
        assertNothingLeft();
    }

    @Test
    void withoutRepairTheNamelessNetworkRemovalFailsWithTheUsageError() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.execute(new String[] {"check", "--no-repair", LESSON.toString()}, new PrintWriter(out),
                new PrintWriter(err));

        assertThat(code).as("stdout:%n%s%nstderr:%n%s", out, err).isEqualTo(1);
        assertThat(out.toString()).contains("262");
        assertNothingLeft();
    }

    @Test
    void twoRunsInARowGiveTheSameVerdictsAndLeaveNothingBehind() throws Exception {
        List<List<String>> verdicts = new ArrayList<>();
        for (int run = 1; run <= 2; run++) {
            CourseResult course = CourseRunner.run(List.of(plan()),
                    new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false, true, Path.of("content")),
                    RunListener.NONE);
            LessonResult lesson = course.lessons().get(0);
            assertThat(lesson.setupError()).as("run %d", run).isNull();
            assertThat(lesson.tally().failed()).as("run %d", run).isZero();
            verdicts.add(verdicts(lesson));
            assertNothingLeft();
            assertNoneOfTheLessonsResourcesRemain(lesson);
        }
        assertThat(verdicts.get(1)).isEqualTo(verdicts.get(0));
    }

    /**
     * Each step's verdict without what legitimately changes between runs: the address the engine gives
     * the server. It differs from the lesson's (drift at line 246) unless the engine happens to hand out
     * the documented one, so drift is checked to be that address and nothing else, then left out.
     */
    static List<String> verdicts(LessonResult lesson) {
        List<String> lines = new ArrayList<>();
        for (StepResult r : lesson.steps()) {
            if (r.match() != null) {
                assertThat(r.match().drift()).as("line %d", r.step().line())
                        .allMatch(d -> d.matches("line 246: 172\\.28\\.0\\.2 → \\d+\\.\\d+\\.\\d+\\.\\d+"));
            }
            String match = r.match() == null ? "no match" : r.match().outcome()
                    + ", abridged " + r.match().abridged() + ", diff " + r.match().diff();
            lines.add(r.step().line() + ": " + r.status() + ", exit " + r.exitCode() + ", " + match
                    + (r.repair() == null ? "" : ", repaired to " + r.repair().command()));
        }
        lesson.leaks().forEach(leak -> lines.add("leak " + leak));
        return lines;
    }

    /** Every container and network the ledger saw the lesson create is gone, by id. */
    private static void assertNoneOfTheLessonsResourcesRemain(LessonResult lesson) throws Exception {
        List<String> present = new ArrayList<>();
        for (String[] list : List.of(new String[] {"ps", "-aq", "--no-trunc"},
                new String[] {"network", "ls", "-q", "--no-trunc"})) {
            List<String> command = new ArrayList<>(List.of("docker"));
            command.addAll(List.of(list));
            present.addAll(new ProcessExecutor(command).readOutput(true).timeout(30, TimeUnit.SECONDS).execute()
                    .outputUTF8().lines().toList());
        }
        List<LedgerEntry> created = lesson.ledger().stream().filter(e -> e.createdAtLine() > 0).toList();
        assertThat(created).extracting(e -> e.resource().name())
                .contains("my-network", "networking-test", "server", "client");
        assertThat(created).extracting(e -> e.resource().id()).doesNotContainAnyElementsOf(present);
        assertThat(Path.of("/tmp/networking-test")).doesNotExist();
    }

    /** The lesson's own names are gone from the engine: what it left was removed, and only that. */
    private static void assertNothingLeft() throws Exception {
        String containers = new ProcessExecutor("docker", "ps", "-a", "--format", "{{.Names}}").readOutput(true)
                .timeout(30, TimeUnit.SECONDS).execute().outputUTF8();
        String networks = new ProcessExecutor("docker", "network", "ls", "--format", "{{.Name}}").readOutput(true)
                .timeout(30, TimeUnit.SECONDS).execute().outputUTF8();
        assertThat(containers.lines()).doesNotContain("server", "client");
        assertThat(networks.lines()).doesNotContain("networking-test", "my-network");
    }

}
