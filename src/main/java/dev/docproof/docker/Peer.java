package dev.docproof.docker;

import javax.net.ssl.SSLSocket;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One end of a connection the engine proxy passes bytes through: a socket channel (a unix socket, plain TCP), or
 * the streams of a TLS socket. One thread may read while another writes.
 */
interface Peer extends Closeable {

    /** Reads what is there into {@code buffer}, waiting for at least one byte; -1 at the end of the stream. */
    int read(ByteBuffer buffer) throws IOException;

    /** Writes all of {@code bytes}. */
    void write(ByteBuffer bytes) throws IOException;

    /** Ends this side's output; the other side sees the end of its input. */
    void shutdownOutput() throws IOException;

    static Peer of(SocketChannel channel) {
        return new Peer() {
            @Override
            public int read(ByteBuffer buffer) throws IOException {
                return channel.read(buffer);
            }

            @Override
            public void write(ByteBuffer bytes) throws IOException {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }

            @Override
            public void shutdownOutput() throws IOException {
                channel.shutdownOutput();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    /**
     * A TLS socket layered on {@code plain}. Closing closes {@code plain}, which ends a read or write blocked on the
     * TLS socket at once (closing the TLS socket itself would first try to say goodbye to a peer that may not listen).
     */
    static Peer of(SSLSocket tls, Socket plain) throws IOException {
        InputStream in = tls.getInputStream();
        OutputStream out = tls.getOutputStream();
        return new Peer() {
            @Override
            public int read(ByteBuffer buffer) throws IOException {
                int n = in.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                if (n > 0) {
                    buffer.position(buffer.position() + n);
                }
                return n;
            }

            @Override
            public void write(ByteBuffer bytes) throws IOException {
                if (bytes.hasArray()) {
                    out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                    bytes.position(bytes.limit());
                } else {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    out.write(copy);
                }
                out.flush();
            }

            @Override
            public void shutdownOutput() throws IOException {
                tls.shutdownOutput();
            }

            @Override
            public void close() throws IOException {
                plain.close();
            }
        };
    }
}
