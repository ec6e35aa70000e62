package dev.docproof.cli;

import dev.docproof.report.JsonResults;
import dev.docproof.run.CourseResult;
import dev.docproof.run.CourseRunner;
import dev.docproof.run.Interrupts;
import dev.docproof.run.RunListener;
import dev.docproof.run.RunSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Runs lessons like `check` does, then writes what docproof proved back into their sources:"
                + " each repaired command (only the affected lines change) and, with --update-samples, each output"
                + " sample that no longer matches.",
                "Exit codes: 0 written (or nothing to fix), 1 failures remain that could not be repaired,"
                        + " 2 usage or set-up error."})
final class FixCommand implements Callable<Integer>, RunsLessons {

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Lesson files or folders (default: content).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--bind", description = "Also write bound steps back: each placeholder or author's id replaced by"
            + " the resource it was bound to (only on request: a placeholder may be meant as one).")
    boolean bind;

    @Option(names = "--dry-run", description = "Print the unified diff of what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--update-samples", description = "Also rewrite output samples from the actual output, keeping"
            + " `...` lines, <placeholders> and volatile values wherever they still match.")
    boolean updateSamples;

    @CommandLine.Mixin
    SessionOptions session;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CourseRunner.EarlyEngine early = CourseRunner.EarlyEngine.none();

    @Override
    public void connectingSince(CourseRunner.EarlyEngine early) {
        this.early = early;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CourseInput input = CourseInput.read(paths, err, "no lesson to fix: name .rst, .md or .adoc files, or folders that hold them");
        if (input == null) {
            return Main.SETUP_ERROR;
        }
        String problem = session.problem();
        if (problem != null) {
            err.println("docproof: " + problem);
            early.close();
            return Main.SETUP_ERROR;
        }
        RunSettings settings = session.settings(input.contentDir(), false, true, false);
        RunListener progress = new RunListener() {
            @Override
            public void setupProgress(String message) {
                err.println("docproof: " + message);
                err.flush();
            }
        };
        // Caught until the fixes are written: a signal then lets each file be written whole, never half.
        try (SignalCatcher signals = SignalCatcher.install()) {
            CourseResult result = CourseRunner.run(input.plans(), settings, progress, early, JsonResults::lessonOf);
            Interrupts.Signal duringRun = Interrupts.requested();
            if (duringRun != null) {
                err.println("docproof: interrupted by SIG" + duringRun + ": the running step was stopped, what the"
                        + " lesson created was removed, and nothing was written back");
                return duringRun.exitStatus();
            }
            int code = report(FixWriteBack.apply(result.lessons(), updateSamples, dryRun, bind), out, err);
            Interrupts.Signal afterRun = Interrupts.requested();
            if (afterRun != null) {
                err.println(CourseRun.afterRun(afterRun, "the fixes"));
                return afterRun.exitStatus();
            }
            return code;
        }
    }

    /** Prints what was done and chooses the exit code; shared with the tests of the write-back. */
    static int report(FixWriteBack.WriteBack outcome, PrintWriter out, PrintWriter err) {
        outcome.diffs().forEach(out::print);
        outcome.changes().forEach(out::println);
        outcome.unfixed().forEach(err::println);
        outcome.setupErrors().forEach(err::println);
        if (!outcome.setupErrors().isEmpty()) {
            return Main.SETUP_ERROR;
        }
        if (!outcome.unfixed().isEmpty()) {
            err.println("docproof: " + outcome.unfixed().size() + " failure(s) could not be repaired");
            return Main.FAILURES;
        }
        if (outcome.changes().isEmpty() && outcome.diffs().isEmpty()) {
            out.println("nothing to fix");
        }
        return Main.OK;
    }
}
