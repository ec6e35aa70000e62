package dev.docproof.site;

import dev.docproof.lesson.Node;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Renders a {@link SiteModel} to a self-contained static site: {@code index.html}, one page per lesson,
 * the theme under {@code _theme/}, and the images lessons use. Lesson → AsciiDoc ({@link LessonAsciiDoc})
 * → HTML through the one Asciidoctor instance → the theme's page template.
 */
public final class SiteRenderer {

    private final Supplier<Asciidoctor> asciidoctor;
    private final Theme theme;
    private final String version;
    private final boolean liveReload;

    /** @param asciidoctor usually an {@link AsciidoctorBoot}, asked only when the first page converts */
    public SiteRenderer(Supplier<Asciidoctor> asciidoctor, String docproofVersion, boolean liveReload) {
        this.asciidoctor = asciidoctor;
        this.theme = Theme.load();
        this.version = docproofVersion;
        this.liveReload = liveReload;
    }

    /** Writes the whole site; returns the path of its {@code index.html}. */
    public Path render(SiteModel site, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        theme.writeAssets(outDir);
        asciidoctor.get();
        // Pages are independent: convert them on every core through the one (thread-safe) instance.
        int threads = Math.min(site.lessons().size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (threads <= 1) {
            for (LessonPage page : site.lessons()) {
                renderPage(site, page, outDir);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "site-render");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Path>> pages = new ArrayList<>();
                for (LessonPage page : site.lessons()) {
                    pages.add(pool.submit(() -> renderPage(site, page, outDir)));
                }
                for (Future<Path> page : pages) {
                    page.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while rendering the site", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return renderIndex(site, outDir);
    }

    public Path renderIndex(SiteModel site, Path outDir) throws IOException {
        String html = convert(IndexAsciiDoc.write(site, version));
        Path index = outDir.resolve("index.html");
        Files.writeString(index, page("index", "Course", "", "index", html));
        return index;
    }

    /** Writes one lesson's page (and copies its images); the preview re-renders only the lesson that changed. */
    public Path renderPage(SiteModel site, LessonPage page, Path outDir) throws IOException {
        LessonAsciiDoc adoc = new LessonAsciiDoc(page, references(site, page));
        String html = convert(adoc.write());
        Path file = outDir.resolve(page.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, page(page.title(), page.plan().lesson().source().toString(), page.root(), "lesson", html));
        copyImages(page, adoc.images(), file.getParent(), outDir);
        return file;
    }

    /** The AsciiDoc of a lesson page, as it is given to asciidoctor. */
    public static String lessonAsciiDoc(SiteModel site, LessonPage page) {
        return new LessonAsciiDoc(page, references(site, page)).write();
    }

    private String page(String title, String subtitle, String root, String kind, String content) {
        return theme.page(
                Map.of("title", title, "subtitle", subtitle, "root", root, "kind", kind,
                        "live", liveReload ? "on" : "off", "version", version),
                Map.of("content", content));
    }

    private String convert(String adoc) {
        return asciidoctor.get().convert(adoc, OPTIONS);
    }

    private static final Options OPTIONS = Options.builder()
            .safe(SafeMode.SECURE)
            .standalone(false)
            .attributes(Attributes.builder()
                    .attribute("sectanchors", "")
                    .attribute("attribute-missing", "skip")
                    .attribute("example-caption!", "")
                    .attribute("figure-caption!", "")
                    .attribute("table-caption!", "")
                    .attribute("icons!", "")
                    .attribute("webfonts!", "")
                    .build())
            .build();

    /** Labels of every lesson, so a reference to another lesson's label links to that page. */
    static java.util.function.Function<String, String> references(SiteModel site, LessonPage from) {
        Map<String, String> hrefs = new HashMap<>();
        Map<String, String> urls = new HashMap<>();
        for (LessonPage page : site.lessons()) {
            String prefix = page == from ? "" : from.root() + page.path();
            for (String label : LessonAsciiDoc.labelsOf(page.plan().lesson().nodes())) {
                hrefs.putIfAbsent(AsciiDoc.name(label), prefix + "#" + AsciiDoc.name(label));
            }
        }
        collectUrls(from.plan().lesson().nodes(), urls);
        return name -> {
            String key = AsciiDoc.name(name);
            String url = urls.get(key);
            return url != null ? url : hrefs.get(key);
        };
    }

    private static void collectUrls(List<Node> nodes, Map<String, String> urls) {
        for (Node node : nodes) {
            if (node instanceof Node.Target t && t.url() != null) {
                urls.put(AsciiDoc.name(t.name()), t.url());
            } else if (node instanceof Node.Section s) {
                collectUrls(s.children(), urls);
            }
        }
    }

    private static final Object IMAGE_COPY = new Object();

    private static void copyImages(LessonPage page, Set<String> images, Path pageDir, Path outDir) throws IOException {
        Path lessonDir = page.plan().lesson().source().toAbsolutePath().getParent();
        Path root = outDir.toAbsolutePath().normalize();
        for (String uri : images) {
            Path source = lessonDir.resolve(uri).normalize();
            Path target = pageDir.toAbsolutePath().resolve(uri).normalize();
            if (Files.isRegularFile(source) && target.startsWith(root)) {
                synchronized (IMAGE_COPY) { // pages render in parallel and may share an image
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
