package dev.docproof.docker;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Questions asked of a tcp:// address once a request to it failed, so that the message names the real problem rather
 * than saying that no engine answers: does it speak TLS, and why does a TLS exchange with it fail.
 */
final class TlsProbe {

    private static final Duration WAIT = Duration.ofSeconds(2);

    private TlsProbe() {}

    /**
     * Why docproof's exchange with the TLS engine fails, found by one exchange made here step by step (the HTTP
     * client's own failure may be a bare "Broken pipe": an engine that refuses a client certificate hangs up while
     * the rest of the handshake is still on its way, and the alert it sent is lost with the connection). Empty when
     * the address does not answer at all, or the exchange works.
     */
    static Optional<String> whyTlsFails(EngineLink link) {
        URI uri = link.uri();
        try (Socket plain = new Socket()) {
            try {
                plain.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) WAIT.toMillis());
            } catch (IOException down) {
                return Optional.empty();
            }
            plain.setSoTimeout((int) WAIT.toMillis());
            SSLSocket tls = (SSLSocket) link.context().getSocketFactory().createSocket(plain, uri.getHost(), uri.getPort(), true);
            try {
                tls.startHandshake();
                // A TLS 1.3 engine judges the client certificate after the handshake: its verdict comes with the answer.
                tls.getOutputStream().write("GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                tls.getOutputStream().flush();
                if (tls.getInputStream().read() >= 0) {
                    return Optional.empty();
                }
                throw new EOFException("the engine closed the connection without an answer");
            } catch (SocketTimeoutException slow) {
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(TlsFailure.explain(e, uri, link.tls()).orElseGet(() -> TlsFailure.hungUp(uri, link.tls())));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the address speaks TLS. A TLS server shows its certificate early in the handshake, before it asks for a
     * client certificate, which is not sent here.
     */
    static boolean speaksTls(URI uri) {
        AtomicBoolean shown = new AtomicBoolean();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) WAIT.toMillis());
            plain.setSoTimeout((int) WAIT.toMillis());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EngineTls.AnyEngine(chain -> shown.set(true))}, null);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, uri.getHost(), uri.getPort(), false)) {
                tls.startHandshake();
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // Refused for want of a client certificate, or no TLS at all: what was shown before tells which.
        }
        return shown.get();
    }
}
