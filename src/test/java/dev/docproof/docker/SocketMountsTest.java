package dev.docproof.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SocketMountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LESSON_SOCKET = Path.of("/tmp/docproof-run-1/docker.sock");

    @Test
    void aBindOfTheEnginesSocketBecomesABindOfTheLessonsWithItsTargetAndOptions() throws Exception {
        SocketMounts mounts = SocketMounts.of(URI.create("unix:///var/run/docker.sock"), LESSON_SOCKET);

        JsonNode host = redirected(mounts, """
                {"Image": "docker:cli", "HostConfig": {"Binds": [
                  "/var/run/docker.sock:/var/run/docker.sock:ro",
                  "/run/docker.sock:/sock",
                  "/var/run//docker.sock:/twice",
                  "/var/run/docker.sock.d:/other",
                  "/srv/data:/data",
                  "cache:/cache"]}}
                """).path("HostConfig");

        assertThat(host.path("Binds")).extracting(JsonNode::asText).containsExactly(
                "/tmp/docproof-run-1/docker.sock:/var/run/docker.sock:ro",
                "/tmp/docproof-run-1/docker.sock:/sock",
                "/tmp/docproof-run-1/docker.sock:/twice",
                "/var/run/docker.sock.d:/other",
                "/srv/data:/data",
                "cache:/cache");
    }

    @Test
    void aBindMountOfTheEnginesSocketWhereverItIsBecomesTheLessonsAndOtherMountsStay() throws Exception {
        SocketMounts mounts = SocketMounts.of(URI.create("unix:///run/user/1000/docker.sock"), LESSON_SOCKET);

        JsonNode host = redirected(mounts, """
                {"HostConfig": {"Mounts": [
                  {"Type": "bind", "Source": "/run/user/1000/docker.sock", "Target": "/var/run/docker.sock"},
                  {"Type": "volume", "Source": "/var/run/docker.sock", "Target": "/v"},
                  {"Type": "bind", "Source": "/srv", "Target": "/srv"}]}}
                """).path("HostConfig");

        assertThat(host.path("Mounts")).extracting(m -> m.path("Source").asText())
                .containsExactly("/tmp/docproof-run-1/docker.sock", "/var/run/docker.sock", "/srv");
    }

    @Test
    void anEngineReachedOverTcpBindsItsOwnMachinesSocketSoNothingChanges() throws Exception {
        SocketMounts mounts = SocketMounts.of(URI.create("tcp://10.0.0.5:2375"), LESSON_SOCKET);
        String body = "{\"HostConfig\": {\"Binds\": [\"/var/run/docker.sock:/var/run/docker.sock\"]}}";

        assertThat(new String(mounts.redirected(body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo(body);
    }

    private static JsonNode redirected(SocketMounts mounts, String body) throws Exception {
        return JSON.readTree(mounts.redirected(body.getBytes(StandardCharsets.UTF_8)));
    }
}
