package dev.docproof.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docproof.shell.Resource;
import dev.docproof.shell.ResourceKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One client connection through the {@link EngineProxy}: requests go on (creates labelled), answers come
 * back (creates and removals recorded first). HTTP/1.1 answers come in the order of the requests, so a
 * queue pairs each answer with the request it answers. A connection the engine takes over for a raw
 * stream (attach, exec) is passed through both ways, byte for byte, and half-closed as the peers do.
 */
final class ProxyConnection {

    /**
     * A request on its way, as the answer needs it.
     *
     * @param internal sent by the proxy itself (a labelled volume ahead of a container that mounts it): its
     *                 answer is recorded, not passed on
     * @param request  its start line's method and path, as a stall names it
     * @param sentIn   the step that sent it: what its answer creates or removes is that step's
     * @param sentAt   when it went on ({@link System#nanoTime()})
     */
    private record Pending(ApiCall call, boolean head, boolean upgrade, String name, boolean autoRemove,
                           boolean internal, String request, StepMark sentIn, long sentAt) {}

    /** A request the engine has not begun to answer. */
    record Unanswered(String request, StepMark sentIn, long sentAt) {}

    private final Peer client;
    private final Peer engine;
    private final Map<String, String> labels;
    private final boolean shared;
    private final SocketMounts socketMounts;
    private final EngineProxy.Recorder recorder;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    /** The request whose answer is being passed back, else null. */
    private volatile Pending current;

    ProxyConnection(Peer client, Peer engine, Map<String, String> labels, boolean shared, SocketMounts socketMounts,
                    EngineProxy.Recorder recorder) {
        this.client = client;
        this.engine = engine;
        this.labels = labels;
        this.shared = shared;
        this.socketMounts = socketMounts;
        this.recorder = recorder;
    }

    /** Passes the client's requests on until it closes its side or takes the connection over. */
    void requests() {
        HttpWire in = new HttpWire(client);
        try {
            while (true) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                HttpWire.Head head = in.readHead(raw);
                if (head == null) {
                    break;
                }
                if (!forward(in, head, raw.toByteArray())) {
                    in.copyRest(engine); // a raw stream from here on: the client's stdin
                    break;
                }
            }
            engine.shutdownOutput();
        } catch (IOException | RuntimeException e) {
            abort();
        }
    }

    /** Sends one request on; false when it asked to take the connection over. */
    private boolean forward(HttpWire in, HttpWire.Head head, byte[] raw) throws IOException {
        String method = head.first();
        String target = head.second();
        ApiCall call = ApiCall.of(method, target);
        boolean isHead = method.equals("HEAD");
        StepMark sentIn = recorder.sending();
        String request = method + " " + ApiCall.pathOf(target);
        if (call instanceof ApiCall.Create create) {
            byte[] body = in.readBody(head);
            String name = create.kind() == ResourceKind.CONTAINER ? ApiCall.query(target).get("name")
                    : ApiCall.JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body).path("Name").asText(null);
            boolean autoRemove = false;
            if (create.kind() == ResourceKind.CONTAINER) {
                body = socketMounts.redirected(body);
                ApiCall.ContainerSpec spec = ApiCall.ContainerSpec.of(body);
                autoRemove = spec.autoRemove();
                for (String volume : spec.namedVolumes()) {
                    createVolumeFirst(volume, sentIn);
                }
            }
            byte[] labelled = ApiCall.labelled(body, labels);
            pending.add(new Pending(call, false, false, name, autoRemove, false, request, sentIn, System.nanoTime()));
            HttpWire.send(engine, head.with(target, labelled.length).bytes());
            HttpWire.send(engine, labelled);
            return true;
        }
        pending.add(new Pending(call, isHead, head.upgrade(), null, false, false, request, sentIn, System.nanoTime()));
        if (call instanceof ApiCall.Build || call instanceof ApiCall.CommitOrImport) {
            Map<String, String> made = madeLabels(sentIn);
            HttpWire.Head relabelled = head.with(call instanceof ApiCall.Build ? ApiCall.labelledBuild(target, made)
                    : ApiCall.labelledByChange(target, made), head.contentLength());
            HttpWire.send(engine, (head.chunked() ? withChunked(relabelled) : relabelled).bytes());
        } else if (call instanceof ApiCall.Prune || call instanceof ApiCall.BuildPrune && shared) {
            HttpWire.Head scoped = head.with(call instanceof ApiCall.Prune ? ApiCall.scopedPrune(target, labels)
                    : ApiCall.noBuildCache(target), head.contentLength());
            HttpWire.send(engine, (head.chunked() ? withChunked(scoped) : scoped).bytes());
        } else {
            HttpWire.send(engine, raw);
        }
        if (head.chunked() || head.contentLength() > 0) {
            in.copyBody(head, HttpWire.Sink.of(engine), null);
        }
        return !head.upgrade();
    }

    /** The labels an image the lesson builds, commits or imports gets: the run's, and the line that made it. */
    private Map<String, String> madeLabels(StepMark sentIn) {
        Map<String, String> made = new LinkedHashMap<>(labels);
        made.put(RunOwner.MADE_AT, Integer.toString(sentIn.line()));
        return made;
    }

    private static HttpWire.Head withChunked(HttpWire.Head head) {
        List<String[]> headers = new ArrayList<>(head.headers());
        headers.add(new String[] {"Transfer-Encoding", "chunked"});
        return new HttpWire.Head(head.startLine(), headers);
    }

    /**
     * A named volume a container mounts would be created by the engine without labels; created here first,
     * with them, it is owned like any other. One that exists already is left as it is (the engine answers
     * with it, unlabelled by this run, and it is not recorded).
     */
    private void createVolumeFirst(String name, StepMark sentIn) throws IOException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("Name", name);
        request.put("Labels", labels);
        byte[] body = ApiCall.JSON.writeValueAsBytes(request);
        pending.add(new Pending(new ApiCall.Create(ResourceKind.VOLUME), false, false, name, false, true,
                "POST /volumes/create", sentIn, System.nanoTime()));
        HttpWire.send(engine, ("POST /volumes/create HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        HttpWire.send(engine, body);
    }

    /** Passes the engine's answers back, recording what they say was created or removed. */
    void answers() {
        HttpWire in = new HttpWire(engine);
        try {
            while (true) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                HttpWire.Head head = in.readHead(raw);
                if (head == null) {
                    break;
                }
                int status = head.status();
                if (status >= 100 && status < 200 && status != 101) {
                    HttpWire.send(client, raw.toByteArray()); // 100 Continue: the answer is still to come
                    continue;
                }
                Pending request = pending.take();
                if (status == 101 || request.upgrade() && status == 200) {
                    HttpWire.send(client, raw.toByteArray());
                    in.copyRest(client); // the container's output, as it comes
                    break;
                }
                current = request;
                answer(in, head, raw.toByteArray(), request);
                current = null;
            }
            client.shutdownOutput();
        } catch (IOException | RuntimeException e) {
            abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
        } finally {
            unanswered(current);
        }
    }

    /**
     * The engine's side ended with creates still unanswered (the engine went away, or the lesson's proxy closed):
     * each may or may not exist on the engine now, with the run's labels; the recorder is told, so a report can say so.
     */
    private void unanswered(Pending cutOff) {
        List<Pending> lost = new ArrayList<>();
        if (cutOff != null) {
            lost.add(cutOff);
        }
        pending.drainTo(lost);
        for (Pending p : lost) {
            if (p.call() instanceof ApiCall.Create create) {
                recorder.unanswered(p.sentIn(), create.kind(), p.name());
            }
        }
    }

    private void answer(HttpWire in, HttpWire.Head head, byte[] raw, Pending request) throws IOException {
        int status = head.status();
        boolean noBody = request.head() || status == 204 || status == 304;
        boolean success = status >= 200 && status < 300;
        boolean needsBody = success && (request.call() instanceof ApiCall.Create || request.call() instanceof ApiCall.Prune);
        if (needsBody && !noBody) {
            byte[] body = in.readBody(head);
            recordBody(request, body);
            if (!request.internal()) {
                sendWhole(head, OwnLabels.hidden(body)); // a volume's create answers with the volume
            }
            return;
        }
        if (success && request.call() instanceof ApiCall.Read read && !noBody) {
            sendWhole(head, OwnLabels.hidden(in.readBody(head), read.images()));
            return;
        }
        if (success && request.call() instanceof ApiCall.AwaitRemoval awaited && !noBody) {
            // The engine sends the head at once and the body when the container is gone (or the wait
            // failed): the head goes on now, as the client waits for it; the body only once recorded.
            HttpWire.send(client, raw);
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            in.copyBody(head, HttpWire.Sink.of(sent), body);
            JsonNode result = ApiCall.JSON.readTree(body.toByteArray());
            if (result != null && result.has("StatusCode") && result.path("Error").path("Message").asText("").isEmpty()) {
                recorder.removed(request.sentIn(), ResourceKind.CONTAINER, awaited.ref());
            }
            HttpWire.send(client, sent.toByteArray());
            return;
        }
        if (success && request.call() instanceof ApiCall.Build && head.chunked() && !noBody) {
            // A classic build counts docproof's labels as steps of its own: those go (see BuildSteps).
            HttpWire.send(client, raw);
            BuildSteps steps = new BuildSteps(madeLabels(request.sentIn()).size());
            in.copyData(head, data -> sendChunk(steps.accept(data)));
            sendChunk(steps.rest());
            HttpWire.send(client, "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        if (success && request.call() instanceof ApiCall.Load && !noBody) {
            // The answer streams on to the client as it comes; the names it gave are read once it is whole.
            HttpWire.send(client, raw);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.copyBody(head, HttpWire.Sink.of(client), answer);
            ApiCall.loadedNames(answer.toByteArray()).forEach(name -> recorder.tagged(request.sentIn(), name));
            return;
        }
        if (success) {
            recordRemoval(request);
        }
        if (request.internal()) {
            if (!noBody) {
                in.copyBody(head, null, null);
            }
            return;
        }
        HttpWire.send(client, raw);
        if (!noBody) {
            in.copyBody(head, HttpWire.Sink.of(client), null);
        }
    }

    /** One chunk of a chunked answer; none for no bytes (an empty chunk would end the answer). */
    private void sendChunk(byte[] bytes) throws IOException {
        if (bytes.length > 0) {
            HttpWire.send(client, (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            HttpWire.send(client, bytes);
            HttpWire.send(client, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** An answer whose body was read whole, as one piece. */
    private void sendWhole(HttpWire.Head head, byte[] body) throws IOException {
        HttpWire.send(client, head.withLength(body.length).bytes());
        HttpWire.send(client, body);
    }

    private void recordRemoval(Pending request) {
        if (request.call() instanceof ApiCall.Remove remove) {
            recorder.removed(request.sentIn(), remove.kind(), remove.ref());
        } else if (request.call() instanceof ApiCall.Stop stop) {
            recorder.stopped(request.sentIn(), stop.ref());
        } else if (request.call() instanceof ApiCall.Tag tag) {
            recorder.tagged(request.sentIn(), tag.name());
        }
    }

    private void recordBody(Pending request, byte[] body) throws IOException {
        JsonNode json = ApiCall.JSON.readTree(body);
        if (request.call() instanceof ApiCall.Prune prune) {
            String field = switch (prune.kind()) {
                case CONTAINER -> "ContainersDeleted";
                case NETWORK -> "NetworksDeleted";
                case VOLUME -> "VolumesDeleted";
                case IMAGE -> null; // images are not followed by removal
            };
            if (field == null) {
                return;
            }
            json.path(field).forEach(ref -> recorder.removed(request.sentIn(), prune.kind(), ref.asText()));
            return;
        }
        ResourceKind kind = ((ApiCall.Create) request.call()).kind();
        if (kind == ResourceKind.VOLUME) {
            // The engine answers a create of an existing volume with that volume: ours only if labelled so.
            String run = json.path("Labels").path(RunOwner.RUN).asText("");
            if (run.equals(labels.get(RunOwner.RUN))) {
                String name = json.path("Name").asText();
                recorder.created(request.sentIn(), new Resource(kind, name, name), false);
            }
            return;
        }
        String id = json.path("Id").asText();
        String name = request.name() == null || request.name().isEmpty()
                ? id.substring(0, Math.min(12, id.length())) : request.name();
        recorder.created(request.sentIn(), new Resource(kind, id, name.startsWith("/") ? name.substring(1) : name),
                request.autoRemove());
    }

    /** The oldest request on this connection the engine has not begun to answer, else null. */
    Unanswered oldestUnanswered() {
        Pending first = pending.peek();
        return first == null ? null : new Unanswered(first.request(), first.sentIn(), first.sentAt());
    }

    /** Whether a create sent on this connection still waits for the engine's answer. */
    boolean awaitsCreate() {
        Pending answering = current;
        return answering != null && answering.call() instanceof ApiCall.Create
                || pending.stream().anyMatch(p -> p.call() instanceof ApiCall.Create);
    }

    /** Something broke mid-message: both sides are closed, so neither peer waits for more. */
    private void abort() {
        try {
            client.close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            engine.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
