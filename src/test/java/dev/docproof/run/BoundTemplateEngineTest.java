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
import java.nio.file.Files;
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
    void removeWhatTheLessonsLeft() throws Exception {
        docker("rm", "-f", "docproof-test-bound-web");
        docker("network", "rm", "docproof-test-bound");
        docker("network", "rm", "docproof-findings-net");
    }

    /**
     * {@code src/test/resources/findings/lesson.rst} run and rendered for real: every finding is on the console at
     * its line and column, in the JSON report, and on its page after the block that holds its line.
     */
    @Test
    void everyFindingOfARealRunIsReportedAtItsLineAndShownOnTheSiteAtItsPlace() throws Exception {
        TestEngine.ready();
        String lesson = "src/test/resources/findings/lesson.rst";
        Path json = dir.resolve("report.json");
        Path site = dir.resolve("site");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.execute(new String[] {"site", "--json", json.toString(), "--out", site.toString(), lesson},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as("stdout:%n%s%nstderr:%n%s", out, err).isZero();
        List<String> findings = new ArrayList<>();
        new ObjectMapper().readTree(json.toFile()).get("lessons").get(0).get("findings")
                .forEach(f -> findings.add(f.get("line") + ":" + f.get("column") + " " + f.get("kind").asText()));
        assertThat(findings).containsExactly("5:21 unknown-option", "12:4 stale-sample", "14:6 bound-run-failed",
                "14:29 unknown-option", "15:6 unverified-template", "15:13 unknown-command");
        assertThat(out.toString()).contains(
                lesson + ":5:21: warning: `docker network ls` has no option --filtr; did you mean --filter?",
                lesson + ":12:4: warning: stale sample: `...            <network name>          overlay   swarm` is never"
                        + " printed by `docker network ls --filter name=docproof-findings-net` (its instance at line 13"
                        + " printed `",
                "docproof-findings-net   bridge    local` instead)",
                lesson + ":14:6: warning: template `docker network inspect --formatt '{{.Name}}' <network name>` exited"
                        + " with 125 when run bound (run bound as `docker network inspect --formatt '{{.Name}}'"
                        + " docproof-findings-net`",
                lesson + ":14:29: warning: `docker network inspect` has no option --formatt; did you mean --format?",
                lesson + ":15:13: warning: `docker` has no command netwrk; did you mean docker network?");

        String page = Files.readString(site.resolve("lesson.html"));
        int firstBlock = page.indexOf("id=\"L9\"");
        int secondBlock = page.indexOf("id=\"L22\"");
        assertThat(page.indexOf("id=\"F5-21\"")).as("the prose finding, after its paragraph").isPositive()
                .isLessThan(firstBlock);
        for (String id : List.of("F12-4", "F14-6", "F14-29", "F15-6", "F15-13")) {
            assertThat(page.indexOf("id=\"" + id + "\"")).as(id + ", after the block holding its line")
                    .isGreaterThan(firstBlock).isLessThan(secondBlock);
        }
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
