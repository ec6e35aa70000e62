package dev.docproof.docker;

import dev.docproof.shell.Resource;
import dev.docproof.shell.ResourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine that takes a create and goes away before it answers (no Docker needed: a socket that reads the request
 * and closes): the proxy tells its recorder the create went unanswered, with the step that sent it and the name, so
 * a run can say what may be on the engine; nothing is recorded as created.
 */
class UnansweredCreateTest {

    @TempDir
    Path dir;

    @Test
    void aCreateTheEngineNeverAnswersIsToldWithTheStepThatSentIt() throws Exception {
        // The engine reads the request and goes away, without a word.
        OneRequestEngine engine = new OneRequestEngine(dir.resolve("engine.sock"), "\r\n\r\n{", null);
        List<String> created = new CopyOnWriteArrayList<>();
        List<String> unanswered = new CopyOnWriteArrayList<>();
        EngineProxy.Recorder recorder = new EngineProxy.Recorder() {
            public StepMark sending() {
                return new StepMark(7, "Make");
            }

            public void created(StepMark sentIn, Resource resource, boolean autoRemove) {
                created.add(resource.name());
            }

            public void removed(StepMark sentIn, ResourceKind kind, String ref) { }

            public void stopped(StepMark sentIn, String ref) { }

            public void unanswered(StepMark sentIn, ResourceKind kind, String name) {
                unanswered.add(sentIn.line() + " " + kind + " " + name);
            }
        };
        Path proxyFolder = Files.createDirectory(dir.resolve("proxy"));
        try (EngineProxy proxy = EngineProxy.start(proxyFolder, engine.uri(), Map.of(), true, recorder);
             SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(proxyFolder.resolve("docker.sock")))) {
            byte[] body = "{\"Image\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            client.write(ByteBuffer.wrap(("POST /v1.41/containers/create?name=box HTTP/1.1\r\nHost: docker\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)));
            client.write(ByteBuffer.wrap(body));
            assertThat(engine.received.get(10, TimeUnit.SECONDS)).startsWith("POST /v1.41/containers/create?name=box");
            ByteBuffer rest = ByteBuffer.allocate(1024);
            assertThat(client.read(rest)).as("the client sees its connection end, as with the engine gone").isEqualTo(-1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (unanswered.isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
        } finally {
            engine.close();
        }
        assertThat(unanswered).containsExactly("7 CONTAINER box");
        assertThat(created).isEmpty();
        assertThat(new Ledger.UnansweredCreate(ResourceKind.CONTAINER, "box", 7).describe()).isEqualTo("container box (line 7)");
    }
}
