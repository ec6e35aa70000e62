package dev.docproof.plan;

import dev.docproof.lesson.CourseFile;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Need;
import dev.docproof.lesson.Plan;
import dev.docproof.read.CourseConfigFile;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A course's docproof.yml: lessons to skip, default needs and timeouts, applied to every step. */
class CourseConfigTest {

    @TempDir
    Path dir;

    @Test
    void courseConfigSkipsListedLessonsAndSetsDeadlinesAndNeeds() throws IOException {
        Files.writeString(dir.resolve("docproof.yml"), """
                timeout: 90s
                needs: [internet]
                skip:
                  legacy/swarm.md: needs a Docker Swarm
                lessons:
                  k8s.md: {timeout: 5m, needs: [kubectl]}
                """);
        Files.createDirectories(dir.resolve("legacy"));
        Files.writeString(dir.resolve("legacy/swarm.md"), "# S\n\n```console\n$ docker swarm init\n```\n");
        Files.writeString(dir.resolve("k8s.md"), "# K\n\n```console\n$ kubectl get pods\n```\n");

        CourseConfigFile.Result read = CourseConfigFile.read(CourseConfigFile.find(dir.resolve("legacy"), dir).orElseThrow());
        assertThat(read.diagnostics()).isEmpty();

        Plan swarm = Planner.plan(LessonFiles.read(dir.resolve("legacy/swarm.md")), read.config());
        Plan k8s = Planner.plan(LessonFiles.read(dir.resolve("k8s.md")), read.config());

        assertThat(swarm.steps().get(0).marks().skip()).isEqualTo("needs a Docker Swarm (docproof.yml)");
        assertThat(swarm.steps().get(0).marks().timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(k8s.steps().get(0).marks().skip()).isNull();
        assertThat(k8s.steps().get(0).marks().timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(k8s.steps().get(0).marks().needs())
                .containsExactly(new Need(Need.Kind.INTERNET, null), new Need(Need.Kind.PROGRAM, "kubectl"));
    }

    @Test
    void unknownKeyIsAnErrorAtItsLine() throws IOException {
        Path file = dir.resolve("docproof.yml");
        Files.writeString(file, "timeout: 2m\nskipp:\n  a.md: x\n");

        CourseConfigFile.Result read = CourseConfigFile.read(file);

        assertThat(read.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
            assertThat(d.span().line()).isEqualTo(2);
            assertThat(d.message()).contains("unknown key 'skipp'").contains("timeout, needs, files, skip and lessons");
        });
    }

    @Test
    void badDurationIsAnError() throws IOException {
        Path file = dir.resolve("docproof.yml");
        Files.writeString(file, "timeout: soon\n");

        assertThat(CourseConfigFile.read(file).diagnostics()).extracting(Diagnostic::message)
                .containsExactly("timeout 'soon' is not a duration (try 90, 30s, 2m or 500ms)");
        Files.writeString(file, "lessons:\n  a.md: {timeout: 99999999999h}\n");
        assertThat(CourseConfigFile.read(file).diagnostics()).extracting(Diagnostic::message)
                .containsExactly("timeout '99999999999h' is longer than a step may run: give at most 24h");
    }

    @Test
    void courseFilesGoIntoEveryLessonsWorkingFolderAndALessonsOwnAfterThem() throws IOException {
        Files.createDirectories(dir.resolve("examples/app"));
        Files.writeString(dir.resolve("examples/app/Dockerfile"), "FROM scratch\n");
        Files.writeString(dir.resolve("run.sh"), "echo hi\n");
        Files.writeString(dir.resolve("docproof.yml"), """
                files:
                  - run.sh
                  - {from: examples/app, to: .}
                lessons:
                  build.md: {files: [{from: examples/app, to: app}]}
                """);
        Files.writeString(dir.resolve("build.md"), "# B\n\n```console\n$ docker build app\n```\n");
        Files.writeString(dir.resolve("other.md"), "# O\n\n```console\n$ ls\n```\n");

        CourseConfigFile.Result read = CourseConfigFile.read(dir.resolve("docproof.yml"));
        Path root = dir.toAbsolutePath().normalize();

        assertThat(read.diagnostics()).isEmpty();
        assertThat(Planner.plan(LessonFiles.read(dir.resolve("other.md")), read.config()).files()).containsExactly(
                new CourseFile(root.resolve("run.sh"), "run.sh"), new CourseFile(root.resolve("examples/app"), "."));
        assertThat(Planner.plan(LessonFiles.read(dir.resolve("build.md")), read.config()).files()).containsExactly(
                new CourseFile(root.resolve("run.sh"), "run.sh"), new CourseFile(root.resolve("examples/app"), "."),
                new CourseFile(root.resolve("examples/app"), "app"));
    }

    @Test
    void aCourseFileMissingOutsideTheCourseOrSentOutsideTheWorkingFolderIsAnErrorAtItsLine() throws IOException {
        Path file = dir.resolve("docproof.yml");
        Files.writeString(file, """
                files:
                  - examples/missing
                  - ../secrets
                  - {from: docproof.yml, to: ../up}
                  - {to: somewhere}
                """);

        assertThat(CourseConfigFile.read(file).diagnostics()).extracting(d -> d.span().line(), Diagnostic::message)
                .containsExactly(
                        tuple(2, "course file `examples/missing` does not exist (" + dir.toAbsolutePath().normalize()
                                .resolve("examples/missing") + "); paths are relative to docproof.yml"),
                        tuple(3, "course file `../secrets` is outside the course: name a file or folder under "
                                + dir.toAbsolutePath().normalize() + ", relative to docproof.yml"),
                        tuple(4, "course file `docproof.yml` goes to `../up`, outside the lesson's working folder: name"
                                + " a place in it, relative to it (`.` for the folder itself)"),
                        tuple(1, "a course file names no path: write the path of a file or folder of the course,"
                                + " relative to docproof.yml, or {from: PATH, to: WHERE}"));
    }
}
