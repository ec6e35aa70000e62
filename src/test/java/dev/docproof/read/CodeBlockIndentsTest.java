package dev.docproof.read;

import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Node.CodeBlock;
import dev.docproof.lesson.SourceSpan;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CodeBlockIndentsTest {

    private static final Path FILE = Path.of("x.rst");
    private static final String TEXT = String.join("\n",
            ".. note::",
            "",
            "   .. code:: bash",
            "",
            "      $ echo one",
            "",
            "      $ echo two",
            "",
            "::",
            "",
            "  a",
            " b",
            "");

    private static CodeBlock block(int line, int firstLine, String... lines) {
        return new CodeBlock(new SourceSpan(FILE, line, 1), "bash", Map.of(), List.of(lines), firstLine);
    }

    @Test
    void indentationMissingFromAReaderIsMeasuredInTheSourceEvenInsideOtherBlocks() {
        Lesson read = new Lesson(FILE, Lesson.Format.RST, "", List.of(new Node.Admonition(
                new SourceSpan(FILE, 1, 1), "note", List.of(), List.of(block(3, 5, "$ echo one", "", "$ echo two")))),
                List.of());

        Lesson filled = CodeBlockIndents.fill(read, FILE, TEXT);

        CodeBlock block = (CodeBlock) ((Node.Admonition) filled.nodes().get(0)).children().get(0);
        assertThat(block.indent()).isEqualTo(6);
        assertThat(block.columnOf(2)).isEqualTo(9);
        assertThat(block.lines()).containsExactly("$ echo one", "", "$ echo two");
    }

    @Test
    void blocksWhoseLinesDoNotMatchTheSourceAreLeftAlone() {
        CodeBlock uneven = block(9, 11, "a", "b");
        CodeBlock elsewhere = block(3, 5, "$ echo three");
        Lesson read = new Lesson(FILE, Lesson.Format.RST, "", List.of(uneven, elsewhere), List.of());

        assertThat(CodeBlockIndents.fill(read, FILE, TEXT).nodes()).containsExactly(uneven, elsewhere);
    }
}
