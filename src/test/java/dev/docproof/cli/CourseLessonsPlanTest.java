package dev.docproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plan --format json} on the course-pattern fixtures shows file steps, markers, needs and bindings. */
class CourseLessonsPlanTest {

    private static JsonNode plan(String file) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"plan", "--format", "json", "src/test/resources/courselessons/" + file},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).isEmpty();
        assertThat(code).isEqualTo(Main.OK);
        return new ObjectMapper().readTree(out.toString()).get("lessons").get(0);
    }

    private static JsonNode stepAt(JsonNode lesson, int line) {
        for (JsonNode block : lesson.get("blocks")) {
            for (JsonNode step : block.get("steps")) {
                if (step.get("line").asInt() == line) {
                    return step;
                }
            }
        }
        throw new AssertionError("no step at line " + line);
    }

    @Test
    void planJsonShowsFileStepsAndBindings() throws Exception {
        JsonNode lesson = plan("build-and-bind.rst");

        assertThat(stepAt(lesson, 8).get("file").asText()).isEqualTo("Dockerfile");
        JsonNode logs = stepAt(lesson, 28).get("bindings").get(0);
        assertThat(logs.get("written").asText()).isEqualTo("{container id}");
        assertThat(logs.get("kind").asText()).isEqualTo("container");
        JsonNode stop = stepAt(lesson, 35).get("bindings").get(0);
        assertThat(stop.get("written").asText()).isEqualTo("3f9a1c2be4d7");
        assertThat(stop.get("authorValue").asBoolean()).isTrue();
    }

    @Test
    void planJsonShowsNeedsBackgroundStepsAndNoStepsForDataBlocks() throws Exception {
        JsonNode lesson = plan("outside-world.md");

        JsonNode pull = stepAt(lesson, 6).get("needs").get(0);
        assertThat(pull.get("kind").asText()).isEqualTo("registry");
        assertThat(pull.get("what").asText()).isEqualTo("redis:alpine");
        assertThat(stepAt(lesson, 25).get("background").get("ready").isNull()).isTrue();
        assertThat(lesson.get("blocks")).extracting(b -> b.get("line").asInt()).containsExactly(5, 11, 24, 30, 37);
    }

    @Test
    void planJsonShowsMarkersAsWritten() throws Exception {
        JsonNode lesson = plan("credentials.adoc");

        assertThat(stepAt(lesson, 6).get("markers").get(0).asText()).isEqualTo("3: output: ignore");
    }

    @Test
    void planJsonShowsWhatMarkersAndTheCourseConfigSayOfEachStep() throws Exception {
        JsonNode lesson = plan("markers.adoc");

        assertThat(stepAt(lesson, 8).get("expectExit").asInt()).isEqualTo(2);
        assertThat(stepAt(lesson, 8).get("timeoutMs").asLong()).as("docproof.yml's deadline for the lesson").isEqualTo(2000);
        assertThat(stepAt(lesson, 17).get("env").get("GREETING").asText()).isEqualTo("hello from the marker");
        assertThat(stepAt(lesson, 34).get("timeoutMs").asLong()).as("the marker's own").isEqualTo(30000);
        assertThat(stepAt(lesson, 44).get("background").get("ready").asText()).isEqualTo("test -s ticks.txt");
        assertThat(stepAt(lesson, 58).get("needs").get(0).get("what").asText()).isEqualTo("minikube");
        assertThat(stepAt(lesson, 64).get("skip").asText()).isEqualTo("the cluster is yours to remove");
        assertThat(stepAt(plan("legacy-swarm.md"), 4).get("skip").asText()).isEqualTo("needs a Docker Swarm (docproof.yml)");
    }
}
