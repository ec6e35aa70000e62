package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader's own failure is an error at the line where it happened, and the rest of the lesson is read. */
class ReaderFailureTest {

    private static final Path FILE = Path.of("lesson.rst");

    /** The real reader, except that it fails (as a bug would) on any text holding a line "boom". */
    private static final LessonReader FAILS_ON_BOOM = (file, text) -> {
        if (text.lines().anyMatch("boom"::equals)) {
            throw new IllegalStateException("a bug");
        }
        return new RstReader().read(file, text);
    };

    @Test
    void aReaderThatFailsIsReportedAtTheLineThatMakesItFailAndTheRestIsRead() {
        String text = "Title\n=====\n\nFirst paragraph.\n\nboom\n\n.. code-block:: bash\n\n   $ echo hi\n";
        Lesson lesson = ReaderFailure.read(FAILS_ON_BOOM, Lesson.Format.RST, FILE, text);

        Diagnostic failure = lesson.diagnostics().get(0);
        assertThat(failure.span().line()).isEqualTo(6);
        assertThat(failure.severity()).isEqualTo(Diagnostic.Severity.ERROR);
        assertThat(failure.message()).contains("reStructuredText reader failed here", "IllegalStateException");
        Node.Section section = (Node.Section) lesson.nodes().get(0);
        assertThat(section.children()).hasSize(2);
        assertThat(((Node.CodeBlock) section.children().get(1)).lines()).containsExactly("$ echo hi");
    }

    @Test
    void twoFailingLinesAreEachReported() {
        String text = "boom\n\ntext\n\nboom\n";
        Lesson lesson = ReaderFailure.read(FAILS_ON_BOOM, Lesson.Format.RST, FILE, text);

        assertThat(lesson.diagnostics()).extracting(d -> d.span().line()).containsExactly(1, 5);
        assertThat(lesson.nodes()).hasSize(1);
    }

    @Test
    void theTenBytesThatOnceCrashedTheRstReaderAreReadWithAWarningAndNoFailure() {
        Lesson lesson = LessonFiles.read(FILE, Lesson.Format.RST, "`x`__\n\n__\n".getBytes(StandardCharsets.UTF_8));

        assertThat(lesson.diagnostics()).noneMatch(ReaderFailure::isFailure);
        assertThat(lesson.nodes()).isNotEmpty();
    }
}
