package dev.docproof.docker;

import com.github.dockerjava.transport.DockerHttpClient;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A transport whose every call, answer body included, ends within a deadline. The transport's own
 * response timeout is a socket read timeout, which blocking unix-socket channels ignore: a stopped
 * engine would hold a call forever. Here a watchdog interrupts the calling thread at the deadline, which
 * closes the channel it is blocked on; the call then fails with a {@link SocketTimeoutException}.
 * For calls answered in full before the caller goes on (lists, inspects, removals), not for streams.
 */
final class DeadlineHttpClient implements DockerHttpClient {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "docproof-engine-deadline");
        t.setDaemon(true);
        return t;
    });

    private final DockerHttpClient inner;
    private final Duration deadline;

    DeadlineHttpClient(DockerHttpClient inner, Duration deadline) {
        this.inner = inner;
        this.deadline = deadline;
    }

    /** One call's watchdog: interrupts the caller at the deadline unless the call finished first. */
    private static final class Watch {
        private final Thread caller = Thread.currentThread();
        private final ScheduledFuture<?> alarm;
        private boolean done;
        private boolean fired;

        Watch(Duration deadline) {
            alarm = WATCHDOG.schedule(this::fire, deadline.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void fire() {
            if (!done) {
                fired = true;
                caller.interrupt();
            }
        }

        /** Ends the watch; true when it fired (the caller's interrupt is then cleared, it was ours). */
        synchronized boolean finish() {
            done = true;
            alarm.cancel(false);
            if (fired && caller == Thread.currentThread()) {
                Thread.interrupted();
            }
            return fired;
        }
    }

    private SocketTimeoutException timeout() {
        return new SocketTimeoutException("no answer within " + deadline.toSeconds() + " s");
    }

    @Override
    public Response execute(Request request) {
        Watch watch = new Watch(deadline);
        Response response;
        try {
            response = inner.execute(request);
        } catch (RuntimeException e) {
            if (watch.finish()) {
                throw new UncheckedIOException(timeout());
            }
            throw e;
        }
        return new Response() {
            @Override
            public int getStatusCode() {
                return response.getStatusCode();
            }

            @Override
            public Map<String, List<String>> getHeaders() {
                return response.getHeaders();
            }

            @Override
            public String getHeader(String name) {
                return response.getHeader(name);
            }

            @Override
            public InputStream getBody() {
                return new FilterInputStream(response.getBody()) {
                    @Override
                    public int read() throws IOException {
                        try {
                            return super.read();
                        } catch (IOException e) {
                            throw watch.finish() ? timeout() : e;
                        }
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        try {
                            return super.read(b, off, len);
                        } catch (IOException e) {
                            throw watch.finish() ? timeout() : e;
                        }
                    }
                };
            }

            @Override
            public void close() {
                watch.finish();
                response.close();
            }
        };
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
