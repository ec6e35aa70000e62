package dev.docproof.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.cli.Main;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates with no instance, bound from what the lesson made and run at their place on the real engine
 * ({@code src/test/resources/findings/bound.rst}): the ones that only read run bound and their samples are
 * compared; the one that changes state is never run. Uses the names docproof-test-bound and
 * docproof-test-bound-web, and removes them if the lesson left them.
 */
class BoundTemplateEngineTest {

    private static final String LESSON = "src/test/resources/findings/bound.rst";

    @TempDir
    Path dir;

    @AfterEach
    void removeWhatTheLessonLeft() throws Exception {
        docker("rm", "-f", "docproof-test-bound-web");
        docker("network", "rm", "docproof-test-bound");
    }

    @Test
    void aReadOnlyTemplateIsRunBoundAndItsStaleSampleIsFoundWhileAStateChangingOneNeverRuns() throws Exception {
        TestEngine.ready();
        Path json = dir.resolve("report.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.execute(new String[] {"check", "--json", json.toString(), LESSON},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as("findings never fail a run by default%nstdout:%n%s%nstderr:%n%s", out, err).isZero();
        JsonNode lesson = new ObjectMapper().readTree(json.toFile()).get("lessons").get(0);
        JsonNode driver = step(lesson, 15);
        assertThat(driver.get("status").asText()).isEqualTo("bound");
        assertThat(driver.get("match").asText()).isEqualTo("matched");
        assertThat(driver.get("binding").get("command").asText())
                .isEqualTo("docker network inspect --format '{{.Name}} {{.Driver}}' docproof-test-bound");
        assertThat(driver.get("binding").get("evidence").asText()).isEqualTo("<network name> → docproof-test-bound"
                + " (network docproof-test-bound made at line 8 and still there)");
        JsonNode scope = step(lesson, 22);
        assertThat(scope.get("status").asText()).isEqualTo("bound");
        assertThat(scope.get("output").asText()).isEqualTo("docproof-test-bound local\n");
        JsonNode stop = step(lesson, 29);
        assertThat(stop.get("status").asText()).isEqualTo("not-run");
        assertThat(step(lesson, 33).get("status").asText()).as("the container still runs: the stop was never run")
                .isEqualTo("passed");

        List<String> findings = new ArrayList<>();
        lesson.get("findings").forEach(f -> findings.add(f.get("line") + ":" + f.get("column") + " "
                + f.get("kind").asText() + " " + f.get("message").asText() + " | " + f.get("evidence").asText()));
        assertThat(findings).containsExactly(
                "23:4 stale-sample stale sample: `docproof-test-bound swarm` is never printed by `docker network inspect"
                        + " --format '{{.Name}} {{.Scope}}' docproof-test-bound` | run bound as `docker network inspect"
                        + " --format '{{.Name}} {{.Scope}}' docproof-test-bound`, <network name> → docproof-test-bound"
                        + " (network docproof-test-bound made at line 8 and still there); it printed"
                        + " `docproof-test-bound local` instead",
                "29:6 unverified-template template `docker stop <container name>` is unverified: no runnable step of"
                        + " the lesson is an instance of it | null");
        assertThat(out.toString()).contains(LESSON + ":23:4: warning: stale sample: `docproof-test-bound swarm`",
                LESSON + ":15: bound    docker network inspect --format '{{.Name}} {{.Driver}}' <network name>");

        int strict = Main.execute(new String[] {"check", "--strict", LESSON}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        assertThat(strict).as("--strict makes a warning finding a failure").isEqualTo(Main.FAILURES);
    }

    private static JsonNode step(JsonNode lesson, int line) {
        for (JsonNode step : lesson.get("steps")) {
            if (step.get("line").asInt() == line) {
                return step;
            }
        }
        throw new AssertionError("no step at line " + line);
    }

    private static void docker(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        new ProcessExecutor(command).readOutput(true).timeout(30, TimeUnit.SECONDS).execute();
    }
}
