package dev.docproof.cli;

import dev.docproof.docker.Engine;
import dev.docproof.docker.LedgerTestEngine;
import dev.docproof.testsupport.TestCertificates;
import dev.docproof.testsupport.TestEngine;
import dev.docproof.testsupport.TlsFront;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `docproof check` against an engine reached over TCP with TLS (DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH),
 * in a process of its own that sees those variables: a TLS front made here, requiring a client certificate, passes
 * each connection on to this machine's engine.
 */
class TlsCheckEngineTest {

    @TempDir
    static Path dir;

    private static TestCertificates.Signed ca;
    private static TlsFront front;
    private static Path certs;

    private final String net = LedgerTestEngine.uniqueName("tls-net");
    private final String box = LedgerTestEngine.uniqueName("tls-box");

    @BeforeAll
    static void startTheTlsFront() throws Exception {
        TestEngine.ready();
        ca = TestCertificates.ca("docproof test CA");
        front = TlsFront.start(TestCertificates.serverContext(TestCertificates.signed(ca, "engine", "127.0.0.1"),
                ca.certificate()), Engine.DEFAULT_SOCKET);
        certs = TestCertificates.certFolder(dir.resolve("certs"), ca.certificate(), TestCertificates.signed(ca, "docproof", null));
    }

    @AfterAll
    static void stopTheTlsFront() throws IOException {
        front.close();
    }

    @AfterEach
    void removeWhatTheTestMayHaveLeft() {
        LedgerTestEngine.removeQuietly("rm", "-f", box);
        LedgerTestEngine.removeQuietly("network", "rm", net);
    }

    private record Run(int code, String output) {}

    private static Run check(Map<String, String> env, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(List.of(args));
        return docproof(env, all);
    }

    /** docproof in a process of its own, seeing {@code env} and none of this one's TLS variables. */
    private static Run docproof(Map<String, String> env, List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        Path log = Files.createTempFile(dir, "check-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeAll(List.of("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_TLS", "DOCKER_CERT_PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                throw new AssertionError("docproof " + args + " did not end within 5 minutes:\n" + Files.readString(log));
            }
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    private static Map<String, String> tls(Path folder) {
        return Map.of("DOCKER_HOST", front.dockerHost(), "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", folder.toString());
    }

    private Path lesson() throws IOException {
        return Files.writeString(dir.resolve(net + ".md"), String.join("\n",
                "# A network, a server and a client over TLS", "",
                "```console",
                "$ docker network create " + net,
                "$ docker run -d --name " + box + " --network " + net + " launchcodedevops/simple-http",
                "$ docker run --rm --network " + net + " launchcodedevops/simple-client echo hello from the client",
                "hello from the client",
                "$ echo piped through the proxy | docker run -i --rm launchcodedevops/simple-client cat",
                "piped through the proxy",
                "$ echo \"${DOCKER_TLS_VERIFY-unset} ${DOCKER_TLS-unset} ${DOCKER_CERT_PATH-unset}\"",
                "unset unset unset",
                "$ docker rm -f " + box,
                "```", ""));
    }

    @Test
    void aLessonOnThisMachineRunsAgainstTheTlsEngineWithItsLedger() throws Exception {
        Path lesson = lesson();
        Run run = check(tls(certs), "--isolation", "host", lesson.toString());
        assertThat(run.code()).as(run.output()).isEqualTo(0);
        assertThat(run.output())
                .contains(lesson + ":4: ran      docker network create " + net)
                .contains(lesson + ":6: passed   docker run --rm --network " + net)
                .contains(lesson + ":8: passed   echo piped") // stdin's end reaches the engine, the output still comes back
                .contains(lesson + ":10: passed   echo") // the shell sees no TLS variable: the proxy speaks plain HTTP
                .contains(lesson + ":4: leaked network " + net + " (removed after the lesson)");
        assertThat(LedgerTestEngine.docker("network", "ls", "-q", "--filter", "name=" + net)).isEmpty();
        assertThat(LedgerTestEngine.docker("ps", "-aq", "--filter", "name=" + box)).isEmpty();
    }

    @Test
    void aClientCertificateTheEngineDoesNotTrustIsAClearSetUpError() throws Exception {
        Path folder = TestCertificates.certFolder(dir.resolve("rogue"), ca.certificate(),
                TestCertificates.signed(TestCertificates.ca("another CA"), "docproof", null));
        Run run = check(tls(folder), "--isolation", "host", lesson().toString());
        assertThat(run.code()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("refused docproof's client certificate " + folder.resolve("cert.pem"))
                .contains("Use a client certificate signed by the CA the engine trusts")
                .doesNotContain("Exception");
    }

    @Test
    void plainTcpToTheTlsEngineSaysToSetDockerTlsVerify() throws Exception {
        Run run = check(Map.of("DOCKER_HOST", front.dockerHost()), "--isolation", "host", lesson().toString());
        assertThat(run.code()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("The Docker engine at " + front.dockerHost() + " speaks TLS, and docproof sent plain HTTP")
                .contains("Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH")
                .doesNotContain("Exception");
    }

    @Test
    void aMissingCertificateFolderIsNamedWithTheVariable() throws Exception {
        Path missing = dir.resolve("no-such-folder");
        Run run = check(tls(missing), "--isolation", "host", lesson().toString());
        assertThat(run.code()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("DOCKER_TLS_VERIFY is set, but the certificate folder " + missing + " (DOCKER_CERT_PATH) does not exist")
                .doesNotContain("Exception");
    }

    @Test
    void doctorSaysTheEngineIsSpokenToOverTlsAndGivesTheTlsFix() throws Exception {
        Path lesson = lesson();
        assertThat(docproof(tls(certs), List.of("doctor", lesson.toString())).output()).contains(
                "engine: Docker ", "found via DOCKER_HOST=" + front.dockerHost() + "\n"
                        + "  spoken to over TLS (DOCKER_TLS_VERIFY), the engine's certificate verified against "
                        + certs.resolve("ca.pem") + ", client certificate " + certs.resolve("cert.pem") + "\n");
        assertThat(docproof(Map.of("DOCKER_HOST", front.dockerHost()), List.of("doctor", lesson.toString())).output())
                .contains("engine: PROBLEM: The Docker engine at " + front.dockerHost() + " speaks TLS, and docproof sent"
                        + " plain HTTP", "  fix: Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder that holds");
    }

    @Test
    void aLessonInItsSandboxRunsAgainstTheTlsEngine() throws Exception {
        TestEngine.sandboxesReady();
        Path lesson = lesson();
        Run run = check(tls(certs), lesson.toString());
        assertThat(run.code()).as(run.output()).isEqualTo(0);
        assertThat(run.output())
                .contains(lesson + ":6: passed   docker run --rm --network " + net)
                .contains(lesson + ":8: passed   echo piped")
                .contains(lesson + ":10: passed   echo")
                .contains(lesson + ":4: leaked network " + net);
    }
}
