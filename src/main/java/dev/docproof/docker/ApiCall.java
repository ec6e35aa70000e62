package dev.docproof.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docproof.shell.ResourceKind;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one Engine API request does to the resources the ledger follows, read from its method and path
 * (any API version prefix): the proxy labels what creates, and records what creates and removes.
 */
sealed interface ApiCall {

    /** {@code POST /containers/create}, {@code /networks/create}, {@code /volumes/create}: labelled. */
    record Create(ResourceKind kind) implements ApiCall {}

    /** {@code DELETE /containers/X}, {@code /networks/X}, {@code /volumes/X}: X is a name or an id. */
    record Remove(ResourceKind kind, String ref) implements ApiCall {}

    /** {@code POST /containers/X/stop|kill}: removes X when it was created with auto-removal. */
    record Stop(String ref) implements ApiCall {}

    /** {@code POST /containers/X/wait?condition=removed}: X is gone when it answers. */
    record AwaitRemoval(String ref) implements ApiCall {}

    /**
     * {@code POST /containers|networks|volumes|images/prune}: narrowed to what carries the run's label (the
     * engine may be shared), and the answer lists what went.
     */
    record Prune(ResourceKind kind) implements ApiCall {}

    /**
     * {@code POST /build/prune}: build cache carries no label to tell the run's from another's, so on an engine
     * others use too the lesson's prune is narrowed to none of it.
     */
    record BuildPrune() implements ApiCall {}

    /** {@code POST /build}: the image built gets the labels through the query. */
    record Build() implements ApiCall {}

    /**
     * {@code POST /commit}, and {@code POST /images/create?fromSrc=…} (an import): the image made from a container or
     * a tarball gets the labels through a {@code LABEL} change.
     */
    record CommitOrImport() implements ApiCall {}

    /**
     * {@code POST /images/X/tag?repo=R&tag=T}: gives the image X one more name, {@code R:T}. A name carries no label:
     * the ledger keeps those the lesson gave.
     */
    record Tag(String name) implements ApiCall {}

    /**
     * {@code POST /images/load}: its answer names the images loaded ({@code Loaded image: app:1}); a loaded image
     * carries no label of the run, so the ledger keeps those names as ones the lesson gave.
     */
    record Load() implements ApiCall {}

    /**
     * {@code GET} of what carries labels: a container, network, volume or image as JSON, their lists, and
     * {@code /system/df}. The answer is passed on without docproof's own labels ({@link OwnLabels}); {@code images}:
     * it is about images, whose labels the engine writes {@code null} when there are none.
     */
    record Read(boolean images) implements ApiCall {}

    /** Anything else: passed on untouched. */
    record Other() implements ApiCall {}

    Pattern VERSION = Pattern.compile("^/v[0-9]+(\\.[0-9]+)?(?=/)");
    Pattern RESOURCE = Pattern.compile("^/(containers|networks|volumes)/([^/]+)(/[a-z]+)?$");
    Pattern TAG = Pattern.compile("^/images/.+/tag$");
    Pattern LABELLED = Pattern.compile("^/(?:(?:containers|images)/json|containers/[^/]+/json|images/.+/json"
            + "|networks|networks/[^/]+|volumes|volumes/[^/]+|system/df)$");
    Pattern LOADED = Pattern.compile("Loaded image: ([^\\s\"\\\\]+)");
    ObjectMapper JSON = new ObjectMapper();
    /** An {@code id} filter of a build cache prune that matches no cache record. */
    String NO_CACHE_RECORD = "^docproof-none$";

    static ApiCall of(String method, String target) {
        String path = pathOf(target);
        if (method.equals("GET") && LABELLED.matcher(path).matches()) {
            return new Read(path.startsWith("/images/"));
        }
        Matcher m = RESOURCE.matcher(path);
        if (!m.matches()) {
            if (method.equals("POST") && path.equals("/images/prune")) {
                return new Prune(ResourceKind.IMAGE);
            }
            if (method.equals("POST") && (path.equals("/commit")
                    || path.equals("/images/create") && query(target).containsKey("fromSrc"))) {
                return new CommitOrImport();
            }
            if (method.equals("POST") && path.equals("/images/load")) {
                return new Load();
            }
            if (method.equals("POST") && path.equals("/build/prune")) {
                return new BuildPrune();
            }
            if (method.equals("POST") && TAG.matcher(path).matches() && query(target).get("repo") != null) {
                // As the engine lists it: a client may name Docker Hub's images in full (docker.io/library/app).
                String repo = query(target).get("repo").replaceFirst("^(docker\\.io|index\\.docker\\.io)/(library/)?", "");
                String tag = query(target).getOrDefault("tag", "");
                return new Tag(repo + ":" + (tag.isEmpty() ? "latest" : tag));
            }
            return method.equals("POST") && path.equals("/build") ? new Build() : new Other();
        }
        ResourceKind kind = switch (m.group(1)) {
            case "containers" -> ResourceKind.CONTAINER;
            case "networks" -> ResourceKind.NETWORK;
            default -> ResourceKind.VOLUME;
        };
        String ref = decode(m.group(2));
        String action = m.group(3) == null ? "" : m.group(3).substring(1);
        if (method.equals("POST") && action.isEmpty() && (ref.equals("create") || ref.equals("prune"))) {
            return ref.equals("create") ? new Create(kind) : new Prune(kind);
        }
        if (method.equals("DELETE") && action.isEmpty()) {
            return new Remove(kind, ref);
        }
        if (method.equals("POST") && kind == ResourceKind.CONTAINER) {
            if (action.equals("stop") || action.equals("kill")) {
                return new Stop(ref);
            }
            if (action.equals("wait") && "removed".equals(query(target).get("condition"))) {
                return new AwaitRemoval(ref);
            }
        }
        return new Other();
    }

    /** The path without its query and API version prefix: {@code /containers/create}. */
    static String pathOf(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        return VERSION.matcher(path).replaceFirst("");
    }

    static Map<String, String> query(String target) {
        Map<String, String> query = new LinkedHashMap<>();
        int q = target.indexOf('?');
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (!pair.isEmpty()) {
                    query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** A create request's JSON body with {@code labels} added to its {@code Labels} (ours win a clash). */
    static byte[] labelled(byte[] body, Map<String, String> labels) throws IOException {
        JsonNode parsed = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        if (!(parsed instanceof ObjectNode object)) {
            throw new IOException("the create request's body is not a JSON object");
        }
        JsonNode existing = object.get("Labels");
        ObjectNode target = existing instanceof ObjectNode o ? o : object.putObject("Labels");
        labels.forEach(target::put);
        return JSON.writeValueAsBytes(object);
    }

    /** A build request's target with {@code labels} merged into its {@code labels} query parameter. */
    static String labelledBuild(String target, Map<String, String> labels) throws JsonProcessingException {
        Map<String, String> query = query(target);
        Map<String, String> merged = new LinkedHashMap<>();
        String given = query.get("labels");
        if (given != null && !given.isBlank()) {
            JSON.readTree(given).fields().forEachRemaining(e -> merged.put(e.getKey(), e.getValue().asText()));
        }
        merged.putAll(labels);
        return withParameter(target, "labels", JSON.writeValueAsString(merged), true);
    }

    /**
     * A commit or import request's target with one more {@code changes} entry, a Dockerfile {@code LABEL} instruction
     * naming {@code labels}; the changes the lesson asked for are kept as they are.
     */
    static String labelledByChange(String target, Map<String, String> labels) {
        StringBuilder label = new StringBuilder("LABEL");
        labels.forEach((k, v) -> label.append(' ').append(dockerfileQuoted(k)).append('=').append(dockerfileQuoted(v)));
        return withParameter(target, "changes", label.toString(), false);
    }

    private static String dockerfileQuoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /**
     * A prune request's target with the run's label added to its {@code filters}: the engine ANDs label
     * filters, so the lesson's own filters still apply and nothing another run or user keeps is removed.
     */
    static String scopedPrune(String target, Map<String, String> labels) throws JsonProcessingException {
        ObjectNode filters = filters(target);
        String ours = RunOwner.RUN + "=" + labels.get(RunOwner.RUN);
        if (filters.get("label") instanceof ArrayNode list) {
            list.add(ours); // the older form, a list of values
        } else {
            (filters.get("label") instanceof ObjectNode set ? set : filters.putObject("label")).put(ours, true);
        }
        return withParameter(target, "filters", JSON.writeValueAsString(filters), true);
    }

    /**
     * A build cache prune's target narrowed to no cache record: its {@code id} filter (the engine matches it as a
     * pattern) is one no record's id, letters and digits only, can match. The lesson's other filters still apply.
     */
    static String noBuildCache(String target) throws JsonProcessingException {
        ObjectNode filters = filters(target);
        filters.putObject("id").put(NO_CACHE_RECORD, true); // in place of the lesson's own: the engine takes one
        return withParameter(target, "filters", JSON.writeValueAsString(filters), true);
    }

    /** The {@code filters} a request's target gives, as a JSON object to add to (empty when it gives none). */
    private static ObjectNode filters(String target) throws JsonProcessingException {
        String given = query(target).get("filters");
        JsonNode parsed = given == null || given.isBlank() ? null : JSON.readTree(given);
        return parsed instanceof ObjectNode o ? o : JSON.createObjectNode();
    }

    /**
     * The target with the parameter {@code name=value} added, or put in place of every {@code name} it had. Every
     * other parameter is kept exactly as sent, repeated ones too ({@code t=a&t=b} tags one build twice).
     */
    private static String withParameter(String target, String name, String value, boolean replace) {
        int q = target.indexOf('?');
        StringBuilder out = new StringBuilder(q < 0 ? target : target.substring(0, q)).append('?');
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (!pair.isEmpty() && !(replace && decode(eq < 0 ? pair : pair.substring(0, eq)).equals(name))) {
                    out.append(pair).append('&');
                }
            }
        }
        return out.append(encode(name)).append('=').append(encode(value)).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The names an image load's answer (JSON messages, one a line) says it gave: {@code Loaded image: app:1}. */
    static List<String> loadedNames(byte[] answer) {
        List<String> names = new ArrayList<>();
        Matcher m = LOADED.matcher(new String(answer, StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * What a container create asks for besides the container: whether the engine removes it when it stops,
     * and the named volumes it mounts (the engine would create a missing one itself, unlabelled).
     */
    record ContainerSpec(boolean autoRemove, List<String> namedVolumes) {

        static ContainerSpec of(byte[] body) throws IOException {
            JsonNode host = JSON.readTree(body).path("HostConfig");
            List<String> volumes = new ArrayList<>();
            for (JsonNode bind : host.path("Binds")) {
                String source = bind.asText().split(":", 2)[0];
                if (!source.isEmpty() && !source.startsWith("/") && bind.asText().contains(":")) {
                    volumes.add(source);
                }
            }
            for (JsonNode mount : host.path("Mounts")) {
                if (mount.path("Type").asText().equals("volume") && !mount.path("Source").asText().isEmpty()) {
                    volumes.add(mount.path("Source").asText());
                }
            }
            return new ContainerSpec(host.path("AutoRemove").asBoolean(false), volumes.stream().distinct().toList());
        }
    }
}
