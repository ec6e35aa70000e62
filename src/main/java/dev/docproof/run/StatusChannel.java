package dev.docproof.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The session's status lines, read from a fifo that only the session driver writes to
 * ({@code NONCE SEQ word args}); lines with another nonce are ignored.
 */
final class StatusChannel implements AutoCloseable {

    sealed interface Message {
        record Ready() implements Message {}

        record Started(List<Long> pids) implements Message {}

        record Finished(int code) implements Message {}

        /**
         * The step ended the shell: it called {@code exit}, or ({@code errexit}) a command failed while
         * {@code set -e} was on.
         */
        record Exited(int code, boolean errexit) implements Message {}

        /** The shell process ended without saying why. */
        record ShellEnded(int code) implements Message {}
    }

    private record Line(int seq, Message message) {}

    private final RandomAccessFile fifo;
    private final String nonce;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean closing;

    StatusChannel(Path path, String nonce) throws IOException {
        // Read-write: the open never blocks, and a writer that comes and goes never causes an end of file.
        this.fifo = new RandomAccessFile(path.toFile(), "rw");
        this.nonce = nonce;
        this.reader = new Thread(this::readLoop, "docproof-session-status");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        StringBuilder line = new StringBuilder();
        byte[] buf = new byte[512];
        try {
            while (!closing) {
                int n = fifo.read(buf);
                if (n < 0) {
                    return;
                }
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        parse(line.toString());
                        line.setLength(0);
                    } else {
                        line.append((char) (buf[i] & 0xff));
                    }
                }
            }
        } catch (IOException e) {
            // the fifo is gone: the session is closing
        }
    }

    private void parse(String text) {
        String[] w = text.trim().split(" ");
        if (w.length < 3 || !w[0].equals(nonce)) {
            return;
        }
        int seq;
        try {
            seq = Integer.parseInt(w[1]);
            Message m = switch (w[2]) {
                case "ready" -> new Message.Ready();
                case "started" -> new Message.Started(Arrays.stream(w, 3, w.length).map(Long::valueOf).toList());
                case "rc" -> new Message.Finished(Integer.parseInt(w[3]));
                case "exit" -> new Message.Exited(Integer.parseInt(w[3]), false);
                case "errexit" -> new Message.Exited(Integer.parseInt(w[3]), true);
                default -> null;
            };
            if (m != null) {
                lines.add(new Line(seq, m));
            }
        } catch (RuntimeException malformed) {
            // not one of ours
        }
    }

    /** Forgets lines left over from an earlier step. */
    void drain() {
        lines.clear();
    }

    /**
     * The next message for step {@code seq}, a {@link Message.ShellEnded} when the shell is gone
     * and has nothing more to say, or null at the deadline.
     */
    Message next(int seq, Process shell, long deadlineNanos) {
        return next(seq, shell, deadlineNanos, () -> true);
    }

    /**
     * As {@link #next(int, Process, long)}, asking {@code keepWaiting} every few tens of milliseconds; null as soon as
     * it says no.
     */
    Message next(int seq, Process shell, long deadlineNanos, BooleanSupplier keepWaiting) {
        try {
            while (true) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                // Poll in short slices so a shell that died silently is noticed promptly.
                Line l = lines.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                if (l != null) {
                    if (l.seq() == seq) {
                        return l.message();
                    }
                    continue;
                }
                if (!keepWaiting.getAsBoolean()) {
                    return null;
                }
                if (!shell.isAlive()) {
                    // Give the reader a moment for a last line the shell wrote before it ended.
                    Line last = lines.poll(100, TimeUnit.MILLISECONDS);
                    if (last != null && last.seq() == seq) {
                        return last.message();
                    }
                    return new Message.ShellEnded(shell.exitValue());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            fifo.write("\n".getBytes(StandardCharsets.US_ASCII));
            fifo.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
