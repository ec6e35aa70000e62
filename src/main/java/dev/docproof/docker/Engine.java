package dev.docproof.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import org.testcontainers.shaded.com.github.dockerjava.core.DefaultDockerClientConfig;
import org.testcontainers.shaded.com.github.dockerjava.core.DockerClientImpl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Docker engine that answers: the client to it and how it was found. Every call through {@link #client()}
 * has a deadline, so an engine that stops answering (hung, stopped, gone) is an error naming it, never a
 * silent wait; builds and pulls, which may rightly stay quiet for long, go through {@link #patientClient()}.
 */
public final class Engine implements AutoCloseable {

    /** How long one engine call may wait for an answer unless told otherwise. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

    /** Where an engine listens when DOCKER_HOST does not say otherwise. */
    public static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    private static final Duration PING_CONNECT = Duration.ofSeconds(2);
    private static final Duration PING_RESPONSE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;
    private final DockerClient client;
    private final DockerClient patient;
    private final EngineLink link;
    private final URI uri;
    private final Duration deadline;
    private final String serverVersion;
    private final String apiVersion;
    private final String foundVia;
    private final AtomicReference<Optional<Path>> dataRoot = new AtomicReference<>();
    private final AtomicReference<Boolean> onThisMachine = new AtomicReference<>();

    private Engine(Location location, EngineLink link, Duration deadline, Version version) {
        this.uri = location.uri();
        this.link = link;
        this.deadline = deadline;
        this.http = transport(link, deadline);
        this.client = client(uri, http);
        this.patient = client(uri, transport(link, null));
        this.serverVersion = version.server();
        this.apiVersion = version.api();
        this.foundVia = location.foundVia();
    }

    /**
     * A client built directly on the zerodep transport, so no environment detection runs (Testcontainers'
     * own detection stalls for minutes on machines that hold a /.dockerenv file).
     */
    private static DockerClient client(URI uri, DockerHttpClient transport) {
        return DockerClientImpl.getInstance(
                DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(uri.toString()).build(), transport);
    }

    /** @param deadline how long a call may wait for the engine's next bytes; null for no limit */
    private static DockerHttpClient transport(EngineLink link, Duration deadline) {
        ZerodepDockerHttpClient.Builder http = link.http().connectionTimeout(PING_CONNECT);
        if (deadline != null) {
            http.responseTimeout(deadline);
        }
        return deadline == null ? http.build() : new DeadlineHttpClient(http.build(), deadline);
    }

    /** An image the engine has: its id and labels. */
    public record ImageFacts(String id, Map<String, String> labels) {}

    /**
     * What the engine knows of the image {@code reference}, or empty when it has none by that name. Read as plain
     * JSON: the client's full image model takes a short run's start-up a tenth of a second to build on first use,
     * and a run asks this of every image its lessons use before the first step.
     *
     * @throws DockerException when the engine fails to answer, as the client's own calls do
     */
    public Optional<ImageFacts> image(String reference) {
        // The engine decodes the path before it routes it, so a name's slashes may be escaped with the rest.
        String path = "/images/" + URLEncoder.encode(reference, StandardCharsets.UTF_8).replace("+", "%20") + "/json";
        try (DockerHttpClient.Response response = http.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build());
             InputStream body = response.getBody()) {
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            if (response.getStatusCode() != 200) {
                throw new DockerException("the engine answered HTTP " + response.getStatusCode() + " about the image "
                        + reference, response.getStatusCode());
            }
            JsonNode json = JSON.readTree(body);
            Map<String, String> labels = new LinkedHashMap<>();
            json.path("Config").path("Labels").fields().forEachRemaining(label -> labels.put(label.getKey(),
                    label.getValue().asText()));
            return Optional.of(new ImageFacts(json.path("Id").asText(), Map.copyOf(labels)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects to the engine named by DOCKER_HOST, else the default socket; fails with the fix when none answers. */
    public static Engine connect() throws EngineException {
        return connect(System.getenv("DOCKER_HOST"));
    }

    /** Connects to {@code dockerHost} (a DOCKER_HOST value; null or blank means the default socket). */
    public static Engine connect(String dockerHost) throws EngineException {
        return connect(dockerHost, DEFAULT_DEADLINE);
    }

    /** As {@link #connect(String)}, each call waiting at most {@code deadline} for the engine. */
    public static Engine connect(String dockerHost, Duration deadline) throws EngineException {
        return connect(dockerHost, EngineTls.fromEnvironment(), deadline);
    }

    /** As {@link #connect(String, Duration)}, speaking TLS to a tcp:// address as {@code tls} says. */
    static Engine connect(String dockerHost, EngineTls tls, Duration deadline) throws EngineException {
        Location location = Location.of(dockerHost, tls);
        EngineLink link = EngineLink.of(location.uri(), location.tls());
        return new Engine(location, link, deadline, ping(location, link));
    }

    /** Whether an engine answers at {@code dockerHost} within a few seconds; never throws. */
    public static boolean answers(String dockerHost) {
        try {
            Location location = Location.of(dockerHost);
            ping(location, EngineLink.of(location.uri(), location.tls()));
            return true;
        } catch (EngineException e) {
            return false;
        }
    }

    /** The client for ordinary calls: each fails after the deadline when the engine does not answer. */
    public DockerClient client() {
        return client;
    }

    /** The client for builds and pulls: no limit on how long the engine may stay quiet. */
    public DockerClient patientClient() {
        return patient;
    }

    /** Where the engine listens, e.g. unix:///var/run/docker.sock: how messages name it. */
    public URI uri() {
        return uri;
    }

    /** How long one call may wait for an answer. */
    public Duration deadline() {
        return deadline;
    }

    public String serverVersion() {
        return serverVersion;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /**
     * Where the engine keeps its images, containers and volumes, when that is on this machine (an engine reached over a
     * unix socket whose folder is here); asked once. Empty for an engine elsewhere, or one that does not say.
     */
    public Optional<Path> dataRoot() {
        Optional<Path> known = dataRoot.get();
        if (known == null) {
            known = Optional.empty();
            if (uri.getScheme().equals("unix")) {
                try {
                    String root = client.infoCmd().exec().getDockerRootDir();
                    if (root != null && Files.isDirectory(Path.of(root))) {
                        known = Optional.of(Path.of(root));
                    }
                } catch (RuntimeException notSaid) {
                    // unknown: only docproof's own folders are watched then
                }
            }
            dataRoot.set(known);
        }
        return known;
    }

    /**
     * Whether the engine runs on this machine, so that a container it starts can share a folder of this machine and its
     * processes can be seen here: it is reached over a unix socket or a loopback address, and names itself as this
     * machine does. An engine elsewhere names another machine: one named by DOCKER_HOST, Docker Desktop's virtual
     * machine, or the machine around the container docproof runs in when its socket is mounted there. Asked once.
     */
    public boolean onThisMachine() {
        Boolean known = onThisMachine.get();
        if (known == null) {
            String host = uri.getHost();
            boolean near = uri.getScheme().equals("unix") || host != null && (host.equals("localhost")
                    || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
            try {
                known = near && RunOwner.hostName().equals(client.infoCmd().exec().getName());
            } catch (RuntimeException notSaid) {
                known = near; // an engine that does not say is taken for what its address says
            }
            onThisMachine.set(known);
        }
        return known;
    }

    /** How docproof opens connections to the engine (TLS or not). */
    EngineLink link() {
        return link;
    }

    /** How docproof speaks to an engine at a tcp:// address, e.g. "TLS (DOCKER_TLS_VERIFY), …"; empty for a unix socket. */
    public String speaks() {
        return link.uri().getScheme().equals("unix") ? "" : link.tls().describe();
    }

    /** e.g. "DOCKER_HOST=tcp://…" or "socket /var/run/docker.sock". */
    public String foundVia() {
        return foundVia;
    }

    @Override
    public void close() {
        for (DockerClient c : new DockerClient[] {client, patient}) {
            try {
                c.close();
            } catch (IOException e) {
                // Closing only releases the connection pool; nothing is left to undo.
            }
        }
    }

    /**
     * Where to look for the engine and how to tell the user about it.
     *
     * @param tls how to speak to a tcp:// address (a unix socket is always plain)
     */
    record Location(URI uri, String foundVia, boolean fromEnvironment, EngineTls tls) {

        static Location of(String dockerHost) throws EngineException {
            return of(dockerHost, EngineTls.fromEnvironment());
        }

        static Location of(String dockerHost, EngineTls tls) throws EngineException {
            if (dockerHost == null || dockerHost.isBlank()) {
                return new Location(URI.create("unix://" + DEFAULT_SOCKET), "socket " + DEFAULT_SOCKET, false,
                        EngineTls.plain());
            }
            URI uri;
            try {
                uri = URI.create(dockerHost.trim());
            } catch (IllegalArgumentException e) {
                throw new EngineException("DOCKER_HOST=" + dockerHost + " is not a valid address."
                        + " Set it to unix:///path/to/docker.sock or tcp://host:port, or unset it to use "
                        + DEFAULT_SOCKET + ".");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (!scheme.equals("unix") && !scheme.equals("tcp")) {
                throw new EngineException("DOCKER_HOST=" + dockerHost + " uses '" + scheme + "', which docproof does"
                        + " not speak. Set it to unix:///path/to/docker.sock or tcp://host:port (for ssh, forward the"
                        + " socket: ssh -NL /tmp/docker.sock:/var/run/docker.sock host), or unset it.");
            }
            return new Location(uri, "DOCKER_HOST=" + dockerHost.trim(), true, scheme.equals("tcp") ? tls : EngineTls.plain());
        }
    }

    record Version(String server, String api) {}

    /**
     * Asks the engine for its version over a transport with short deadlines, so a dead address fails fast.
     * The failure's message is the problem on its first line and what to do on the next.
     */
    static Version ping(Location location, EngineLink link) throws EngineException {
        DockerHttpClient http = new DeadlineHttpClient(link.http()
                .connectionTimeout(PING_CONNECT)
                .responseTimeout(PING_RESPONSE)
                .build(), PING_RESPONSE);
        try (http; DockerHttpClient.Response response = http.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/version").build())) {
            if (response.getStatusCode() != 200) {
                if (plainToTls(location, link)) {
                    throw new EngineTlsException(TlsFailure.plainToTls(location.uri()));
                }
                throw new EngineException("The Docker engine at " + location.uri() + " answered HTTP "
                        + response.getStatusCode() + " to a version request.\n" + fix(location));
            }
            try (InputStream body = response.getBody()) {
                JsonNode json = JSON.readTree(body);
                return new Version(json.path("Version").asText("unknown"), json.path("ApiVersion").asText("unknown"));
            }
        } catch (EngineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (link.tls().on()) {
                Optional<String> tls = TlsFailure.explain(e, location.uri(), link.tls()).or(() -> TlsProbe.whyTlsFails(link));
                if (tls.isPresent()) {
                    throw new EngineTlsException(tls.get(), e);
                }
            } else if (plainToTls(location, link)) {
                throw new EngineTlsException(TlsFailure.plainToTls(location.uri()), e);
            }
            throw new EngineException("No Docker engine answers at " + location.uri() + " (" + location.foundVia()
                    + "): " + rootMessage(e) + ".\n" + fix(location), e);
        }
    }

    /** Whether docproof spoke plain HTTP to a tcp:// address that speaks TLS (asked only once a request failed). */
    private static boolean plainToTls(Location location, EngineLink link) {
        return !link.tls().on() && location.uri().getScheme().equals("tcp") && TlsProbe.speaksTls(location.uri());
    }

    private static String fix(Location location) {
        if (location.fromEnvironment()) {
            return "Start the engine DOCKER_HOST names, or unset DOCKER_HOST to use " + DEFAULT_SOCKET
                    + " and run: ./docproof engine";
        }
        return "Run ./docproof engine (as root on Debian it installs and starts one), or start Docker yourself"
                + " (e.g. Docker Desktop) or set DOCKER_HOST to an engine that runs.";
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
