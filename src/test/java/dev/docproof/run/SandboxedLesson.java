package dev.docproof.run;

import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;

import java.nio.file.Path;
import java.util.List;

/** A lesson file run alone in a sandbox of its own, as `check` runs it by default. */
final class SandboxedLesson {

    private SandboxedLesson() {}

    static LessonResult run(Path file) {
        RunSettings sandboxed = new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false, true, Path.of("content"),
                ShellSession.DEFAULT_MAX_OUTPUT, false, null, Isolation.SANDBOX, 1, 0);
        return CourseRunner.run(List.of(Planner.plan(LessonFiles.read(file))), sandboxed, RunListener.NONE)
                .lessons().get(0);
    }
}
