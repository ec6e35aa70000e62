package dev.docproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.docker.LedgerTestEngine;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static dev.docproof.docker.LedgerTestEngine.docker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step whose engine stops answering (dockerd stopped with SIGSTOP): the step says the engine stopped answering,
 * no later step runs (each would only wait for it too), and the run ends as a set-up failure (exit 2) with its
 * reports written. The create the engine answers once it runs again, during the clean-up, is the step's that sent
 * it, and is removed. The lesson stops the engine of this machine and the test continues it a few seconds later:
 * run only under the engine lock; the test continues the engine whatever happens.
 */
class StalledEngineStepEngineTest {

    @TempDir
    Path dir;

    private final String net = LedgerTestEngine.uniqueName("stalled");
    private String dockerd;

    @AfterEach
    void continueTheEngineAndRemoveTheNetwork() throws Exception {
        if (dockerd != null) {
            new ProcessExecutor("kill", "-CONT", dockerd).execute();
        }
        LedgerTestEngine.removeQuietly("network", "rm", net);
    }

    @Test
    void aStepCutShortByAStalledEngineSaysSoStopsTheLessonAndOwnsTheCreateTheEngineAnsweredLater() throws Exception {
        // The create goes straight to the lesson's engine socket (curl, no version ping first), so it is the
        // request waiting when the engine stops.
        JsonNode report = stallDuring("<!-- docproof: timeout 3s -->\n```console\n$ kill -STOP %s; curl -s --unix-socket"
                + " \"${DOCKER_HOST#unix://}\" -X POST -H 'Content-Type: application/json' -d '{\"Name\":\"" + net + "\"}'"
                + " http://docker/networks/create\n```\n");
        JsonNode first = report.path("steps").path(0);
        assertThat(first.path("status").asText()).isEqualTo("failed");
        assertThat(first.path("notes").toString())
                .contains("the engine at unix:///var/run/docker.sock stopped answering")
                .contains("`POST /networks/create` had waited")
                .contains("does not answer a ping either");
        JsonNode leak = report.path("leaks").path(0);
        assertThat(leak.path("name").asText()).isEqualTo(net);
        assertThat(leak.path("line").asInt()).as("the step that sent the create, not the clean-up its answer came in")
                .isEqualTo(5);
        assertThat(leak.path("removed").asBoolean()).isTrue();
        assertThat(docker("network", "ls", "-q", "--filter", "name=^" + net + "$")).as("the leak is removed").isEmpty();
    }

    /**
     * Runs a lesson whose step at line 5 (given, with %s for dockerd's pid) stops the engine, followed by a step that
     * must not run; continues the engine 8 s after the start, and checks what every such run must show.
     */
    private JsonNode stallDuring(String stallingStep) throws Exception {
        TestEngine.ready();
        dockerd = Files.readString(Path.of("/var/run/docker.pid")).strip();
        assertThat(dockerd).as("the engine of this machine writes its pid").matches("[0-9]+");
        Path notReached = dir.resolve("not-reached");
        Path lesson = Files.writeString(dir.resolve("stall.md"), "# Stall\n\n"
                + stallingStep.formatted(dockerd) + "\n"
                + "```console\n$ touch " + notReached + "\n```\n\n"
                + "<!-- docproof: skip -->\n```console\n$ echo marked skip\n```\n\n"
                + "```console\n$ touch " + notReached + "\n```\n");
        Path json = dir.resolve("stall.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            later.schedule(() -> new ProcessExecutor("kill", "-CONT", dockerd).execute(), 8, TimeUnit.SECONDS);
            code = Main.execute(new String[] {"check", "--isolation", "host", "--json", json.toString(), lesson.toString()},
                    new PrintWriter(out), new PrintWriter(err));
        } finally {
            later.shutdownNow();
            new ProcessExecutor("kill", "-CONT", dockerd).execute();
        }
        String said = out + "" + err;

        assertThat(code).as("the lesson could not be verified: a set-up failure\n" + said).isEqualTo(2);
        assertThat(said).contains("stopped answering during this step").contains("run the lesson again");
        assertThat(notReached).as("no step runs after the engine stopped answering").doesNotExist();
        JsonNode report = new ObjectMapper().readTree(json.toFile()).path("lessons").path(0);
        assertThat(report.path("steps").path(0).path("line").asInt()).isEqualTo(5);
        JsonNode second = report.path("steps").path(1);
        assertThat(second.path("status").asText()).as(said).isEqualTo("not-run");
        assertThat(second.toString()).contains("the engine stopped answering during line 5");
        JsonNode afterSkipped = report.path("steps").path(3);
        assertThat(afterSkipped.path("status").asText()).isEqualTo("not-run");
        assertThat(afterSkipped.toString()).as("a step skipped meanwhile is not where the engine stopped")
                .contains("the engine stopped answering during line 5");
        return report;
    }
}
