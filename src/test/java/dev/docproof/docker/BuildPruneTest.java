package dev.docproof.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson's build cache prune as the engine receives it through the lesson's proxy (no Docker needed: a socket that
 * reads the request and answers as the engine does). Build cache carries no label: on an engine others use, the
 * prune is narrowed to none of it; on a sandbox's own engine it goes as sent.
 */
class BuildPruneTest {

    private static final String PRUNE = "/v1.41/build/prune?all=1&filters="
            + "%7B%22until%22%3A%7B%2224h%22%3Atrue%7D%2C%22id%22%3A%7B%22abc%22%3Atrue%7D%7D";

    @TempDir
    Path dir;

    @Test
    void onAnEngineOthersUseABuildCachePruneReachesNoCacheRecordAndKeepsTheLessonsOtherFilters() throws Exception {
        String received = received(true);

        assertThat(received).startsWith("POST /v1.41/build/prune?all=1&filters=");
        JsonNode filters = new ObjectMapper().readTree(ApiCall.query(received.split(" ")[1]).get("filters"));
        assertThat(filters.path("until").path("24h").asBoolean()).isTrue();
        assertThat(filters.path("id").size()).as("the engine takes one id filter").isEqualTo(1);
        assertThat(filters.path("id").fieldNames().next()).isEqualTo(ApiCall.NO_CACHE_RECORD)
                .as("no cache record id (letters and digits) matches it").doesNotMatch("[a-z0-9]+");
    }

    @Test
    void onASandboxsOwnEngineABuildCachePruneGoesAsSent() throws Exception {
        assertThat(received(false)).startsWith("POST " + PRUNE + " HTTP/1.1");
    }

    /** The start line of the prune the engine gets when a lesson sends it through a proxy to an engine so shared. */
    private String received(boolean shared) throws Exception {
        String pruned = "{\"CachesDeleted\":null,\"SpaceReclaimed\":0}";
        OneRequestEngine engine = new OneRequestEngine(dir.resolve("engine.sock"), "\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + pruned.length() + "\r\n\r\n" + pruned);
        Path proxyFolder = Files.createDirectory(dir.resolve("proxy"));
        try (EngineProxy proxy = EngineProxy.start(proxyFolder, engine.uri(), Map.of(RunOwner.RUN, "r1"), shared,
                EngineProxy.Recorder.NONE);
             SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(proxyFolder.resolve("docker.sock")))) {
            client.write(ByteBuffer.wrap(("POST " + PRUNE + " HTTP/1.1\r\nHost: docker\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)));
            ByteBuffer answer = ByteBuffer.allocate(1024);
            assertThat(client.read(answer)).as("the engine's answer reaches the lesson").isPositive();
            return engine.received.get(10, TimeUnit.SECONDS);
        } finally {
            engine.close();
        }
    }
}
