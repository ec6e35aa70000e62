package dev.docproof.cli;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.run.CourseResult;
import dev.docproof.run.CourseRunner;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Outcome;
import dev.docproof.run.RunListener;
import dev.docproof.run.RunSettings;
import dev.docproof.run.Status;
import dev.docproof.run.StepResult;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md is itself a lesson: docproof checks it as it checks any lesson, so the README cannot drift from
 * what docproof does. Its commands are typed in the project folder; here that folder is a view of the project
 * ({@code content} and {@code src} linked) whose {@code ./docproof} runs this build's classes instead of
 * rebuilding the jar, since the build is running. Markers in the README say which commands must not run.
 */
class ReadmeLessonEngineTest {

    private static final Path README = Path.of("README.md");

    @BeforeAll
    static void engine() {
        TestEngine.ready();
    }

    @Test
    void everyCommandTheReadmeShowsRunsAndPrintsWhatTheReadmeSays(@TempDir Path project) throws IOException {
        Plan plan = Planner.plan(LessonFiles.read(README));
        assertThat(plan.diagnostics()).as("README.md reads without a diagnostic").isEmpty();
        projectView(project);

        CourseResult course = CourseRunner.run(List.of(plan),
                new RunSettings(Duration.ofMinutes(3), false, false, Path.of("content")).inFolder(project),
                RunListener.NONE);

        LessonResult lesson = course.lessons().get(0);
        assertThat(lesson.setupError()).isNull();
        String report = lesson.steps().stream().map(r -> "README.md:" + r.step().line() + ": " + r.status() + " "
                + r.outcome().describe() + "\n" + r.output().merged()).collect(Collectors.joining("\n"));
        assertThat(lesson.steps()).as(report).isNotEmpty().allSatisfy(r -> {
            Step step = r.step();
            assertThat(step.kind()).as("README.md:%d is a command one can type", step.line()).isEqualTo(StepKind.RUN);
            if (step.marks().skip() != null) {
                assertThat(r.outcome()).as(report).isEqualTo(new Outcome.Skipped(step.marks().skip()));
            } else if (step.sample().isEmpty()) {
                assertThat(r.status()).as(report).isEqualTo(Status.RAN);
            } else {
                assertThat(r.status()).as(report).isEqualTo(Status.PASSED);
            }
        });
        assertThat(lesson.steps()).extracting(StepResult::status).contains(Status.PASSED, Status.SKIPPED);
        assertThat(lesson.leaks()).isEmpty();
    }

    /** The project as the README's commands see it: its lessons and a {@code ./docproof} of this build. */
    private static void projectView(Path project) throws IOException {
        Files.createSymbolicLink(project.resolve("content"), Path.of("content").toAbsolutePath());
        Files.createSymbolicLink(project.resolve("src"), Path.of("src").toAbsolutePath());
        String classpath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The lesson's shell reaches the engine through this run's own proxy; the docproof it starts is a run of
        // its own, with its own proxy, so it is given the engine this test uses.
        String engine = System.getenv("DOCKER_HOST");
        String script = "#!/usr/bin/env bash\n"
                + (engine == null ? "unset DOCKER_HOST\n" : "export DOCKER_HOST=" + quote(engine) + "\n")
                + "exec " + quote(java) + " -cp " + quote(classpath) + " " + Main.class.getName() + " \"$@\"\n";
        Path launcher = project.resolve("docproof");
        Files.writeString(launcher, script);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
