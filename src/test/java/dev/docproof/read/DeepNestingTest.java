package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Nesting far deeper than any real page (thousands of list items or quotes in one line, hundreds of nested
 * blocks) neither loses the lesson nor trips a reader's safety net: it is read, what is deeper than 64 levels is
 * kept as text (Markdown, reStructuredText) or left out (AsciiDoc) with a warning at its line, and the shell
 * block after it is still a step.
 */
class DeepNestingTest {

    private static final String MD_BLOCK = "\n\n```console\n$ echo hi\nhi\n```\n";
    private static final String ADOC_BLOCK = "\n[source,console]\n----\n$ echo hi\nhi\n----\n";

    private static Plan read(String name, Lesson.Format format, String text) {
        Lesson lesson = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> LessonFiles.read(Path.of(name), format, text.getBytes(StandardCharsets.UTF_8)));
        return Planner.plan(lesson);
    }

    private static void assertReadWhole(Plan plan, String warning) {
        assertThat(plan.diagnostics()).noneMatch(ReaderFailure::isFailure);
        assertThat(plan.steps()).as(plan.diagnostics().toString()).hasSize(1);
        assertThat(plan.steps().get(0).command()).isEqualTo("echo hi");
        assertThat(plan.diagnostics().stream().map(Diagnostic::message)).anyMatch(m -> m.contains(warning));
    }

    @Test
    void aLineOfThousandsOfQuoteMarksIsReadAndTheLessonAfterItKept() {
        assertReadWhole(read("q.md", Lesson.Format.MARKDOWN, "> ".repeat(5000) + "x" + MD_BLOCK),
                "nested more than 64 levels deep; the rest is kept as plain text");
    }

    @Test
    void aLineOfThousandsOfListMarkersIsReadAndTheLessonAfterItKept() {
        assertReadWhole(read("l.md", Lesson.Format.MARKDOWN, "- ".repeat(5000) + "x" + MD_BLOCK),
                "nested more than 64 levels deep; the rest is kept as plain text");
    }

    @Test
    void markdownListsIndentedHundredsOfLevelsKeepTheDeepestAsText() {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 1600; i++) {
            md.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        }
        Plan plan = read("n.md", Lesson.Format.MARKDOWN, md + MD_BLOCK);
        assertReadWhole(plan, "nested more than 64 levels deep");
    }

    @Test
    void hundredsOfNestedAsciiDocBlocksAreReadAndTheLessonAfterThemKept() {
        StringBuilder adoc = new StringBuilder("= Deep\n\n");
        for (int i = 0; i < 300; i++) {
            adoc.append("=".repeat(4 + i)).append('\n');
        }
        adoc.append("deep\n");
        for (int i = 299; i >= 0; i--) {
            adoc.append("=".repeat(4 + i)).append('\n');
        }
        assertReadWhole(read("deep.adoc", Lesson.Format.ASCIIDOC, adoc + ADOC_BLOCK),
                "nested more than 64 levels deep; the blocks inside are not read");
    }

    @Test
    void hundredsOfAsciiDocListLevelsAreReadAndTheLessonAfterThemKept() {
        StringBuilder adoc = new StringBuilder("= Deep\n\n");
        for (int i = 1; i <= 300; i++) {
            adoc.append("*".repeat(i)).append(" item\n");
        }
        assertReadWhole(read("deepl.adoc", Lesson.Format.ASCIIDOC, adoc + ADOC_BLOCK), "nested more than 64 levels deep");
    }

    @Test
    void deeplyNestedReStructuredTextDirectivesAreReadAndTheLessonAfterThemKept() {
        StringBuilder rst = new StringBuilder("Deep\n====\n\n");
        for (int i = 0; i < 400; i++) {
            rst.append("   ".repeat(i)).append(".. note::\n\n");
        }
        rst.append("   ".repeat(400)).append("text\n\n.. code-block:: console\n\n   $ echo hi\n   hi\n");
        assertReadWhole(read("n.rst", Lesson.Format.RST, rst.toString()), "nested more than 64 levels deep");
    }
}
