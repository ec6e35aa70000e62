package dev.docproof.plan;

import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Node.CodeBlock;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CourseLessonPlanTest {

    private static final Path LESSON = Path.of("content/docker-networking.rst");

    /** End to end: the lesson as the reStructuredText reader reads it. */
    @Test
    void courseLessonPlansSixteenRunnableStepsAndTenTemplates() {
        Lesson lesson = LessonFiles.read(LESSON);
        CourseLessonExpectations.assertCoursePlan(Planner.plan(lesson));
    }

    /**
     * The planner alone: the lesson's code blocks cut out of the file by hand (directive line, first and
     * last content line, two columns of indentation), inside the lesson's sections.
     */
    @Test
    void courseLessonBlocksCutByHandPlanTheSameSteps() throws IOException {
        List<String> source = Files.readAllLines(LESSON, StandardCharsets.UTF_8);
        Lesson lesson = new Lesson(LESSON, Lesson.Format.RST, "Networking Between Containers", List.of(
                section(3, 1, "Networking Between Containers", List.of()),
                section(28, 1, "Using the Default Network", List.of(
                        block(source, 43, 45, 45), block(source, 49, 51, 58))),
                section(72, 1, "Using a Custom Network", List.of(
                        block(source, 95, 97, 101),
                        section(104, 2, "Connecting Containers On a Custom Network", List.of(
                                block(source, 123, 125, 138))),
                        section(144, 2, "Two Containers and a Network", List.of(
                                block(source, 149, 151, 156), block(source, 166, 168, 177))),
                        section(185, 2, "Custom Network Example", List.of(
                                block(source, 192, 194, 194), block(source, 198, 200, 204),
                                block(source, 208, 210, 211), block(source, 219, 221, 221),
                                block(source, 225, 227, 230), block(source, 238, 240, 251),
                                block(source, 256, 258, 265)))))),
                List.of());

        var plan = Planner.plan(lesson);

        CourseLessonExpectations.assertCoursePlan(plan);
        assertThat(plan.diagnostics()).isEmpty();
    }

    private static Node.Section section(int line, int level, String title, List<Node> children) {
        return new Node.Section(new SourceSpan(LESSON, line, 1), level, List.of(), title, List.of(), children);
    }

    private static CodeBlock block(List<String> source, int directiveLine, int first, int last) {
        List<String> lines = new ArrayList<>();
        for (int line = first; line <= last; line++) {
            String text = source.get(line - 1);
            lines.add(text.length() <= 2 ? "" : text.substring(2));
        }
        return new CodeBlock(new SourceSpan(LESSON, directiveLine, 1), "bash", Map.of(), lines, first, 2);
    }
}
