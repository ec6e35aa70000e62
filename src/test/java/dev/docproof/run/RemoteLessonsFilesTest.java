package dev.docproof.run;

import dev.docproof.lesson.CourseFile;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a lesson's sandbox on an engine of another machine gets from this machine, for docproof to read it there. */
class RemoteLessonsFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSphinxLessonTakesItsProjectButNotItsBuildHiddenOrHugeFilesAndTheConfigAboveAndItsCourseFiles() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("course/docs"));
        Path conf = write(docs.resolve("conf.py"));
        Path lesson = write(docs.resolve("networking/lesson.rst"));
        Path include = write(docs.resolve("snippets/run.sh"));
        write(docs.resolve("_build/html/lesson.html"));
        write(docs.resolve(".git/config"));
        try (RandomAccessFile huge = new RandomAccessFile(docs.resolve("video.mp4").toFile(), "rw")) {
            huge.setLength(20_000_000);
        }
        Path config = write(dir.resolve("course/docproof.yml"));
        Path app = write(dir.resolve("course/app/server.py"));
        Plan plan = plan(lesson, List.of(new CourseFile(dir.resolve("course/app"), "app")));

        assertThat(RemoteLessons.copied(plan, lesson))
                .containsExactlyInAnyOrder(conf, lesson, include, config, dir.resolve("course/app"))
                .doesNotContain(app);
    }

    @Test
    void aLessonOutsideAnySphinxProjectTakesItsOwnFolder() throws IOException {
        Path lesson = write(dir.resolve("md/lesson.md"));
        Path sibling = write(dir.resolve("md/part-two.md"));
        Path nested = write(dir.resolve("md/img/diagram.svg"));
        write(dir.resolve("elsewhere.md"));

        assertThat(RemoteLessons.copied(plan(lesson, List.of()), lesson)).containsExactlyInAnyOrder(lesson, sibling, nested);
    }

    @Test
    void theFilesAreStagedAtTheirAbsolutePathsForOneUpload() throws IOException {
        Path lesson = write(dir.resolve("md/lesson.md"));
        Path nested = write(dir.resolve("md/img/diagram.svg"));
        Path app = write(dir.resolve("app/server.py"));

        Path staged = RemoteLessons.stage(List.of(lesson, nested, dir.resolve("app")));
        try {
            assertThat(staged.resolve(lesson.toString().substring(1))).hasSameTextualContentAs(lesson);
            assertThat(staged.resolve(nested.toString().substring(1))).hasSameTextualContentAs(nested);
            assertThat(staged.resolve(app.toString().substring(1))).hasSameTextualContentAs(app);
        } finally {
            ScratchFolder.delete(staged);
        }
        assertThat(lesson).exists().hasContent("text");
    }

    @Test
    void buildOutputAndInstalledPackagesStayOut() throws IOException {
        Path lesson = write(dir.resolve("course/lesson.md"));
        for (String folder : List.of("target", "node_modules", "venv", "__pycache__", "_build")) {
            write(dir.resolve("course/" + folder + "/file.txt"));
        }

        assertThat(RemoteLessons.copied(plan(lesson, List.of()), lesson)).containsExactly(lesson);
    }

    private static Plan plan(Path lesson, List<CourseFile> files) {
        return new Plan(new Lesson(lesson, Lesson.Format.RST, "A lesson", List.of(), List.of()), List.of(), List.of(), files);
    }

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "text\n");
    }
}
