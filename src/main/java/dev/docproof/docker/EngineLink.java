package dev.docproof.docker;

import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * How docproof opens a connection of its own to an engine: a unix socket, plain TCP, or TLS over TCP with the
 * context {@link EngineTls} made (null when plain). Engine calls and the lesson's proxy both go through it.
 */
record EngineLink(URI uri, EngineTls tls, SSLContext context) {

    /** The link to {@code uri}: TLS as {@code tls} says for a tcp:// address, plain for a unix socket. */
    static EngineLink of(URI uri, EngineTls tls) throws EngineException {
        EngineTls used = "tcp".equals(uri.getScheme()) ? tls : EngineTls.plain();
        return new EngineLink(uri, used, used.context());
    }

    static EngineLink plain(URI uri) {
        return new EngineLink(uri, EngineTls.plain(), null);
    }

    /** An HTTP transport to the engine, TLS included; the caller sets its timeouts. */
    ZerodepDockerHttpClient.Builder http() {
        ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder().dockerHost(uri);
        if (context != null) {
            http.sslConfig(() -> context);
        }
        return http;
    }

    /** A connection to the engine, its TLS handshake done; the address must answer within {@code connect}. */
    Peer open(Duration connect) throws IOException {
        if (uri.getScheme().equals("unix")) {
            return Peer.of(SocketChannel.open(UnixDomainSocketAddress.of(uri.getPath())));
        }
        if (context == null) {
            SocketChannel channel = SocketChannel.open();
            try {
                channel.socket().connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) connect.toMillis());
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return Peer.of(channel);
        }
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) connect.toMillis());
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, uri.getHost(), uri.getPort(), true);
            if (tls().mode() == EngineTls.Mode.VERIFIED) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host, as for the CLI
                tls.setSSLParameters(parameters);
            }
            plain.setSoTimeout((int) connect.toMillis());
            tls.startHandshake();
            plain.setSoTimeout(0);
            return Peer.of(tls, plain);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }
}
