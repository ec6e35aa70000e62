package dev.docproof.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Choosing TLS from the environment by the docker CLI's rules, and what is said when its files are wrong. No engine. */
class EngineTlsTest {

    @TempDir
    Path dir;

    private final Path home = Path.of("/home/learner");

    @Test
    void dockerTlsVerifyMeansTlsWithTheEngineVerified() {
        EngineTls tls = EngineTls.of(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"), home);
        assertThat(tls.mode()).isEqualTo(EngineTls.Mode.VERIFIED);
        assertThat(tls.certFolder()).isEqualTo(Path.of("/certs"));
        assertThat(tls.on()).isTrue();
    }

    @Test
    void anyNonEmptyValueCountsAndVerifyWinsOverTls() {
        assertThat(EngineTls.of(Map.of("DOCKER_TLS_VERIFY", "0", "DOCKER_TLS", "1"), home).mode())
                .isEqualTo(EngineTls.Mode.VERIFIED);
    }

    @Test
    void dockerTlsAloneMeansTlsWithoutVerifyingTheEngine() {
        assertThat(EngineTls.of(Map.of("DOCKER_TLS", "1"), home).mode()).isEqualTo(EngineTls.Mode.UNVERIFIED);
    }

    @Test
    void neitherOrEmptyValuesMeanPlainHttp() {
        assertThat(EngineTls.of(Map.of(), home).mode()).isEqualTo(EngineTls.Mode.PLAIN);
        assertThat(EngineTls.of(Map.of("DOCKER_TLS_VERIFY", "", "DOCKER_TLS", ""), home).on()).isFalse();
    }

    @Test
    void withoutDockerCertPathTheFilesAreInDotDockerOfHome() {
        EngineTls tls = EngineTls.of(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", ""), home);
        assertThat(tls.certFolder()).isEqualTo(home.resolve(".docker"));
        assertThat(tls.folderNamed()).isEqualTo("/home/learner/.docker (the default: DOCKER_CERT_PATH is not set)");
    }

    @Test
    void aUnixSocketIsPlainWhateverTheVariablesSay() throws EngineException {
        EngineTls tls = EngineTls.of(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/nowhere"), home);
        assertThat(Engine.Location.of("unix:///var/run/docker.sock", tls).tls().on()).isFalse();
        assertThat(EngineLink.of(URI.create("unix:///var/run/docker.sock"), tls).context()).isNull();
        assertThat(Engine.Location.of("tcp://10.0.0.5:2376", tls).tls()).isEqualTo(tls);
    }

    @Test
    void describesHowTheEngineIsSpokenTo() {
        assertThat(EngineTls.of(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"), home).describe())
                .isEqualTo("TLS (DOCKER_TLS_VERIFY), the engine's certificate verified against /certs/ca.pem,"
                        + " client certificate /certs/cert.pem");
        assertThat(EngineTls.of(Map.of("DOCKER_TLS", "1", "DOCKER_CERT_PATH", dir.toString()), home).describe())
                .isEqualTo("TLS (DOCKER_TLS, no DOCKER_TLS_VERIFY), the engine's certificate not verified, no client"
                        + " certificate (no cert.pem and key.pem in " + dir + ")");
        assertThat(EngineTls.of(Map.of(), home).describe()).startsWith("plain HTTP");
    }

    @Test
    void aMissingCertFolderIsNamedWithTheVariableAndWhatToSet() {
        Path missing = dir.resolve("absent");
        assertThatThrownBy(() -> EngineTls.of(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", missing.toString()), home)
                .context())
                .isInstanceOf(EngineTlsException.class)
                .hasMessageStartingWith("DOCKER_TLS_VERIFY is set, but the certificate folder " + missing
                        + " (DOCKER_CERT_PATH) does not exist.\nSet DOCKER_CERT_PATH to the folder that holds ca.pem");
    }

    @Test
    void eachMissingFileIsNamed() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "x");
        Files.writeString(dir.resolve("cert.pem"), "x");
        EngineTls tls = EngineTls.of(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", dir.toString()), home);
        assertThatThrownBy(tls::context)
                .isInstanceOf(EngineTlsException.class)
                .hasMessageContaining("DOCKER_TLS_VERIFY is set, but " + dir.resolve("key.pem") + " is missing")
                .satisfies(e -> assertThat(((EngineTlsException) e).fix()).startsWith("Set DOCKER_CERT_PATH to the folder"));
    }

    @Test
    void filesThatAreNotPemSayWhatTheyMustBe() throws Exception {
        for (String name : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
            Files.writeString(dir.resolve(name), "not a certificate\n");
        }
        assertThatThrownBy(() -> EngineTls.of(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", dir.toString()), home)
                .context())
                .isInstanceOf(EngineTlsException.class)
                .hasMessageStartingWith("cannot read the TLS files in " + dir + " (DOCKER_CERT_PATH)")
                .hasMessageContaining("They must be PEM files as the docker CLI reads them");
    }

    @Test
    void dockerTlsWithoutClientFilesNeedsNoneOfThem() throws Exception {
        EngineTls tls = EngineTls.of(Map.of("DOCKER_TLS", "1", "DOCKER_CERT_PATH", dir.toString()), home);
        assertThat(tls.context()).isNotNull();
    }
}
