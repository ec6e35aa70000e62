package dev.docproof.cli;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.CourseConfig;
import dev.docproof.plan.Planner;
import dev.docproof.plan.Review;
import dev.docproof.shell.CliModel;
import dev.docproof.read.LessonFiles;
import dev.docproof.report.PlanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Shows what docproof would run, without running anything: for each lesson its problems,"
                + " its shell code blocks and their steps (runnable or template) with the output samples they"
                + " document; each template's instances; and, without an engine, the findings no run needs: commands"
                + " and options the CLI's own help does not know (in code and in prose), templates nothing runs.",
                "Exit code: 0 when every lesson was read, 1 when a lesson has errors, 2 when nothing could be read."})
final class PlanCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Lesson files (.rst, .md, .adoc) or folders to search for them.")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LessonFiles.Discovery discovery = LessonFiles.discover(paths);
        discovery.diagnostics().forEach(err::println);
        long badPaths = discovery.errors();
        if (badPaths > 0) {
            err.println("docproof: nothing was planned; correct or remove the path" + (badPaths == 1 ? "" : "s") + " above");
            return Main.SETUP_ERROR;
        }
        List<Lesson> lessons = discovery.read(); // includes read from the course folder `check` reads them from
        if (lessons.stream().noneMatch(Lesson::readable)) {
            lessons.forEach(lesson -> lesson.diagnostics().forEach(err::println));
            err.println("docproof: nothing to plan; name lesson files (.rst, .md, .adoc) or folders that hold them");
            return Main.SETUP_ERROR;
        }
        CourseConfig config = CourseInput.config(discovery, err);
        if (config == null) {
            return Main.SETUP_ERROR;
        }
        List<Plan> plans = lessons.stream().map(lesson -> Planner.plan(lesson, config)).toList();
        Map<String, CliModel> clis = CliHelps.load(err);
        List<Review> reviews = plans.stream().map(plan -> Review.of(plan, clis)).toList();
        if (format == Format.json) {
            PlanReport.json(reviews, discovery.diagnostics(), out);
        } else {
            PlanReport.text(reviews, out);
        }
        boolean errors = plans.stream().flatMap(p -> p.diagnostics().stream())
                .anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        return errors ? Main.FAILURES : Main.OK;
    }
}
