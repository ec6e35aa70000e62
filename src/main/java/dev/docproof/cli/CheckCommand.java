package dev.docproof.cli;

import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.report.ConsoleReport;
import dev.docproof.report.JUnitReport;
import dev.docproof.report.JsonReport;
import dev.docproof.run.CourseResult;
import dev.docproof.run.CourseRunner;
import dev.docproof.run.LessonResult;
import dev.docproof.run.RunSettings;
import dev.docproof.run.Status;
import dev.docproof.run.StepResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Runs each lesson's commands in one shell against the Docker engine, compares the output with"
                + " the lesson's samples, repairs what the evidence proves, and removes what the lesson left behind.",
        footer = {"", "Exit status: 0 every runnable step passed (repaired ones with a warning), 1 some step failed,"
                + " 2 usage or set-up error (no engine, an image missing, a name already taken, nothing readable)."})
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Lesson files, or folders holding them.")
    List<Path> paths;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Deadline of each step (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--fail-fast", description = "Stop a lesson at its first failed step.")
    boolean failFast;

    @Option(names = "--strict", description = "Abridged samples, repairs and leaked resources count as failures.")
    boolean strict;

    @Option(names = "--no-repair", description = "Do not repair failed steps from the engine's evidence.")
    boolean noRepair;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--junit", paramLabel = "DIR", description = "Also write JUnit XML reports into DIR.")
    Path junit;

    @Override
    public Integer call() {
        if (timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The engine connection starts now and overlaps reading and planning the lessons.
        try (CourseRunner.EarlyEngine early = CourseRunner.EarlyEngine.begin()) {
            return check(out, err, early);
        }
    }

    private int check(PrintWriter out, PrintWriter err, CourseRunner.EarlyEngine early) {
        LessonFiles.Discovery found = LessonFiles.discover(paths);
        found.diagnostics().forEach(d -> err.println("docproof: " + d));
        if (found.files().isEmpty()) {
            err.println("docproof: no lesson to check: name .rst, .md or .adoc files, or folders that hold them");
            return Main.SETUP_ERROR;
        }
        List<Plan> plans = found.files().stream().map(LessonFiles::read).map(Planner::plan).toList();
        RunSettings settings = new RunSettings(Duration.ofSeconds(timeoutSeconds), failFast, !noRepair,
                contentDir(found.files().get(0)));

        boolean terminal = System.console() != null;
        ConsoleReport console = new ConsoleReport(out, terminal, terminal && System.getenv("NO_COLOR") == null);
        CourseResult result = Progress.whileRunning(console, terminal, () -> CourseRunner.run(plans, settings, console, early));
        console.courseFinished(result);
        out.flush();

        if (!writeReports(result, err)) {
            return Main.SETUP_ERROR;
        }
        result.lessons().stream().filter(l -> l.setupError() != null)
                .forEach(l -> err.println("docproof: " + l.setupError()));
        int code = exitCode(result, strict);
        long repaired = count(result, Status.REPAIRED);
        if (code == Main.OK && repaired > 0) {
            err.println("docproof: warning: " + repaired + (repaired == 1 ? " step passes" : " steps pass")
                    + " only after a repair; run `docproof fix` to write the repair back into the lesson");
        }
        return code;
    }

    /** The folder holding the lesson (where {@code images/} recipes live next to it). */
    private static Path contentDir(Path lesson) {
        Path parent = lesson.toAbsolutePath().getParent();
        return parent == null ? Path.of("") : parent;
    }

    private boolean writeReports(CourseResult result, PrintWriter err) {
        if (json != null) {
            try (Writer w = Files.newBufferedWriter(json)) {
                JsonReport.write(result, w);
            } catch (IOException e) {
                err.println("docproof: cannot write the JSON report to " + json + ": " + e.getMessage());
                return false;
            }
        }
        if (junit != null) {
            try {
                Files.createDirectories(junit);
                JUnitReport.write(result, junit);
            } catch (IOException e) {
                err.println("docproof: cannot write the JUnit reports into " + junit + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /**
     * The contract: 2 when a lesson could not run (set-up error), 1 when a runnable step failed (with
     * {@code strict}, also a repaired step, an abridged sample or a leaked resource), else 0.
     */
    static int exitCode(CourseResult result, boolean strict) {
        if (result.lessons().isEmpty() || result.lessons().stream().anyMatch(l -> l.setupError() != null)) {
            return Main.SETUP_ERROR;
        }
        if (count(result, Status.FAILED) > 0) {
            return Main.FAILURES;
        }
        if (strict && (count(result, Status.REPAIRED) > 0 || anyAbridged(result)
                || result.lessons().stream().anyMatch(l -> !l.leaks().isEmpty()))) {
            return Main.FAILURES;
        }
        return Main.OK;
    }

    private static long count(CourseResult result, Status status) {
        return result.lessons().stream().mapToLong(l -> l.count(status)).sum();
    }

    private static boolean anyAbridged(CourseResult result) {
        return result.lessons().stream().map(LessonResult::steps).flatMap(List::stream)
                .map(StepResult::match).anyMatch(m -> m != null && !m.abridged().isEmpty());
    }
}
