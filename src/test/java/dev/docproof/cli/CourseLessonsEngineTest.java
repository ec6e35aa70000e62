package dev.docproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course-pattern fixtures on the real engine, through {@code docproof site}: a Dockerfile written from a
 * block, an image built from the offline base and run, a placeholder and an author's id bound to the
 * container the lesson made; a registry pull and a {@code brew} step skipped with reasons; a foreground
 * server run in the background and stopped; an env-file block left as data; credentials masked on the site.
 */
class CourseLessonsEngineTest {

    private static final String FIXTURES = "src/test/resources/courselessons";

    @BeforeAll
    static void engine() {
        TestEngine.ready();
    }

    @Test
    void courseLessonsPassWithBoundStepsSkippedNeedsAndMaskedCredentials(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path json = dir.resolve("report.json");
        Path site = dir.resolve("site");

        int code = Main.execute(new String[] {"site", "--json", json.toString(), "--out", site.toString(), FIXTURES},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(out + "\n" + err).isEqualTo(Main.OK);
        Map<String, JsonNode> steps = steps(new ObjectMapper().readTree(json.toFile()));
        assertThat(steps.get("build-and-bind.rst:8").get("status").asText()).isEqualTo("ran");
        assertThat(steps.get("build-and-bind.rst:8").get("reason").asText()).isEqualTo("written to Dockerfile");
        assertThat(steps.get("build-and-bind.rst:15").get("status").asText()).isEqualTo("ran");
        assertThat(steps.get("build-and-bind.rst:21").get("status").asText()).isEqualTo("passed");
        for (String bound : new String[] {"build-and-bind.rst:28", "build-and-bind.rst:35", "build-and-bind.rst:37"}) {
            assertThat(steps.get(bound).get("status").asText()).as(bound).isEqualTo("bound");
            assertThat(steps.get(bound).get("binding").get("command").asText()).as(bound)
                    .matches("docker \\w+ [0-9a-f]{12}");
            assertThat(steps.get(bound).get("reason").asText()).as(bound)
                    .matches("(?s)ran as `docker \\w+ [0-9a-f]{12}` \\(.* → [0-9a-f]{12} \\(container \\S+ made at line 21"
                            + " and still there\\)\\): .*");
        }
        assertThat(steps.get("outside-world.md:6").get("status").asText()).isEqualTo("skipped");
        assertThat(steps.get("outside-world.md:6").get("reason").asText()).contains("needs a registry to pull redis:alpine");
        assertThat(steps.get("outside-world.md:12").get("status").asText()).isEqualTo("skipped");
        assertThat(steps.get("outside-world.md:12").get("reason").asText())
                .isEqualTo("skipped: needs the program brew, which the session lacks");
        assertThat(steps.get("outside-world.md:25").get("reason").asText())
                .matches("runs in the background \\(port 8765 listening after \\d+ ms\\); stopped when the lesson ends");
        assertThat(steps.get("outside-world.md:31").get("status").asText()).isEqualTo("passed");
        assertThat(steps.get("outside-world.md:38").get("reason").asText()).isEqualTo("skipped: needs a registry to pull"
                + " hello-world: it is not on the engine and content/images has no recipe for it; docproof never pulls implicitly");
        assertThat(steps.keySet()).noneMatch(k -> k.startsWith("outside-world.md:1") && !k.equals("outside-world.md:12"));
        assertThat(steps.get("credentials.adoc:14").get("output").asText()).isEqualTo("aws_access_key_id = AKIA********\n");

        // Markers: an expected exit code, a variable for one step, a deadline of the step's own over the
        // course's (2s in docproof.yml), a background loop awaited by its ready: command, a need, a skip.
        assertThat(steps.get("markers.adoc:8").get("status").asText()).isEqualTo("passed");
        assertThat(steps.get("markers.adoc:8").get("exitCode").asInt()).isEqualTo(2);
        assertThat(steps.get("markers.adoc:17").get("status").asText()).isEqualTo("passed");
        assertThat(steps.get("markers.adoc:25").get("status").asText()).as("the variable was the step's only")
                .isEqualTo("passed");
        assertThat(steps.get("markers.adoc:34").get("status").asText()).isEqualTo("passed");
        assertThat(steps.get("markers.adoc:44").get("reason").asText())
                .matches("runs in the background \\(`test -s ticks.txt` succeeded after \\d+ ms\\); stopped when the lesson ends");
        assertThat(steps.get("markers.adoc:49").get("status").asText()).isEqualTo("passed");
        assertThat(steps.get("markers.adoc:58").get("reason").asText())
                .isEqualTo("skipped: needs the program minikube, which the session lacks");
        assertThat(steps.get("markers.adoc:64").get("reason").asText()).isEqualTo("skipped: the cluster is yours to remove");
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse("")))
                .as("the background loop was stopped with its lesson").noneMatch(c -> c.contains("ticks.txt"));
        // A base image only a registry has: the build is skipped with the recipe hint, and so is the run of
        // what it would have made; a clone from the internet; a short id documented where the full one prints.
        assertThat(steps.get("offline-base.rst:9").get("reason").asText()).isEqualTo("written to Dockerfile");
        assertThat(steps.get("offline-base.rst:14").get("status").asText()).isEqualTo("skipped");
        assertThat(steps.get("offline-base.rst:14").get("reason").asText())
                .contains("needs image centos:7 to build from").contains("add a recipe under content/images/");
        assertThat(steps.get("offline-base.rst:15").get("reason").asText())
                .startsWith("skipped: needs image docproof-test-centos, which the lesson did not make (line 14 was skipped:");
        assertThat(steps.get("offline-base.rst:21").get("reason").asText()).contains("needs the internet (github.com)");
        assertThat(steps.get("offline-base.rst:38").get("status").asText()).isEqualTo("passed");
        assertThat(steps.get("offline-base.rst:38").get("drift").toString()).contains("9b2d1a4c7e6f");
        assertThat(steps.get("offline-base.rst:40").get("status").asText()).isEqualTo("passed");
        assertThat(steps.get("legacy-swarm.md:4").get("reason").asText())
                .isEqualTo("skipped: needs a Docker Swarm (docproof.yml)");

        // The server was stopped when its lesson ended: nothing listens on its port any more.
        try (java.net.Socket socket = new java.net.Socket()) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> socket.connect(new java.net.InetSocketAddress("127.0.0.1", 8765), 500))).isNotNull();
        }
        String credentialsPage = html(site, "credentials");
        assertThat(credentialsPage).doesNotContain("AKIAIOSFODNN7EXAMPLE").contains("AKIA********");
        String buildPage = html(site, "build-and-bind");
        assertThat(buildPage).contains("written to Dockerfile").contains("bound");
    }

    private static Map<String, JsonNode> steps(JsonNode report) {
        Map<String, JsonNode> steps = new HashMap<>();
        for (JsonNode lesson : report.get("lessons")) {
            String name = Path.of(lesson.get("source").asText()).getFileName().toString();
            for (JsonNode step : lesson.get("steps")) {
                steps.put(name + ":" + step.get("line").asInt(), step);
            }
        }
        return steps;
    }

    private static String html(Path site, String stem) throws Exception {
        try (Stream<Path> files = Files.walk(site)) {
            Path page = files.filter(p -> p.getFileName().toString().startsWith(stem) && p.toString().endsWith(".html"))
                    .findFirst().orElseThrow(() -> new AssertionError("no page for " + stem));
            return Files.readString(page);
        }
    }
}
