package dev.docproof.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One direction of an HTTP/1.1 connection read from a {@link Peer}: message heads, and bodies copied
 * on as they arrive (a streamed answer such as {@code logs -f} or build output reaches the other side
 * byte for byte, without waiting for its end). Reads and writes use the peers directly: a read
 * blocked on one direction never holds up a write on the other.
 */
final class HttpWire {

    /** The start line and headers of one message, as received. */
    record Head(String startLine, List<String[]> headers) {

        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        /** The request's method, or for an answer the HTTP version. */
        String first() {
            return startLine.split(" ", 3)[0];
        }

        /** The request's target, or for an answer the status code. */
        String second() {
            String[] parts = startLine.split(" ", 3);
            return parts.length > 1 ? parts[1] : "";
        }

        int status() {
            try {
                return Integer.parseInt(second());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        boolean chunked() {
            String te = header("Transfer-Encoding");
            return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
        }

        /** The declared length, -1 when none is given. */
        long contentLength() {
            String cl = header("Content-Length");
            return cl == null ? -1 : Long.parseLong(cl.trim());
        }

        /** A request that asks to take the connection over as a raw stream (attach, exec). */
        boolean upgrade() {
            String connection = header("Connection");
            return header("Upgrade") != null || connection != null && connection.toLowerCase(Locale.ROOT).contains("upgrade");
        }

        /** The same request with another target and a body of {@code length} bytes sent as one piece. */
        Head with(String target, long length) {
            String[] parts = startLine.split(" ", 3);
            return new Head(parts[0] + " " + target + (parts.length > 2 ? " " + parts[2] : ""), headers).withLength(length);
        }

        /** The same message with a body of {@code length} bytes sent as one piece (none when negative). */
        Head withLength(long length) {
            List<String[]> kept = new ArrayList<>(headers.stream().filter(h -> !h[0].equalsIgnoreCase("Content-Length")
                    && !h[0].equalsIgnoreCase("Transfer-Encoding")).toList());
            if (length >= 0) {
                kept.add(new String[] {"Content-Length", Long.toString(length)});
            }
            return new Head(startLine, kept);
        }

        byte[] bytes() {
            StringBuilder out = new StringBuilder(startLine).append("\r\n");
            headers.forEach(h -> out.append(h[0]).append(": ").append(h[1]).append("\r\n"));
            return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** Where copied bytes go: the peer's channel, or a buffer. */
    @FunctionalInterface
    interface Sink {
        void write(ByteBuffer bytes) throws IOException;

        static Sink of(Peer peer) {
            return peer::write;
        }

        static Sink of(ByteArrayOutputStream buffer) {
            return bytes -> {
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                buffer.write(copy);
            };
        }
    }

    private static final int MAX_HEAD = 256 * 1024;

    private final Peer channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).flip();

    HttpWire(Peer channel) {
        this.channel = channel;
    }

    /** The next message's head, with its raw bytes; null when the peer closed before sending one. */
    Head readHead(ByteArrayOutputStream raw) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine(raw, lines.isEmpty());
            if (line == null) {
                if (lines.isEmpty()) {
                    return null;
                }
                throw new IOException("the connection closed inside a message head");
            }
            if (raw.size() > MAX_HEAD) {
                throw new IOException("a message head longer than " + MAX_HEAD + " bytes");
            }
            if (line.isEmpty()) {
                if (lines.isEmpty()) {
                    continue; // stray line end between messages
                }
                break;
            }
            lines.add(line);
        }
        List<String[]> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
            }
        }
        return new Head(lines.get(0), headers);
    }

    /** One line without its end, its bytes (end included) appended to {@code raw}; null at end of stream. */
    private String readLine(ByteArrayOutputStream raw, boolean eofAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (!fill()) {
                if (line.size() == 0 && eofAllowed) {
                    return null;
                }
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            byte b = buffer.get();
            raw.write(b);
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
            if (line.size() > MAX_HEAD) {
                throw new IOException("a line longer than " + MAX_HEAD + " bytes");
            }
        }
    }

    /** Makes sure the buffer holds at least one byte; false at end of stream. */
    private boolean fill() throws IOException {
        if (buffer.hasRemaining()) {
            return true;
        }
        buffer.clear();
        int n = channel.read(buffer);
        buffer.flip();
        return n > 0;
    }

    /** Copies the body {@code head} announces to {@code to}, as it arrives; {@code keep} also gets it, decoded. */
    void copyBody(Head head, Sink to, ByteArrayOutputStream keep) throws IOException {
        if (head.chunked()) {
            copyChunked(to, keep);
        } else if (head.contentLength() >= 0) {
            copy(head.contentLength(), to, keep);
        } else {
            copy(Long.MAX_VALUE, to, keep); // delimited by the end of the connection
        }
    }

    /**
     * The body {@code head} announces, decoded from chunks when sent so, to {@code data} piece by piece as it comes;
     * the framing is not passed on (whoever sends the data on frames it anew).
     */
    void copyData(Head head, DataSink data) throws IOException {
        ByteArrayOutputStream forward = new ByteArrayOutputStream() {
            @Override
            public void write(byte[] bytes, int offset, int length) {
                try {
                    data.accept(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try {
            copyBody(head, null, forward);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Takes a body's data as it comes. */
    interface DataSink {
        void accept(byte[] data) throws IOException;
    }

    /** The whole body {@code head} announces, decoded from chunks when sent so. */
    byte[] readBody(Head head) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        copyBody(head, null, body);
        return body.toByteArray();
    }

    private void copyChunked(Sink to, ByteArrayOutputStream keep) throws IOException {
        while (true) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            String sizeLine = readLine(raw, false);
            if (sizeLine == null) {
                throw new IOException("the connection closed inside a chunked body");
            }
            send(to, raw.toByteArray());
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                // trailers, up to the empty line that ends the message
                while (true) {
                    ByteArrayOutputStream trailer = new ByteArrayOutputStream();
                    String line = readLine(trailer, false);
                    send(to, trailer.toByteArray());
                    if (line == null || line.isEmpty()) {
                        return;
                    }
                }
            }
            copy(size, to, keep);
            ByteArrayOutputStream end = new ByteArrayOutputStream();
            readLine(end, false);
            send(to, end.toByteArray());
        }
    }

    /** Copies up to {@code length} bytes (fewer at end of stream), passing each piece on at once. */
    private void copy(long length, Sink to, ByteArrayOutputStream keep) throws IOException {
        long left = length;
        while (left > 0 && fill()) {
            int n = (int) Math.min(left, buffer.remaining());
            ByteBuffer piece = buffer.slice(buffer.position(), n);
            if (keep != null) {
                byte[] copy = new byte[n];
                piece.duplicate().get(copy);
                keep.write(copy);
            }
            if (to != null) {
                to.write(piece);
            }
            buffer.position(buffer.position() + n);
            left -= n;
        }
    }

    /** Everything left on this side, byte for byte, until its end: a hijacked connection's stream. */
    void copyRest(Peer to) throws IOException {
        copy(Long.MAX_VALUE, Sink.of(to), null);
    }

    static void send(Peer to, byte[] bytes) throws IOException {
        to.write(ByteBuffer.wrap(bytes));
    }

    private static void send(Sink to, byte[] bytes) throws IOException {
        if (to != null) {
            to.write(ByteBuffer.wrap(bytes));
        }
    }
}
