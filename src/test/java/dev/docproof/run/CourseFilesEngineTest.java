package dev.docproof.run;

import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.CourseConfigFile;
import dev.docproof.read.LessonFiles;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files a course's docproof.yml gives its lessons are in the working folder before the first step, in a sandbox as
 * on this machine: a folder's content where the lesson expects it, a script still executable.
 */
class CourseFilesEngineTest {

    @TempDir
    Path course;

    @ParameterizedTest
    @EnumSource(value = Isolation.class, names = {"SANDBOX", "HOST"}) // INSIDE runs only in a sandbox on another engine
    void theCoursesFilesAreInTheWorkingFolderBeforeTheFirstStep(Isolation isolation) throws Exception {
        TestEngine.ready();
        Files.createDirectories(course.resolve("examples/app/static"));
        Files.writeString(course.resolve("examples/app/Dockerfile"), "FROM docproof/bookworm-minbase:1\n");
        Files.writeString(course.resolve("examples/app/static/index.html"), "<h1>hi</h1>\n");
        Files.writeString(course.resolve("greet.sh"), "#!/bin/sh\necho hello from the course\n");
        Files.setPosixFilePermissions(course.resolve("greet.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(course.resolve("docproof.yml"), """
                files:
                  - greet.sh
                  - {from: examples/app, to: .}
                """);
        Path lesson = Files.writeString(course.resolve("lesson.md"), """
                # Course files

                ```console
                $ ./greet.sh
                hello from the course
                $ cat Dockerfile static/index.html
                FROM docproof/bookworm-minbase:1
                <h1>hi</h1>
                ```
                """);
        Plan plan = Planner.plan(LessonFiles.read(lesson),
                CourseConfigFile.read(course.resolve("docproof.yml")).config());
        RunSettings settings = new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false, false, course,
                ShellSession.DEFAULT_MAX_OUTPUT, false, null, isolation, 1, 0);

        LessonResult result = CourseRunner.run(List.of(plan), settings, RunListener.NONE).lessons().get(0);

        assertThat(result.setupError()).isNull();
        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.PASSED, Status.PASSED);
    }

    @org.junit.jupiter.api.Test
    void aCourseFileGoneSinceThePlanIsASetUpErrorNamingItAndNoStepRuns() throws Exception {
        TestEngine.ready();
        Files.writeString(course.resolve("greet.sh"), "#!/bin/sh\necho hello\n");
        Files.writeString(course.resolve("docproof.yml"), "files: [greet.sh]\n");
        Path lesson = Files.writeString(course.resolve("lesson.md"), "# L\n\n```console\n$ touch ran\n```\n");
        Plan plan = Planner.plan(LessonFiles.read(lesson), CourseConfigFile.read(course.resolve("docproof.yml")).config());
        Files.delete(course.resolve("greet.sh"));

        LessonResult result = CourseRunner.run(List.of(plan), new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false,
                false, course), RunListener.NONE).lessons().get(0);

        assertThat(result.setupError().kind()).isEqualTo(SetupError.Kind.COURSE_FILES);
        assertThat(result.setupError().message()).contains(course.resolve("greet.sh").toString()).contains("docproof.yml");
        assertThat(result.steps()).extracting(StepResult::outcome)
                .containsExactly(new Outcome.NotRun(Outcome.NotRun.Why.LESSON_NOT_RUN, 0));
    }
}
