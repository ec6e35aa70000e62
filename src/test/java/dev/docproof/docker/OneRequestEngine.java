package dev.docproof.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * An engine for the proxy's tests, no Docker needed: a unix socket that takes one connection, reads a request until
 * it has seen {@code until}, then sends {@code answer} (null: goes away without a word) and closes.
 */
final class OneRequestEngine implements AutoCloseable {

    private final Path socket;
    private final ServerSocketChannel server;
    /** What the engine read, once it read up to the text it waits for. */
    final CompletableFuture<String> received;

    OneRequestEngine(Path socket, String until, String answer) throws IOException {
        this.socket = socket;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        received = CompletableFuture.supplyAsync(() -> {
            try (SocketChannel c = server.accept()) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                ByteBuffer buffer = ByteBuffer.allocate(4096);
                while (!got.toString(StandardCharsets.ISO_8859_1).contains(until)) {
                    buffer.clear();
                    if (c.read(buffer) < 0) {
                        break;
                    }
                    got.write(buffer.array(), 0, buffer.position());
                }
                if (answer != null) {
                    c.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.ISO_8859_1)));
                }
                return got.toString(StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    URI uri() {
        return URI.create("unix://" + socket);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
