package dev.docproof.run;

import dev.docproof.lesson.CourseFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed step naming files the course ships beside the lesson says they are not in its working folder. */
class BesideTheLessonTest {

    private static final Outcome FAILED = new Outcome.ExitCode(1, null);

    @TempDir
    Path course;
    private Path lesson;

    @BeforeEach
    void shipFilesBesideTheLesson() throws IOException {
        lesson = Files.writeString(Files.createDirectories(course.resolve("part2")).resolve("build.rst"), "Build\n");
        Files.writeString(Files.createDirectories(course.resolve("part2/app")).resolve("Dockerfile"), "FROM x\n");
        Files.writeString(course.resolve("part2/run.sh"), "echo hi\n");
        Files.createDirectories(course.resolve("part2/docker"));
    }

    @Test
    void aFailedStepNamingShippedFilesIsToldTheWorkingFolderStartsEmptyAndHowToBringThemIn() {
        Note note = BesideTheLesson.note("docker build -t myapp ./app/ && ./run.sh --now", FAILED, lesson, List.of());

        assertThat(note).isEqualTo(new Note.BesideTheLesson(List.of("app", "run.sh")));
        assertThat(note.describe()).isEqualTo("`app`, `run.sh` are beside the lesson in the course, but the lesson runs"
                + " in a working folder of its own that starts empty: to use a file shipped with the course, list it under"
                + " `files:` in the course's docproof.yml, or show it in the lesson in a block the run writes there (a"
                + " `literalinclude` or `include::` whose caption or title is the file's path, or a `docproof: file PATH`"
                + " marker before it)");
        assertThat(BesideTheLesson.note("cat app/Dockerfile", FAILED, lesson, List.of()))
                .isEqualTo(new Note.BesideTheLesson(List.of("app/Dockerfile")));
    }

    @Test
    void stepsThatSucceedOrNameNoShippedFileGetNoNote() {
        assertThat(BesideTheLesson.note("ls app", new Outcome.Ran(), lesson, List.of())).isNull();
        assertThat(BesideTheLesson.note("cat missing.txt /etc/hosts $HOME/app --file=app", FAILED, lesson, List.of())).isNull();
        assertThat(BesideTheLesson.note("docker ps", FAILED, lesson, List.of())).as("a program, though a folder has its name")
                .isNull();
        assertThat(BesideTheLesson.note("cat build.rst .", FAILED, lesson, List.of())).as("the lesson itself and its folder")
                .isNull();
    }

    @Test
    void whatTheCoursesFilesPutIntoTheWorkingFolderIsNotToldMissing() {
        List<CourseFile> app = List.of(new CourseFile(course.resolve("part2/app"), "app"));
        List<CourseFile> partTwo = List.of(new CourseFile(course.resolve("part2"), "."));

        assertThat(BesideTheLesson.note("docker build ./app/ && ./run.sh", FAILED, lesson, app))
                .isEqualTo(new Note.BesideTheLesson(List.of("run.sh")));
        assertThat(BesideTheLesson.note("docker build ./app/ && ./run.sh", FAILED, lesson, partTwo)).isNull();
    }
}
