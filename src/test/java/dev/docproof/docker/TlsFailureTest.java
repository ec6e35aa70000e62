package dev.docproof.docker;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What each way a TLS exchange with the engine fails is called, with what to do: from the failures' own words. */
class TlsFailureTest {

    private static final URI ENGINE = URI.create("tcp://10.0.0.5:2376");
    private static final EngineTls VERIFIED = EngineTls.of(Map.of("DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"),
            Path.of("/home/learner"));

    private static String explained(Throwable failure) {
        return TlsFailure.explain(new IOException("request failed", failure), ENGINE, VERIFIED).orElseThrow();
    }

    @Test
    void anEngineCertificateOutsideTheCaIsNamedWithTheCaFile() {
        assertThat(explained(new SSLHandshakeException("PKIX path building failed: unable to find valid certification path"
                + " to requested target")))
                .startsWith("The Docker engine at tcp://10.0.0.5:2376 showed a certificate that the CA in /certs/ca.pem did"
                        + " not sign")
                .contains("\nPut the CA that signed the engine's certificate");
    }

    @Test
    void aCertificateForAnotherNameSaysWhichNameToUse() {
        assertThat(explained(new SSLPeerUnverifiedException("Certificate for <10.0.0.5> doesn't match any of the subject"
                + " alternative names: [engine.example]")))
                .contains("made for another name than 10.0.0.5")
                .contains("DOCKER_HOST=tcp://NAME:PORT");
    }

    @Test
    void anAlertRefusingTheClientCertificateNamesTheCertificate() {
        assertThat(explained(new SSLHandshakeException("Received fatal alert: bad_certificate")))
                .startsWith("The Docker engine at tcp://10.0.0.5:2376 refused docproof's client certificate /certs/cert.pem"
                        + " (TLS alert bad_certificate)");
        assertThat(explained(new SSLHandshakeException("Received fatal alert: certificate_required")))
                .contains("requires a client certificate, and docproof had none to send");
    }

    @Test
    void aPlainEngineAnsweringTlsSaysToUnsetTheVariables() {
        assertThat(explained(new SSLHandshakeException("Unsupported or unrecognized SSL message")))
                .contains("speaks plain HTTP, not TLS (DOCKER_TLS_VERIFY is set)")
                .contains("\nUnset DOCKER_TLS_VERIFY and DOCKER_TLS");
    }

    @Test
    void aFailureThatIsNotAboutTlsIsLeftToTheOtherMessages() {
        assertThat(TlsFailure.explain(new SocketException("Connection refused"), ENGINE, VERIFIED)).isEmpty();
    }

    @Test
    void anEngineThatHangsUpInTheHandshakeWhenNoClientCertificateWasThereSaysSo() {
        assertThat(TlsFailure.hungUp(ENGINE, VERIFIED)).contains("closed the connection in the TLS handshake")
                .contains("no cert.pem in /certs (DOCKER_CERT_PATH)");
    }

    @Test
    void plainHttpToATlsEngineSaysWhatToSet() {
        assertThat(TlsFailure.plainToTls(ENGINE)).isEqualTo("The Docker engine at tcp://10.0.0.5:2376 speaks TLS, and"
                + " docproof sent plain HTTP (neither DOCKER_TLS_VERIFY nor DOCKER_TLS is set).\nSet DOCKER_TLS_VERIFY=1"
                + " and DOCKER_CERT_PATH to the folder that holds ca.pem, cert.pem and key.pem, as for the docker CLI.");
    }
}
