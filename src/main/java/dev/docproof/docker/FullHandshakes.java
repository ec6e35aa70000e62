package dev.docproof.docker;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * A TLS context whose every connection makes a full handshake, as the docker CLI's do: each socket comes from a
 * fresh context, so no earlier session is offered for resumption. A TLS front built on OpenSSL that checks client
 * certificates without a session id context refuses a resumed session (an internal_error alert), which would fail
 * every connection after the first.
 */
final class FullHandshakes {

    private FullHandshakes() {}

    static SSLContext of(KeyManager[] keys, TrustManager[] trust) throws GeneralSecurityException {
        SSLContext template = fresh(keys, trust);
        return new SSLContext(new Spi(keys, trust, template), template.getProvider(), template.getProtocol()) { };
    }

    /**
     * TLS 1.3 where the engine speaks it, as the docker CLI: there a half-closed stream (stdin's end on an attached
     * container) stays open the other way whatever the engine's TLS library.
     */
    private static SSLContext fresh(KeyManager[] keys, TrustManager[] trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust, null);
        return context;
    }

    private static final class Spi extends SSLContextSpi {
        private final KeyManager[] keys;
        private final TrustManager[] trust;
        private final SSLContext template;

        Spi(KeyManager[] keys, TrustManager[] trust, SSLContext template) {
            this.keys = keys;
            this.trust = trust;
            this.template = template;
        }

        /** A context of its own for one connection; made from managers already loaded, it does not fail. */
        private SSLContext next() {
            try {
                return fresh(keys, trust);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make a TLS context: " + e.getMessage(), e);
            }
        }

        private SSLSocketFactory freshFactory() {
            return next().getSocketFactory();
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
            throw new UnsupportedOperationException("made initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            SSLSocketFactory defaults = template.getSocketFactory();
            return new SSLSocketFactory() {
                @Override
                public String[] getDefaultCipherSuites() {
                    return defaults.getDefaultCipherSuites();
                }

                @Override
                public String[] getSupportedCipherSuites() {
                    return defaults.getSupportedCipherSuites();
                }

                @Override
                public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
                    return freshFactory().createSocket(s, host, port, autoClose);
                }

                @Override
                public Socket createSocket(String host, int port) throws IOException {
                    return freshFactory().createSocket(host, port);
                }

                @Override
                public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                    return freshFactory().createSocket(host, port, localHost, localPort);
                }

                @Override
                public Socket createSocket(InetAddress host, int port) throws IOException {
                    return freshFactory().createSocket(host, port);
                }

                @Override
                public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                        throws IOException {
                    return freshFactory().createSocket(address, port, localAddress, localPort);
                }
            };
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw new UnsupportedOperationException("docproof is never the server");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return next().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return next().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return template.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return template.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return template.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return template.getSupportedSSLParameters();
        }
    }
}
