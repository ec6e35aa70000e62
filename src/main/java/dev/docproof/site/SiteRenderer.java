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
        asciidoctor.get();
        List<Diagnostic> all = new ArrayList<>(site.course().navigation().warnings());
        for (List<Diagnostic> page : renderPages(site, site.lessons(), outDir)) {
            all.addAll(page);
        }
        all.forEach(warnings);
        return renderCoursePages(site, outDir, all);
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

    /** Renders pages on every core through the one (thread-safe) instance; returns each page's warnings. */
    private List<List<Diagnostic>> renderPages(SiteModel site, List<LessonPage> pages, Path outDir) throws IOException {
        int threads = Math.min(pages.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<List<Diagnostic>> warnings = new ArrayList<>();
        if (threads <= 1) {
            for (LessonPage page : pages) {
                warnings.add(renderPage(site, page, outDir));
            }
            return warnings;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "site-render");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Diagnostic>>> futures = new ArrayList<>();
            for (LessonPage page : pages) {
                futures.add(pool.submit(() -> renderPage(site, page, outDir)));
            }
            for (Future<List<Diagnostic>> page : futures) {
                warnings.add(page.get());
            }
            return warnings;
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

    /**
     * The pages of the course as a whole: the verification dashboard, the home page when the course has no
     * root document, and the search index. Returns the path of {@code index.html}.
     */
    public Path renderCoursePages(SiteModel site, Path outDir, List<Diagnostic> warnings) throws IOException {
        PageFrame frame = new PageFrame(site);
        Course course = site.course();
        String dashboard = convert(DashboardAsciiDoc.write(site, version, warnings));
        Files.writeString(outDir.resolve(course.dashboard()),
                page("Verification", course, "", "dashboard", dashboard, frame.generated("Verification")));
        Path index = outDir.resolve(Course.HOME);
        if (course.root() == null) {
            String contents = "<h1>" + Html.escape(course.title()) + "</h1>\n<div class=\"toctree-wrapper compound\">\n"
                    + new TocHtml(course, new LessonPage(null, null, "", Course.HOME))
                    .list(course.navigation().allDocuments(), null) + "</div>\n";
            Files.writeString(index, page(course.title(), course, "", "home", contents, frame.generated("Contents")));
        }
        Files.writeString(outDir.resolve(SearchIndex.FILE), SearchIndex.script(site));
        return index;
    }

    /** Writes one lesson's page (and copies its images and downloads); returns what it could not resolve. */
    public List<Diagnostic> renderPage(SiteModel site, LessonPage page, Path outDir) throws IOException {
        PageLinks links = new PageLinks(site, page);
        String html = lessonHtml(links, Passthroughs.placeholders());
        Path file = outDir.resolve(page.path());
        Files.createDirectories(file.getParent());
        Map<String, String> frame = new PageFrame(site).lesson(page);
        Files.writeString(file, page(page.title(), site.course(), page.root(), "lesson", html, frame));
        copy(links.copies(), outDir);
        return links.warnings();
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
        return theme.page(
                Map.of("title", title, "course", course.title(), "root", root, "kind", kind,
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
