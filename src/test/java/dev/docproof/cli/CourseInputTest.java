package dev.docproof.cli;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A course named by its folder, read as check, site and preview read it. */
class CourseInputTest {

    @TempDir
    Path dir; // outside the working folder, as a course checked out elsewhere is

    @Test
    void theCoursesSettingsAndIncludesHoldForALessonInASubfolderAndWhenItIsReadAgain() throws Exception {
        Path course = Files.createDirectories(dir.resolve("course"));
        Files.writeString(course.resolve("docproof.yml"), "skip:\n  part1/swarm.rst: needs a Swarm\n");
        Files.createDirectories(course.resolve("files"));
        Files.writeString(course.resolve("files/Dockerfile"), "FROM scratch\n");
        Path lesson = Files.createDirectories(course.resolve("part1")).resolve("swarm.rst");
        Files.writeString(lesson, "Swarm\n=====\n\n.. literalinclude:: ../files/Dockerfile\n\n"
                + ".. code-block:: console\n\n   $ docker swarm init\n");
        StringWriter err = new StringWriter();

        CourseInput input = CourseInput.read(List.of(course), new PrintWriter(err), "no lesson");

        assertThat(input).as(err.toString()).isNotNull();
        assertSkippedAndIncluded(input.plans().get(0));
        Files.writeString(lesson, Files.readString(lesson) + "   $ docker node ls\n");
        Plan again = input.reread(lesson.toAbsolutePath(), new PrintWriter(err));
        assertSkippedAndIncluded(again);
        assertThat(again.steps()).hasSize(2);
        assertThat(err.toString()).isEmpty();
    }

    private static void assertSkippedAndIncluded(Plan plan) {
        assertThat(plan.steps()).allSatisfy(step ->
                assertThat(step.marks().skip()).isEqualTo("needs a Swarm (docproof.yml)"));
        assertThat(plan.diagnostics()).noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
