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

import static dev.docproof.docker.LedgerTestEngine.docker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step whose engine stops answering (dockerd stopped with SIGSTOP) while its create is on the way: the step
 * killed at its deadline says the engine stopped answering, and the create the engine answers once it runs again,
 * during the next step, is the step's that sent it. The lesson stops and continues the engine of this machine
 * itself: run only under the engine lock; the test continues the engine whatever happens.
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
    void aStepCutShortByAStalledEngineSaysSoAndOwnsTheCreateTheEngineAnsweredLater() throws Exception {
        TestEngine.ready();
        dockerd = Files.readString(Path.of("/var/run/docker.pid")).strip();
        assertThat(dockerd).as("the engine of this machine writes its pid").matches("[0-9]+");
        // The create goes straight to the lesson's engine socket (curl, no version ping first), so it is the
        // request waiting when the engine stops.
        Path lesson = Files.writeString(dir.resolve("stall.md"), "# Stall\n\n"
                + "<!-- docproof: timeout 3s -->\n"
                + "```console\n"
                + "$ kill -STOP " + dockerd + "; curl -s --unix-socket \"${DOCKER_HOST#unix://}\" -X POST"
                + " -H 'Content-Type: application/json' -d '{\"Name\":\"" + net + "\"}' http://docker/networks/create\n"
                + "```\n\n"
                + "```console\n"
                + "$ kill -CONT " + dockerd + "; sleep 3\n"
                + "```\n");
        Path json = dir.resolve("stall.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            code = Main.execute(new String[] {"check", "--isolation", "host", "--json", json.toString(), lesson.toString()},
                    new PrintWriter(out), new PrintWriter(err));
        } finally {
            new ProcessExecutor("kill", "-CONT", dockerd).execute();
        }
        String said = out + "" + err;

        assertThat(code).as(said).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(json.toFile()).path("lessons").path(0);
        JsonNode first = report.path("steps").path(0);
        assertThat(first.path("line").asInt()).isEqualTo(5);
        assertThat(first.path("status").asText()).isEqualTo("failed");
        assertThat(first.path("notes").toString()).as(said)
                .contains("the engine at unix:///var/run/docker.sock stopped answering")
                .contains("`POST /networks/create` had waited")
                .contains("does not answer a ping either");
        assertThat(said).contains("stopped answering");
        JsonNode leak = report.path("leaks").path(0);
        assertThat(leak.path("name").asText()).as(said).isEqualTo(net);
        assertThat(leak.path("line").asInt()).as("the step that sent the create, not the one its answer came in")
                .isEqualTo(5);
        assertThat(docker("network", "ls", "-q", "--filter", "name=^" + net + "$")).as("the leak is removed").isEmpty();
    }
}
