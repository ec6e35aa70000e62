package dev.docproof.docker;

import dev.docproof.testsupport.TestCertificates;
import dev.docproof.testsupport.TestEngine;
import dev.docproof.testsupport.TlsFront;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An engine reached over TCP with TLS, as a remote engine with --tlsverify is: a TLS front made here (it requires a
 * client certificate signed by its CA) before this machine's engine. docproof's engine calls and the lesson's proxy
 * speak TLS to it, and each way the two sides can disagree is named with what to do.
 */
class TlsEngineTest {

    @TempDir
    static Path dir;

    private static TestCertificates.Signed ca;
    private static TlsFront front;
    private static Path certs;

    @BeforeAll
    static void startTheTlsFront() throws Exception {
        TestEngine.ready();
        ca = TestCertificates.ca("docproof test CA");
        TestCertificates.Signed server = TestCertificates.signed(ca, "engine", "127.0.0.1");
        front = TlsFront.start(TestCertificates.serverContext(server, ca.certificate()), Engine.DEFAULT_SOCKET);
        certs = TestCertificates.certFolder(dir.resolve("certs"), ca.certificate(), TestCertificates.signed(ca, "docproof", null));
    }

    @AfterAll
    static void stopTheTlsFront() throws IOException {
        front.close();
    }

    private static EngineTls verified(Path folder) {
        return EngineTls.of(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", folder.toString()), dir);
    }

    @Test
    void engineCallsGoOverTlsWithTheClientCertificate() throws Exception {
        try (Engine engine = Engine.connect(front.dockerHost(), verified(certs), Engine.DEFAULT_DEADLINE)) {
            assertThat(engine.apiVersion()).matches("\\d+\\.\\d+");
            assertThat(engine.client().listNetworksCmd().exec()).isNotEmpty();
            assertThat(engine.speaks()).startsWith("TLS (DOCKER_TLS_VERIFY)").contains(certs.resolve("ca.pem").toString());
        }
    }

    @Test
    void theLessonsProxyForwardsOverTlsAndRecordsWhatTheLessonCreates() throws Exception {
        String network = LedgerTestEngine.uniqueName("tls-net");
        try (Engine engine = Engine.connect(front.dockerHost(), verified(certs), Engine.DEFAULT_DEADLINE);
             LessonEngine lesson = LessonEngine.open(engine, "tls.md", java.util.List.of(), dir, dir.resolve("locks"))) {
            String created = new org.zeroturnaround.exec.ProcessExecutor("docker", "network", "create", network)
                    .environment("DOCKER_HOST", lesson.dockerHost()).readOutput(true).exitValueNormal().execute().outputUTF8();
            assertThat(created.strip()).matches("[0-9a-f]{64}");
            assertThat(lesson.ledger().entries()).anyMatch(e -> e.resource().name().equals(network));
            assertThat(LedgerTestEngine.docker("network", "inspect", "-f", "{{index .Labels \"dev.docproof.run\"}}", network))
                    .isEqualTo(lesson.owner().labels().get(RunOwner.RUN));
            assertThat(lesson.removeLeftBehind()).anyMatch(r -> r.entry().resource().name().equals(network) && r.removed());
            assertThat(LedgerTestEngine.docker("network", "ls", "-q", "--filter", "name=" + network)).isEmpty();
        } finally {
            LedgerTestEngine.removeQuietly("network", "rm", network);
        }
    }

    @Test
    void aClientCertificateTheEngineDoesNotTrustIsNamed() throws Exception {
        TestCertificates.Signed rogue = TestCertificates.ca("another CA");
        Path folder = TestCertificates.certFolder(dir.resolve("rogue-client"), ca.certificate(),
                TestCertificates.signed(rogue, "docproof", null));
        assertThatThrownBy(() -> Engine.connect(front.dockerHost(), verified(folder), Engine.DEFAULT_DEADLINE))
                .isInstanceOf(EngineTlsException.class)
                .hasMessageContaining("refused docproof's client certificate " + folder.resolve("cert.pem"))
                .hasMessageContaining("Use a client certificate signed by the CA the engine trusts");
    }

    @Test
    void anEngineCertificateTheCaDidNotSignIsNamed() throws Exception {
        TestCertificates.Signed rogue = TestCertificates.ca("another CA");
        Path folder = TestCertificates.certFolder(dir.resolve("rogue-ca"), rogue.certificate(),
                TestCertificates.signed(ca, "docproof", null));
        assertThatThrownBy(() -> Engine.connect(front.dockerHost(), verified(folder), Engine.DEFAULT_DEADLINE))
                .isInstanceOf(EngineTlsException.class)
                .hasMessageContaining("showed a certificate that the CA in " + folder.resolve("ca.pem") + " did not sign");
    }

    @Test
    void plainHttpToTheTlsEngineSaysToSetDockerTlsVerify() {
        assertThatThrownBy(() -> Engine.connect(front.dockerHost(), EngineTls.plain(), Engine.DEFAULT_DEADLINE))
                .isInstanceOf(EngineTlsException.class)
                .hasMessageContaining("speaks TLS, and docproof sent plain HTTP")
                .hasMessageContaining("Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH");
    }

    @Test
    void tlsToAPlainEngineSaysToUnsetTheTlsVariables() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket client = plain.accept(); OutputStream out = client.getOutputStream()) {
                    client.getInputStream().read(new byte[1024]);
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the client went away
                }
            });
            answer.start();
            assertThatThrownBy(() -> Engine.connect("tcp://127.0.0.1:" + plain.getLocalPort(), verified(certs),
                    Engine.DEFAULT_DEADLINE))
                    .isInstanceOf(EngineTlsException.class)
                    .hasMessageContaining("speaks plain HTTP, not TLS (DOCKER_TLS_VERIFY is set)")
                    .hasMessageContaining("Unset DOCKER_TLS_VERIFY and DOCKER_TLS");
            answer.join(5000);
        }
    }
}
