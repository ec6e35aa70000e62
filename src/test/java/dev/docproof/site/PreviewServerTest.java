package dev.docproof.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheSiteOnLoopbackAndAVersionThatChangesWhenAPageDoes(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<p>course</p>");
        Files.createDirectories(site.resolve("_theme"));
        Files.writeString(site.resolve("_theme/docproof.css"), "body{}");
        try (PreviewServer server = PreviewServer.start(site, 0)) {
            assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> index = get(server.uri());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).isEqualTo("<p>course</p>");
            assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(get(server.uri().resolve("_theme/docproof.css")).headers().firstValue("Content-Type"))
                    .hasValue("text/css; charset=utf-8");
            assertThat(get(server.uri().resolve("_live/version")).body()).isEqualTo("1");
            server.changed();
            assertThat(get(server.uri().resolve("_live/version")).body()).isEqualTo("2");
            assertThat(get(server.uri().resolve("missing.html")).statusCode()).isEqualTo(404);
            assertThat(get(URI.create(server.uri() + "%2e%2e/%2e%2e/etc/passwd")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void watcherReportsAChangedLessonOnceAndIgnoresOtherFiles(@TempDir Path dir) throws Exception {
        Path lesson = Files.writeString(dir.resolve("lesson.rst"), "Title\n=====\n");
        BlockingQueue<Path> changes = new LinkedBlockingQueue<>();
        try (LessonWatcher watcher = LessonWatcher.watch(java.util.List.of(lesson),
                lesson.toAbsolutePath().normalize()::equals, changes::add)) {
            Files.writeString(dir.resolve("other.txt"), "not a lesson");
            Files.writeString(lesson, "Title\n=====\n\nMore.\n");
            Files.writeString(lesson, "Title\n=====\n\nMore, again.\n");
            assertThat(changes.poll(10, TimeUnit.SECONDS)).isEqualTo(lesson.toAbsolutePath().normalize());
            assertThat(changes.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void watcherReportsALessonCreatedLaterInANewFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.rst"), "Title\n=====\n");
        BlockingQueue<Path> changes = new LinkedBlockingQueue<>();
        try (LessonWatcher watcher = LessonWatcher.watch(java.util.List.of(dir),
                file -> file.toString().endsWith(".rst"), changes::add)) {
            Path folder = Files.createDirectories(dir.resolve("week3"));
            Path lesson = folder.resolve("day1.rst");
            Path seen = null;
            // the watcher registers the new folder once it sees it: write until the lesson is reported
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); seen == null && System.nanoTime() < deadline; ) {
                Files.writeString(folder.resolve("notes.txt"), "not a lesson");
                Files.writeString(lesson, "Day 1\n=====\n");
                seen = changes.poll(300, TimeUnit.MILLISECONDS);
            }
            assertThat(seen).isEqualTo(lesson.toAbsolutePath().normalize());
        }
    }
}
