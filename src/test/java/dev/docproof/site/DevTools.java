package dev.docproof.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless chromium driven through its DevTools protocol (a WebSocket the JDK speaks), so a test can
 * click and type in real pages: navigate, evaluate script in the page, wait for a condition, type text
 * as keyboard input.
 */
final class DevTools implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private DevTools(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    static DevTools start() throws Exception {
        Path profile = Files.createTempDirectory("docproof-chromium-");
        ProcessBuilder chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1200,900", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        chromium.environment().put("TMPDIR", profile.toString()); // its own temp files go with the profile
        Process process = chromium.start();
        String browser = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; browser == null && System.nanoTime() < deadline && (line = err.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                browser = m.group(1);
            }
        }
        if (browser == null) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not open its DevTools port");
        }
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        URI ws = URI.create(browser);
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://" + ws.getAuthority() + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String pageSocket = null;
        for (JsonNode target : new ObjectMapper().readTree(list)) {
            if ("page".equals(target.path("type").asText())) {
                pageSocket = target.path("webSocketDebuggerUrl").asText();
            }
        }
        DevTools[] self = new DevTools[1];
        StringBuilder partial = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    self[0].received(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        self[0] = new DevTools(process, profile, socket);
        return self[0];
    }

    private void received(String message) {
        try {
            JsonNode node = json.readTree(message);
            if (node.has("id")) {
                CompletableFuture<JsonNode> waiting = pending.remove(node.get("id").asInt());
                if (waiting != null) {
                    waiting.complete(node);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(json.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                .get(30, TimeUnit.SECONDS);
        JsonNode reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    void navigate(String url) throws Exception {
        send("Page.navigate", Map.of("url", url));
        waitFor("document.readyState === 'complete' && location.href === " + json.writeValueAsString(url));
    }

    /** The value of a script expression evaluated in the page. */
    JsonNode eval(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Polls a condition (a script expression) until it holds, for 20 seconds at most. */
    void waitFor(String condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (eval("!!(" + condition + ")").asBoolean()) {
                    return;
                }
            } catch (IllegalStateException e) {
                // the page is between documents; ask again
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("the page never met: " + condition + " (at " + eval("location.href") + ")");
    }

    /** Clicks an element as a user would: a mouse press and release at its centre. */
    void click(String selector) throws Exception {
        JsonNode box = eval("(function(){var e=document.querySelector(" + json.writeValueAsString(selector)
                + "); if(!e) return null; e.scrollIntoView({block:'center'}); var r=e.getBoundingClientRect();"
                + " return [r.left + r.width / 2, r.top + r.height / 2];})()");
        if (box.isNull() || !box.isArray()) {
            throw new AssertionError("nothing to click: " + selector + " on " + eval("location.href"));
        }
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", Map.of("type", type, "x", box.get(0).asDouble(), "y", box.get(1).asDouble(),
                    "button", "left", "clickCount", 1));
        }
    }

    /** Types text into the focused element, as keyboard input. */
    void type(String text) throws Exception {
        send("Input.insertText", Map.of("text", text));
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        // Chromium's helpers (renderer, crash handler) outlive its main process and keep writing to the
        // profile: they all go, and are waited for, before the profile is removed.
        List<ProcessHandle> all = new java.util.ArrayList<>(process.toHandle().descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            for (ProcessHandle p : all) {
                p.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("chromium did not end within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RenderedSite.deleteTree(profile);
    }
}
