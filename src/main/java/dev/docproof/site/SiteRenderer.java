package dev.docproof.site;

import dev.docproof.lesson.Diagnostic;
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
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Renders a {@link SiteModel} to a self-contained static site: one page per document (the root document
 * at {@code index.html}), the verification dashboard, the search index, the theme under {@code _theme/},
 * and the images and downloads pages use. Lesson → AsciiDoc ({@link LessonAsciiDoc}) → HTML through the
 * one Asciidoctor instance → the theme's page template with the course's navigation around it.
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
        return render(site, outDir, warning -> { });
    }

    /**
     * Writes the whole site; what could not be resolved (a toctree entry, a reference, an image) is
     * given to {@code warnings}, the course's navigation first, then page by page in order.
     */
    public Path render(SiteModel site, Path outDir, Consumer<Diagnostic> warnings) throws IOException {
        Files.createDirectories(outDir);
        theme.writeAssets(outDir);
        List<Diagnostic> all = new ArrayList<>(site.course().navigation().warnings());
        ExecutorService pool = pool(site.lessons().size() + 2);
        try {
            // First what needs no asciidoctor, which may still be starting: the search index and every page's
            // AsciiDoc and frame; then the conversions, the dashboard's lessons (needing no page's warnings)
            // with the pages, so that no core waits at the end.
            Future<?> search = pool.submit(() -> writeSearchIndex(site, outDir));
            List<Future<Prepared>> prepared = new ArrayList<>();
            for (LessonPage page : site.lessons()) {
                prepared.add(pool.submit(() -> prepare(site, page)));
            }
            Future<String> lessons = pool.submit(() -> convert(DashboardAsciiDoc.lessons(site, version)));
            List<Future<List<Diagnostic>>> pages = new ArrayList<>();
            for (Future<Prepared> page : prepared) {
                pages.add(pool.submit(() -> write(result(page), site.course(), outDir)));
            }
            for (Future<List<Diagnostic>> page : pages) {
                all.addAll(result(page));
            }
            all.forEach(warnings);
            result(search);
            String diagnostics = DashboardAsciiDoc.diagnostics(site, all);
            return writeCoursePages(site, outDir,
                    result(lessons) + (diagnostics.isEmpty() ? "" : "\n" + convert(diagnostics)));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Writes one page again and the course's own pages, for a page whose document changed without changing
     * the course's navigation (the preview's common case, in milliseconds).
     */
    public void renderChanged(SiteModel site, LessonPage page, Path outDir, Consumer<Diagnostic> warnings)
            throws IOException {
        List<Diagnostic> all = new ArrayList<>(site.course().navigation().warnings());
        all.addAll(renderPage(site, page, outDir));
        all.forEach(warnings);
        renderCoursePages(site, outDir, all);
    }

    /** Threads for {@code tasks} tasks on every core, sharing the one (thread-safe) Asciidoctor instance. */
    private static ExecutorService pool(int tasks) {
        int threads = Math.min(tasks, Math.max(1, Runtime.getRuntime().availableProcessors()));
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "site-render");
            t.setDaemon(true);
            return t;
        });
    }

    private static <T> T result(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering the site", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The pages of the course as a whole: the verification dashboard, the home page when the course has no
     * root document, and the search index. Returns the path of {@code index.html}.
     */
    public Path renderCoursePages(SiteModel site, Path outDir, List<Diagnostic> warnings) throws IOException {
        writeSearchIndex(site, outDir);
        return writeCoursePages(site, outDir, convert(DashboardAsciiDoc.write(site, version, warnings)));
    }

    private static Void writeSearchIndex(SiteModel site, Path outDir) throws IOException {
        Files.writeString(outDir.resolve(SearchIndex.FILE), SearchIndex.script(site));
        return null;
    }

    /** Writes the dashboard and, when the course has no root document, the home page; returns {@code index.html}. */
    private Path writeCoursePages(SiteModel site, Path outDir, String dashboard) throws IOException {
        PageFrame frame = new PageFrame(site);
        Course course = site.course();
        Files.writeString(outDir.resolve(course.dashboard()),
                page("Verification", course, "", "dashboard", dashboard, frame.generated("Verification")));
        Path index = outDir.resolve(Course.HOME);
        if (course.root() == null) {
            String contents = "<h1>" + Html.escape(course.title()) + "</h1>\n<div class=\"toctree-wrapper compound\">\n"
                    + new TocHtml(course, new LessonPage(null, null, "", Course.HOME))
                    .list(course.navigation().allDocuments(), null) + "</div>\n";
            Files.writeString(index, page(course.title(), course, "", "home", contents, frame.generated("Contents")));
        }
        return index;
    }

    /** Writes one lesson's page (and copies its images and downloads); returns what it could not resolve. */
    public List<Diagnostic> renderPage(SiteModel site, LessonPage page, Path outDir) throws IOException {
        return write(prepare(site, page), site.course(), outDir);
    }

    /** A page up to what needs asciidoctor: its AsciiDoc, with placeholders, and its frame. */
    private static Prepared prepare(SiteModel site, LessonPage page) {
        PageLinks links = new PageLinks(site, page);
        Passthroughs pass = Passthroughs.placeholders();
        return new Prepared(page, links, pass, new LessonAsciiDoc(links, pass).write(), new PageFrame(site).lesson(page));
    }

    private record Prepared(LessonPage page, PageLinks links, Passthroughs pass, String asciiDoc,
                            Map<String, String> frame) {}

    private List<Diagnostic> write(Prepared prepared, Course course, Path outDir) throws IOException {
        LessonPage page = prepared.page();
        String html = prepared.pass().restore(convert(prepared.asciiDoc()));
        Path file = outDir.resolve(page.path());
        Files.createDirectories(file.getParent());
        Files.writeString(file, page(page.title(), course, page.root(), "lesson", html, prepared.frame()));
        copy(prepared.links().copies(), outDir);
        return prepared.links().warnings();
    }

    /** A lesson's content: its AsciiDoc converted, with the HTML its passthroughs stand for in place. */
    String lessonHtml(PageLinks links, Passthroughs pass) {
        return pass.restore(convert(new LessonAsciiDoc(links, pass).write()));
    }

    /**
     * The AsciiDoc of a lesson page with its ready HTML written out in passthroughs (asciidoctor is given
     * placeholders in their place, and renders both alike).
     */
    public static String lessonAsciiDoc(SiteModel site, LessonPage page) {
        return new LessonAsciiDoc(new PageLinks(site, page), Passthroughs.written()).write();
    }

    private String page(String title, Course course, String root, String kind, String content, Map<String, String> frame) {
        Map<String, String> html = new HashMap<>(frame);
        html.put("content", content);
        // The browser's tab: the page, then its course; a home page titled as its course says it once.
        String pageTitle = title.equals(course.title()) ? title : title + " · " + course.title();
        return theme.page(
                Map.of("title", title, "pagetitle", pageTitle, "course", course.title(), "root", root, "kind", kind,
                        "live", liveReload ? "on" : "off", "version", version),
                html);
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
                    .attribute("listing-caption!", "")
                    .attribute("icons!", "")
                    .attribute("webfonts!", "")
                    .build())
            .build();

    private static final Object FILE_COPY = new Object();

    private static void copy(Map<Path, String> copies, Path outDir) throws IOException {
        Path root = outDir.toAbsolutePath().normalize();
        for (Map.Entry<Path, String> copy : copies.entrySet()) {
            Path target = root.resolve(copy.getValue()).normalize();
            if (Files.isRegularFile(copy.getKey()) && target.startsWith(root)) {
                synchronized (FILE_COPY) { // pages render in parallel and may share a file
                    Files.createDirectories(target.getParent());
                    Files.copy(copy.getKey(), target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
