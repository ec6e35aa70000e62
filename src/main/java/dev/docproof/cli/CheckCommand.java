package dev.docproof.cli;

import dev.docproof.run.CourseRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Runs each lesson's commands in one shell against the Docker engine, compares the output with"
                + " the lesson's samples, repairs what the evidence proves, and removes what the lesson left behind.",
        footer = {"", "Exit status: 0 every runnable step passed (repaired ones with a warning), 1 some step failed"
                + " or a lesson could not be read whole, 2 usage or set-up error (no engine, an image missing, a name"
                + " already taken, nothing readable)."})
final class CheckCommand implements Callable<Integer>, RunsLessons {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Lesson files or folders (default: content).")
    List<Path> paths = new ArrayList<>();

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
        // The engine connection overlaps reading and planning the lessons. A signal from the start on is the run's
        // to report: one while the lessons are read still gets every requested report, each lesson not reached.
        try (SignalCatcher signals = SignalCatcher.install();
             CourseRunner.EarlyEngine early = this.early != null ? this.early : CourseRunner.EarlyEngine.begin()) {
            CourseInput input = CourseInput.read(paths, err,
                    "no lesson to check: name .rst, .md or .adoc files, or folders that hold them");
            if (input == null) {
                return Main.SETUP_ERROR;
            }
            return CourseRun.run(input, options, early, out, err).exitCode();
        }
    }
}
