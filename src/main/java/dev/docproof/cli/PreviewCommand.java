package dev.docproof.cli;

import dev.docproof.lesson.Plan;
import dev.docproof.read.LessonFiles;
import dev.docproof.report.JsonResults;
import dev.docproof.run.CourseRunner;
import dev.docproof.report.Summary;
import dev.docproof.run.LessonResult;
import dev.docproof.run.RunListener;
import dev.docproof.run.RunSettings;
import dev.docproof.site.AsciidoctorBoot;
import dev.docproof.site.Course;
import dev.docproof.site.LessonPage;
import dev.docproof.site.LessonWatcher;
import dev.docproof.site.PreviewServer;
import dev.docproof.site.SiteModel;
import dev.docproof.site.SiteRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Serves the site on localhost and re-renders a lesson's page when its file changes;"
                + " open pages reload by themselves. Nothing runs unless --run is given.")
final class PreviewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Lesson files or folders (default: content).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--port", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8000;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the preview site goes (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "preview");

    @Option(names = "--root", paramLabel = "DOC", description = "The root document, whose page is index.html"
            + " (default: index.rst, index.md or index.adoc in the course folder).")
    String root;

    @Option(names = "--run", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Run the lessons against the engine and re-run a lesson when it changes; --no-run (the"
                    + " default) renders without running anything, as `site --no-run` does.")
    boolean run;

    @CommandLine.Mixin
    SessionOptions session;

    private SiteModel site;
    /** The course as first read: a changed lesson is read again the same way. */
    private CourseInput course;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AsciidoctorBoot boot = AsciidoctorBoot.start()) {
            CourseInput lessons = CourseInput.read(paths, err,
                    "no lesson to preview: name .rst, .md or .adoc files, or folders that hold them");
            if (lessons == null) {
                return Main.SETUP_ERROR;
            }
            course = lessons;
            if (!run) {
                lessons.printDiagnostics(err);
            }
            String problem = session.problem();
            if (problem != null) {
                err.println("docproof: " + problem);
                return Main.SETUP_ERROR;
            }
            RunSettings settings = session.settings(lessons.contentDir(), false, true, false);
            SiteModel.Layout layout = lessons.layout(root);
            site = run ? SiteModel.ofRun(lessons.plans(), CourseRunner.run(lessons.plans(), settings, progress(err), CourseRunner.EarlyEngine.none(),
                    JsonResults::lessonOf), layout)
                    : SiteModel.unverified(lessons.plans(), Instant.now(), layout);
            SiteRenderer renderer = new SiteRenderer(boot, Main.version(), true);
            try {
                renderer.render(site, this.out, warning -> err.println("docproof: " + warning));
                err.flush();
            } catch (IOException e) {
                err.println("docproof: cannot write the preview to " + this.out + ": " + e.getMessage());
                return Main.SETUP_ERROR;
            }
            try (PreviewServer server = PreviewServer.start(this.out, port);
                 LessonWatcher watcher = LessonWatcher.watch(watched(), file -> LessonFiles.formatOf(file).isPresent(),
                         file -> rerender(file, renderer, settings, server, out, err))) {
                out.println("Previewing at " + server.uri() + " — pages reload when a lesson changes; Ctrl-C stops.");
                out.flush();
                new CountDownLatch(1).await(); // serve until the process is stopped
            } catch (BindException e) {
                err.println("docproof: port " + port + " is already in use; choose another with --port N.");
                return Main.SETUP_ERROR;
            } catch (IOException e) {
                err.println("docproof: cannot serve the preview: " + e.getMessage());
                return Main.SETUP_ERROR;
            }
        }
        return Main.OK;
    }

    /** Set-up messages and one summary line per lesson: the preview's console stays quiet. */
    private static RunListener progress(PrintWriter err) {
        return new RunListener() {
            @Override
            public void setupProgress(String message) {
                err.println(message);
                err.flush();
            }

            @Override
            public void lessonFinished(LessonResult result) {
                err.println(result.plan().lesson().source() + ": " + Summary.of(result).describe());
                err.flush();
            }
        };
    }

    private List<Path> watched() {
        return paths.isEmpty() ? List.of(Path.of("content")) : paths;
    }

    /**
     * Re-reads one changed lesson, or adds a new one, and re-renders: only its page when the course's
     * navigation is as it was, else every page (titles, sections and toctrees show on every page's
     * sidebar); then tells open pages to reload.
     */
    private synchronized void rerender(Path file, SiteRenderer renderer, RunSettings settings,
                                       PreviewServer server, PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        LessonPage old = site.page(file);
        if (old == null && LessonFiles.discover(watched()).files().stream()
                .noneMatch(f -> f.toAbsolutePath().normalize().equals(file))) {
            return; // not a lesson of this course (a hidden or recipe folder)
        }
        try {
            Path source = old == null ? file : old.plan().lesson().source();
            Plan plan = course.reread(source, err);
            if (plan == null) {
                return; // its docproof.yml said why; the page stays as it was
            }
            plan.diagnostics().forEach(d -> err.println("docproof: " + d));
            LessonResult result = run ? CourseRunner.run(List.of(plan), settings, progress(err),
                    CourseRunner.EarlyEngine.none(), JsonResults::lessonOf).lessons().get(0) : null;
            SiteModel before = site;
            site = old == null ? site.withNewLesson(plan, result)
                    : site.withPage(new LessonPage(plan, result, old.docname(), old.path()));
            LessonPage page = site.page(source);
            if (old != null && Course.sameNavigation(old.plan().lesson(), plan.lesson())) {
                renderer.renderChanged(site, page, this.out, warning -> err.println("docproof: " + warning));
            } else {
                renderer.render(site, this.out, warning -> err.println("docproof: " + warning));
            }
            server.changed();
            out.printf("%s %s in %d ms%n", before.page(source) == null ? "Added" : "Re-rendered", page.path(),
                    (System.nanoTime() - start) / 1_000_000);
            out.flush();
            err.flush();
        } catch (IOException | RuntimeException e) {
            err.println("docproof: could not re-render " + file + ": " + e.getMessage());
            err.flush();
        }
    }
}
