package dev.docproof.cli;

import dev.docproof.plan.Review;
import dev.docproof.run.Interrupts;
import dev.docproof.run.CourseRunner;
import dev.docproof.site.AsciidoctorBoot;
import dev.docproof.site.SiteModel;
import dev.docproof.site.SiteRenderer;
import dev.docproof.shell.CliModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "site", mixinStandardHelpOptions = true,
        description = "Runs the lessons like `check` does and renders a verified HTML site: every command with its"
                + " verdict and output. The site is written even when steps fail.",
        footer = {"", "Exit status: as `check`: 0 every runnable step passed (repaired ones with a warning), 1 some"
                + " step failed or a lesson could not be read whole, 2 usage or set-up error. With --no-run: 0, or 1"
                + " when a lesson could not be read."})
final class SiteCommand implements Callable<Integer>, RunsLessons {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Lesson files or folders (default: content).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where the site goes (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "site");

    @Option(names = "--no-run", description = "Render without running anything: every step shows as not verified.")
    boolean noRun;

    @Option(names = "--root", paramLabel = "DOC", description = "The root document, whose page is index.html and"
            + " whose toctrees make the navigation (default: index.rst, index.md or index.adoc in the course folder).")
    String root;

    @Mixin
    RunOptions options;

    private CourseRunner.EarlyEngine early;

    @Override
    public void connectingSince(CourseRunner.EarlyEngine early) {
        this.early = early;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Asciidoctor boots (seconds) and the engine connects while the lessons are read and run.
        // One catcher from the run to the last page: a first signal once the lessons ran lets the site be finished, as
        // the run's other reports are; after one, the next ends docproof at once.
        try (SignalCatcher signals = SignalCatcher.install();
             AsciidoctorBoot boot = AsciidoctorBoot.start();
             CourseRunner.EarlyEngine early = noRun ? CourseRunner.EarlyEngine.none()
                     : this.early != null ? this.early : CourseRunner.EarlyEngine.begin()) {
            CourseInput input = CourseInput.read(paths, err,
                    "no lesson to render: name .rst, .md or .adoc files, or folders that hold them");
            if (input == null) {
                return Main.SETUP_ERROR;
            }
            SiteModel site;
            int code;
            SiteModel.Layout layout = input.layout(root);
            if (noRun) {
                input.printDiagnostics(err);
                Map<String, CliModel> clis = CliHelps.load(err);
                site = SiteModel.unverified(input.plans(), Instant.now(), layout, plan -> Review.of(plan, clis).findings());
                code = input.plans().stream().allMatch(p -> p.lesson().readable()) ? Main.OK : Main.FAILURES;
            } else {
                CourseRun.Ran ran = CourseRun.run(input, options, early, out, err);
                if (ran.result() == null) {
                    return ran.exitCode();
                }
                site = SiteModel.ofRun(input.plans(), ran.result(), layout);
                code = ran.exitCode();
            }
            Path index = new SiteRenderer(boot, Main.version(), false).render(site, this.out,
                    warning -> err.println("docproof: " + warning));
            Interrupts.Signal interrupted = Interrupts.requested();
            if (interrupted != null && code != interrupted.exitStatus()) {
                err.println(CourseRun.afterRun(interrupted, "the reports and the site"));
                code = interrupted.exitStatus();
            }
            err.flush();
            out.println("Site written to " + index);
            return code;
        } catch (IOException e) {
            err.println("docproof: cannot write the site to " + this.out + ": " + e.getMessage());
            err.println("Check that the folder is writable, or choose another with --out DIR.");
            return Main.SETUP_ERROR;
        }
    }
}
