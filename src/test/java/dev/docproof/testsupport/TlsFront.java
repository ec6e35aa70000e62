package dev.docproof.testsupport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Docker engine reached over TLS, made in the test: a TLS server on 127.0.0.1 that requires a client certificate
 * and passes each connection on to the engine's unix socket, as a remote engine with --tlsverify would take them.
 */
public final class TlsFront implements AutoCloseable {

    private final SSLServerSocket server;
    private final String engineSocket;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "test-tls-front");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private TlsFront(SSLServerSocket server, String engineSocket) {
        this.server = server;
        this.engineSocket = engineSocket;
    }

    public static TlsFront start(SSLContext context, String engineSocket) throws IOException {
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        TlsFront front = new TlsFront(server, engineSocket);
        front.threads.execute(front::accept);
        return front;
    }

    /** The DOCKER_HOST that reaches the engine through this front. */
    public String dockerHost() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(SSLSocket client) {
        try {
            client.startHandshake();
            SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(engineSocket));
            InputStream fromClient = client.getInputStream();
            OutputStream toClient = client.getOutputStream();
            threads.execute(() -> {
                pump(engine::read, bytes -> toClient.write(bytes.array(), 0, bytes.limit()), client::shutdownOutput);
                closeQuietly(client);
            });
            pump(bytes -> {
                int n = fromClient.read(bytes.array());
                bytes.position(Math.max(n, 0));
                return n;
            }, bytes -> {
                while (bytes.hasRemaining()) {
                    engine.write(bytes);
                }
            }, engine::shutdownOutput);
        } catch (IOException e) {
            closeQuietly(client); // a refused handshake ends here, as on a real engine
        }
    }

    private interface Read {
        int into(ByteBuffer buffer) throws IOException;
    }

    private interface Write {
        void all(ByteBuffer bytes) throws IOException;
    }

    private interface End {
        void run() throws IOException;
    }

    /** Copies one direction until its end, then ends the other side's output (a half-close passed on). */
    private static void pump(Read from, Write to, End end) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (true) {
                buffer.clear();
                if (from.into(buffer) < 0) {
                    break;
                }
                buffer.flip();
                to.all(buffer);
            }
            end.run();
        } catch (IOException | RuntimeException e) {
            // one side went away: the other is closed by its own pump or by close()
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // gone already
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(this::closeQuietly);
        threads.shutdownNow();
    }
}
