package dev.docproof.docker;

import dev.docproof.shell.Resource;
import dev.docproof.shell.ResourceKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine as a lesson's shell sees it: a unix socket that passes every Engine API request on to the
 * real engine, adds the run's labels to every create (containers, networks, volumes, images built) and
 * tells a {@link Recorder} what was created and removed before the answer reaches the lesson's command,
 * so the record of a step is complete when the step ends. Streams (attach, exec, logs, events, build
 * output) pass through as they come, byte for byte. A container mounting the engine's socket gets this one in its
 * place ({@link SocketMounts}), so what it creates is followed too.
 *
 * <p>The engine behind may be any the Engine API reaches over a unix socket, plain TCP or TCP with TLS: the
 * host's engine, or a sandbox's own. The lesson's side is always plain HTTP on the unix socket.
 */
public final class EngineProxy implements AutoCloseable {

    /**
     * Told what the lesson's requests created and removed, as each answer comes back, each with the step that
     * sent the request ({@link #sending()}, asked as the request goes on): an answer that comes late is still the
     * sending step's.
     */
    public interface Recorder {
        /** A recorder that records nothing: the proxy only forwards. */
        Recorder NONE = new Recorder() {
            public StepMark sending() {
                return StepMark.NONE;
            }

            public void created(StepMark sentIn, Resource resource, boolean autoRemove) { }

            public void removed(StepMark sentIn, ResourceKind kind, String ref) { }

            public void stopped(StepMark sentIn, String ref) { }
        };

        /** The step running now, as a request goes on to the engine. */
        StepMark sending();

        /** A resource the engine created for the lesson, with the run's labels. */
        void created(StepMark sentIn, Resource resource, boolean autoRemove);

        /** The engine removed the resource named {@code ref} (a name, an id or an id's prefix). */
        void removed(StepMark sentIn, ResourceKind kind, String ref);

        /** The container {@code ref} was stopped: gone too when it was created with auto-removal. */
        void stopped(StepMark sentIn, String ref);

        /**
         * A create the engine never answered (the connection to it ended first): the resource may exist, with the
         * run's labels. {@code name} is null for one the lesson did not name.
         */
        default void unanswered(StepMark sentIn, ResourceKind kind, String name) { }

        /** The engine gave an image the name {@code name} ({@code repo:tag}), as the lesson asked. */
        default void tagged(StepMark sentIn, String name) { }
    }

    private static final Duration CONNECT = Duration.ofSeconds(5);

    private final ServerSocketChannel server;
    private final Path socket;
    private final EngineLink upstream;
    private final Map<String, String> labels;
    /** Whether others use the engine too (this machine's), not only the lesson (a sandbox's own). */
    private final boolean shared;
    private final SocketMounts socketMounts;
    private final Recorder recorder;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "docproof-engine-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Peer> open = ConcurrentHashMap.newKeySet();
    private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();

    /**
     * A request the lesson sent that the engine has not begun to answer.
     *
     * @param request its method and path ({@code POST /containers/create})
     * @param sentIn  the step that sent it
     * @param waiting how long it has waited so far
     */
    public record Unanswered(String request, StepMark sentIn, Duration waiting) {}

    private EngineProxy(ServerSocketChannel server, Path socket, EngineLink upstream, Map<String, String> labels,
                        boolean shared, Recorder recorder) {
        this.server = server;
        this.socket = socket;
        this.upstream = upstream;
        this.labels = Map.copyOf(labels);
        this.shared = shared;
        this.socketMounts = SocketMounts.of(upstream.uri(), socket);
        this.recorder = recorder;
    }

    /**
     * Serves a socket in {@code folder} (which only this user may enter) that forwards to {@code upstream}
     * ({@code unix:///path} or {@code tcp://host:port}), labelling every create with {@code labels}; {@code shared}
     * when others use that engine too.
     */
    public static EngineProxy start(Path folder, URI upstream, Map<String, String> labels, boolean shared,
                                    Recorder recorder) throws EngineException {
        String scheme = upstream.getScheme() == null ? "" : upstream.getScheme();
        if (!scheme.equals("unix") && !scheme.equals("tcp")) {
            throw new EngineException("docproof follows a lesson's engine calls over unix:// or tcp:// only, not "
                    + upstream + ". Point DOCKER_HOST at a unix socket or a plain TCP address.");
        }
        return start(folder, EngineLink.plain(upstream), labels, shared, recorder);
    }

    /** As above, to the engine {@code upstream} reaches (over TLS when the engine speaks it). */
    static EngineProxy start(Path folder, EngineLink upstream, Map<String, String> labels, boolean shared,
                             Recorder recorder) throws EngineException {
        Path socket = folder.resolve("docker.sock");
        try {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            permitAsTheEngine(socket, upstream.uri());
            EngineProxy proxy = new EngineProxy(server, socket, upstream, labels, shared, recorder);
            proxy.threads.execute(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new EngineException("cannot open the lesson's engine socket " + socket + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives the socket the mode and group of the engine's own socket: mounted in its place into a container
     * ({@link SocketMounts}), it lets in the same users (a container user added to the socket's group, as lessons do
     * with {@code --group-add}). An engine reached over TCP has no socket here to follow; one whose group this user
     * may not give keeps this user's: the lesson's own commands get in either way.
     */
    private static void permitAsTheEngine(Path socket, URI upstream) {
        if (!"unix".equals(upstream.getScheme())) {
            return;
        }
        try {
            PosixFileAttributes engine = Files.readAttributes(Path.of(upstream.getPath()), PosixFileAttributes.class);
            Files.setPosixFilePermissions(socket, engine.permissions());
            Files.getFileAttributeView(socket, PosixFileAttributeView.class).setGroup(engine.group());
        } catch (IOException | UnsupportedOperationException notHere) {
            // only a container user other than root, allowed by the engine's group, is refused
        }
    }

    /** The DOCKER_HOST value that sends a client here. */
    public String dockerHost() {
        return "unix://" + socket;
    }

    private void accept() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            Peer peer = Peer.of(client);
            open.add(peer);
            threads.execute(() -> serve(peer));
        }
    }

    private void serve(Peer client) {
        Peer engine;
        try {
            engine = upstream.open(CONNECT);
        } catch (IOException | RuntimeException e) {
            // The lesson's client sees its connection close, as it would with the engine down.
            closeQuietly(client);
            return;
        }
        open.add(engine);
        ProxyConnection connection = new ProxyConnection(client, engine, labels, shared, socketMounts, recorder);
        connections.add(connection);
        threads.execute(() -> {
            try {
                connection.answers();
            } finally {
                connections.remove(connection);
                closeQuietly(client);
                closeQuietly(engine);
            }
        });
        connection.requests();
    }

    /**
     * The longest-waiting request the engine has not begun to answer, of those the step at {@code line} sent;
     * empty when the engine has begun to answer every one (an answer that streams, such as logs or a build,
     * has begun).
     */
    public Optional<Unanswered> unanswered(int line) {
        long now = System.nanoTime();
        return connections.stream().map(ProxyConnection::oldestUnanswered).filter(Objects::nonNull)
                .filter(u -> u.sentIn().line() == line)
                .min(Comparator.comparingLong(ProxyConnection.Unanswered::sentAt))
                .map(u -> new Unanswered(u.request(), u.sentIn(), Duration.ofNanos(now - u.sentAt())));
    }

    /**
     * Waits up to {@code within} until the engine has answered every create the lesson sent: a create sent before
     * the engine stalled is answered once it runs again, and what it made is then the lesson's to report.
     */
    public boolean awaitCreates(Duration within) {
        return Poll.until(within, Duration.ofMillis(20), () -> connections.stream().noneMatch(ProxyConnection::awaitsCreate));
    }

    /**
     * Whether the engine behind answers a ping within {@code within}: tells an engine that stopped answering
     * from one call that is slow (a pull from a registry that does not answer).
     */
    public boolean answersPing(Duration within) {
        Peer engine;
        try {
            engine = upstream.open(within);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        open.add(engine);
        Future<Boolean> answer = threads.submit(() -> {
            HttpWire.send(engine, "GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            HttpWire.Head head = new HttpWire(engine).readHead(new ByteArrayOutputStream());
            return head != null && head.status() == 200;
        });
        try {
            return answer.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            closeQuietly(engine); // ends a read still waiting
            answer.cancel(true);
        }
    }

    private void closeQuietly(Peer peer) {
        open.remove(peer);
        try {
            peer.close();
        } catch (IOException | RuntimeException e) {
            // closing is all that is left to do with it
        }
    }

    /** Stops serving: closes the socket, every connection still open, and removes the socket file. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // nothing listens any more either way
        }
        open.forEach(this::closeQuietly);
        threads.shutdownNow();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // its folder goes with the run
        }
    }

    static boolean closedConnection(IOException e) {
        return e instanceof ClosedChannelException || e.getMessage() != null
                && (e.getMessage().contains("Broken pipe") || e.getMessage().contains("Connection reset"));
    }
}
