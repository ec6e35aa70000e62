package dev.docproof.cli;

import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.run.CourseRunner;
import dev.docproof.report.Summary;
import dev.docproof.run.LessonResult;
import dev.docproof.run.RunListener;
import dev.docproof.run.RunSettings;
import dev.docproof.site.AsciidoctorBoot;
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
import java.time.Duration;
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

    @Option(names = "--run", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Run the lessons against the engine and re-run a lesson when it changes; --no-run (the"
                    + " default) renders without running anything, as `site --no-run` does.")
    boolean run;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
            description = "Deadline of each step with --run: 90, 30s, 2m, 500ms (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    private SiteModel site;

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
            if (!run) {
                lessons.printDiagnostics(err);
            }
            RunSettings settings = lessons.settings(timeout, false, true);
            site = run ? SiteModel.ofRun(lessons.plans(), CourseRunner.run(lessons.plans(), settings, progress(err)))
                    : SiteModel.unverified(lessons.plans(), Instant.now());
            SiteRenderer renderer = new SiteRenderer(boot, Main.version(), true);
            try {
                renderer.render(site, this.out);
            } catch (IOException e) {
                err.println("docproof: cannot write the preview to " + this.out + ": " + e.getMessage());
                return Main.SETUP_ERROR;
            }
            try (PreviewServer server = PreviewServer.start(this.out, port);
                 LessonWatcher watcher = LessonWatcher.watch(lessons.files(),
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

    /** Re-reads one changed lesson, re-renders its page and the index, and tells open pages to reload. */
    private synchronized void rerender(Path file, SiteRenderer renderer, RunSettings settings,
                                       PreviewServer server, PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        LessonPage old = site.page(file);
        if (old == null) {
            return;
        }
        try {
            Plan plan = Planner.plan(LessonFiles.read(old.plan().lesson().source()));
            plan.diagnostics().forEach(d -> err.println(d));
            LessonResult result = run ? CourseRunner.run(List.of(plan), settings, progress(err)).lessons().get(0) : null;
            LessonPage page = new LessonPage(plan, result, old.path());
            site = site.withPage(page);
            renderer.renderPage(site, page, this.out);
            renderer.renderIndex(site, this.out);
            server.changed();
            out.printf("Re-rendered %s in %d ms%n", page.path(), (System.nanoTime() - start) / 1_000_000);
            out.flush();
        } catch (IOException | RuntimeException e) {
            err.println("docproof: could not re-render " + file + ": " + e.getMessage());
            err.flush();
        }
    }
}
