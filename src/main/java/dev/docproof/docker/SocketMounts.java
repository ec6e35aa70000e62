package dev.docproof.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A container that mounts the engine's own socket ({@code -v /var/run/docker.sock:/var/run/docker.sock}, as CI
 * agents, dashboards and the {@code docker} image in lessons do) would reach the engine past the lesson's socket:
 * what it creates would carry no label, escape the ledger and outlive the lesson. The lesson's socket is mounted
 * there instead, so what the container creates is the lesson's too. Only where the engine sees this machine's files:
 * when it is reached over a unix socket here. Pure.
 *
 * @param engineSockets the paths that name the engine's socket
 * @param lessonSocket  the lesson's socket, mounted in their place
 */
record SocketMounts(Set<String> engineSockets, String lessonSocket) {

    /** Mounts nothing differently: an engine on another machine binds its own files. */
    static final SocketMounts NONE = new SocketMounts(Set.of(), "");

    /** For a lesson whose socket {@code lessonSocket} forwards to {@code upstream}. */
    static SocketMounts of(URI upstream, Path lessonSocket) {
        if (!"unix".equals(upstream.getScheme())) {
            return NONE;
        }
        // The usual path and its twin (/var/run is a link to /run), and where this engine's socket actually is.
        Set<String> paths = new LinkedHashSet<>(Set.of("/var/run/docker.sock", "/run/docker.sock"));
        paths.add(upstream.getPath());
        return new SocketMounts(Set.copyOf(paths), lessonSocket.toString());
    }

    /** A container create request's body with every bind of the engine's socket made a bind of the lesson's. */
    byte[] redirected(byte[] body) throws IOException {
        if (engineSockets.isEmpty() || body.length == 0) {
            return body;
        }
        JsonNode parsed = ApiCall.JSON.readTree(body);
        if (!(parsed.path("HostConfig") instanceof ObjectNode host)) {
            return body;
        }
        boolean changed = false;
        if (host.get("Binds") instanceof ArrayNode binds) {
            for (int i = 0; i < binds.size(); i++) {
                String bind = binds.get(i).asText();
                int colon = bind.indexOf(':');
                if (colon > 0 && isEngineSocket(bind.substring(0, colon))) {
                    binds.set(i, TextNode.valueOf(lessonSocket + bind.substring(colon)));
                    changed = true;
                }
            }
        }
        if (host.get("Mounts") instanceof ArrayNode mounts) {
            for (JsonNode mount : mounts) {
                if (mount instanceof ObjectNode m && "bind".equals(m.path("Type").asText())
                        && isEngineSocket(m.path("Source").asText())) {
                    m.put("Source", lessonSocket);
                    changed = true;
                }
            }
        }
        return changed ? ApiCall.JSON.writeValueAsBytes(parsed) : body;
    }

    private boolean isEngineSocket(String source) {
        return engineSockets.contains(Path.of(source).normalize().toString());
    }
}
