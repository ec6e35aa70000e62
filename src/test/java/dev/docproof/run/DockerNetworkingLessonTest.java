package dev.docproof.run;

import dev.docproof.cli.Main;
import dev.docproof.docker.ResourceKind;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.StepKind;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;
import org.zeroturnaround.exec.ProcessExecutor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
        assertThat(lesson.count(Status.NOT_RUN)).isEqualTo(10);
        for (StepResult r : lesson.steps()) {
            if (r.step().kind() == StepKind.TEMPLATE) {
                assertThat(r.status()).as("line %d", r.step().line()).isEqualTo(Status.NOT_RUN);
            } else if (r.step().line() != 262) {
                assertThat(r.status()).as("line %d: %s", r.step().line(), r.reason()).isEqualTo(Status.PASSED);
            }
        }
        StepResult curl = byLine.get(241);
        assertThat(curl.match().drift()).as("the server's address differs from the lesson's").isNotEmpty();
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
