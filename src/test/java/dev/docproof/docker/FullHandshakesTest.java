package dev.docproof.docker;

import dev.docproof.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docproof's TLS connections never resume an earlier session (a TLS front built on OpenSSL may refuse that), while an
 * ordinary context would: TLS 1.2 here, where a resumed session keeps its id. No engine.
 */
class FullHandshakesTest {

    /** The session ids of two connections in a row from {@code client} to a TLS 1.2 server that resumes sessions. */
    private static String[] twoSessionIds(SSLContext client) throws Exception {
        TestCertificates.Signed ca = TestCertificates.ca("test CA");
        SSLContext serverContext = TestCertificates.serverContext(TestCertificates.signed(ca, "server", "127.0.0.1"),
                ca.certificate());
        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setEnabledProtocols(new String[] {"TLSv1.2"});
            Thread accept = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (SSLSocket s = (SSLSocket) server.accept()) {
                        s.startHandshake();
                        s.getOutputStream().write(1);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.start();
            String[] ids = new String[2];
            for (int i = 0; i < 2; i++) {
                try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
                    s.startHandshake();
                    s.getInputStream().read();
                    ids[i] = HexFormat.of().formatHex(s.getSession().getId());
                }
            }
            accept.join(5000);
            return ids;
        }
    }

    private static TrustManager[] anyServer() {
        return new TrustManager[] {new EngineTls.AnyEngine(chain -> { })};
    }

    @Test
    void anOrdinaryContextResumesTheFirstSession() throws Exception {
        SSLContext ordinary = SSLContext.getInstance("TLS");
        ordinary.init(null, anyServer(), null);
        String[] ids = twoSessionIds(ordinary);
        assertThat(ids[1]).as(Arrays.toString(ids)).isEqualTo(ids[0]);
    }

    @Test
    void everyConnectionMakesAFullHandshake() throws Exception {
        String[] ids = twoSessionIds(FullHandshakes.of(null, anyServer()));
        assertThat(ids[0]).isNotEmpty();
        assertThat(ids[1]).as(Arrays.toString(ids)).isNotEqualTo(ids[0]);
    }
}
