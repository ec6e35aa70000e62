package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Bad input never throws: each problem is a diagnostic at file:line:column and the rest is still read. */
class RstBadInputTest {

    private static List<String> messages(Lesson lesson) {
        return lesson.diagnostics().stream().map(Object::toString).toList();
    }

    @Test
    void tabsExpandToEightColumnStopsWithOneWarning() {
        Lesson lesson = RstNodes.read(".. code:: make\n\n\tall:\n\t\tcc -o x x.c\n");
        Node.CodeBlock block = (Node.CodeBlock) lesson.nodes().get(0);
        assertThat(block.lines()).containsExactly("all:", "        cc -o x x.c");
        assertThat(messages(lesson)).containsExactly("t.rst:3:1: warning: tab expanded to 8-column stops, as docutils"
                + " does (2 lines have tabs; prefer spaces so indentation means what it shows)");
    }

    @Test
    void unexpectedIndentationIsAnErrorAndTheTextIsKept() {
        Lesson lesson = RstNodes.read("Para one\n   indented too early\n  and less\nback\n\nNext.\n");
        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                DefinitionList@1:1
                  Definition@1:1 Para one
                    BlockQuote@2:4
                      Paragraph@2:4 indented too early
                    Paragraph@3:3 and less
                Paragraph@4:1 back
                Paragraph@6:1 Next.
                """);
        assertThat(messages(lesson)).containsExactly(
                "t.rst:3:3: warning: Block quote ends without a blank line; unexpected unindent"
                        + " (add a blank line before this line)",
                "t.rst:4:1: warning: Definition list ends without a blank line; unexpected unindent"
                        + " (add a blank line before this line)");
        Lesson second = RstNodes.read("one\ntwo\n    three\n\nNext.\n");
        assertThat(RstNodes.print(second.nodes())).isEqualTo("""
                Paragraph@1:1 one\\ntwo
                BlockQuote@3:5
                  Paragraph@3:5 three
                Paragraph@5:1 Next.
                """);
        assertThat(messages(second)).containsExactly("t.rst:3:1: error: Unexpected indentation; it is read as a block"
                + " quote (add a blank line before it, or align it)");
    }

    @Test
    void listEndingWithoutBlankLineWarns() {
        Lesson lesson = RstNodes.read("* item\nnot an item\n");
        assertThat(messages(lesson)).containsExactly("t.rst:2:1: warning: Bullet list ends without a blank line;"
                + " unexpected unindent (add a blank line before this line)");
        assertThat(RstNodes.print(lesson.nodes())).endsWith("Paragraph@2:1 not an item\n");
    }

    @Test
    void directiveWithoutRequiredContentIsAnError() {
        Lesson lesson = RstNodes.read("Title\n=====\n\n.. code:: bash\n\n.. note::\n\nStill read.\n");
        assertThat(messages(lesson)).containsExactly(
                "t.rst:4:1: error: Content block expected for the \"code\" directive; none found"
                        + " (indent the code under it, after a blank line)",
                "t.rst:6:1: error: The \"note\" admonition is empty; content required (indent its text under the directive)");
        assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class)).extracting(p -> p.span().line()).containsExactly(8);
    }

    @Test
    void malformedOptionBlockIsAnErrorAtTheBadLine() {
        Lesson lesson = RstNodes.read(".. code:: bash\n   :linenos:\n   echo missing blank line\n\nAfter.\n");
        assertThat(messages(lesson)).containsExactly("t.rst:3:4: error: Invalid option block for the \"code\" directive:"
                + " expected \":name: value\" (options go right under the directive line, before a blank line)");
        assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class)).hasSize(1);
    }

    @Test
    void codeDirectiveWithSeveralArgumentsIsAnError() {
        Lesson lesson = RstNodes.read(".. code:: bash extra\n\n   echo\n");
        assertThat(messages(lesson)).containsExactly("t.rst:1:1: error: The \"code\" directive takes at most one argument"
                + " (the language); got \"bash extra\" (put the code after a blank line)");
    }

    @Test
    void unterminatedGridTableIsAnErrorAndKeptAsText() {
        Lesson lesson = RstNodes.read("+-----+-----+\n| a   | b   |\n\nAfter the table.\n");
        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Paragraph@1:1 +-----+-----+\\n| a   | b   |
                Paragraph@4:1 After the table.
                """);
        assertThat(messages(lesson)).containsExactly("t.rst:2:1: error: Malformed grid table: borders do not close every"
                + " cell (check that each row ends with a +---+ border and all lines are aligned)");
    }

    @Test
    void simpleTableWithoutBottomBorderIsAnError() {
        Lesson lesson = RstNodes.read("===  ===\na    b\n\nAfter.\n");
        assertThat(messages(lesson)).containsExactly("t.rst:1:1: error: Malformed simple table: no bottom border found"
                + " (close it with a line like the top border)");
        assertThat(RstNodes.print(lesson.nodes())).endsWith("Paragraph@4:1 After.\n");
    }

    @Test
    void literalBlockMissingAfterDoubleColonWarns() {
        Lesson lesson = RstNodes.read("Look::\n\nNo indent.\n");
        assertThat(messages(lesson)).contains("t.rst:1:5: warning: Literal block expected; none found"
                + " (indent the block after \"::\", or escape it as \"\\::\")");
    }

    @Test
    void inconsistentTitleLevelIsAnErrorAndTheSectionIsKept() {
        Lesson lesson = RstNodes.read("One\n===\n\nTwo\n---\n\nThree\n~~~~~\n\nFour\n====\n\nJump\n~~~~~\n\nNew\n^^^\n");
        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Section@1:1 L1 One
                  Section@4:1 L2 Two
                    Section@7:1 L3 Three
                Section@10:1 L1 Four
                  Section@13:1 L2 Jump
                    Section@16:1 L3 New
                """);
        assertThat(messages(lesson)).containsExactly("t.rst:13:1: error: Title level inconsistent: this adornment style"
                + " is new at a level deeper than the next one; placed one level below the current section",
                "t.rst:16:1: error: Title level inconsistent: this adornment style is new at a level deeper than the"
                        + " next one; placed one level below the current section");
    }

    @Test
    void sectionTitleInsideABlockIsAnErrorAndKeptAsText() {
        Lesson lesson = RstNodes.read(".. note::\n\n   Inner\n   =====\n\n   text\n");
        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Admonition@1:1 note
                  Paragraph@3:4 Inner\\n=====
                  Paragraph@6:4 text
                """);
        assertThat(messages(lesson)).containsExactly(
                "t.rst:3:4: error: Unexpected section title inside a nested block; read as text");
    }

    @Test
    void overlineWithoutUnderlineIsAnError() {
        Lesson lesson = RstNodes.read("=======\n Title\n\ntext\n");
        assertThat(messages(lesson)).containsExactly("t.rst:1:1: error: Missing matching underline for section title"
                + " overline; read as text (add the underline)");
        assertThat(RstNodes.all(lesson.nodes(), Node.Section.class)).isEmpty();
    }

    @Test
    void emptyAndBlankDocumentsHaveNoNodes() {
        assertThat(RstNodes.read("").nodes()).isEmpty();
        assertThat(RstNodes.read("\n\n   \n").nodes()).isEmpty();
        assertThat(RstNodes.read("").title()).isNull();
    }

    @Test
    void absurdNestingIsCutOffWithAWarningInsteadOfOverflowingTheStack() {
        Lesson lesson = RstNodes.read("* ".repeat(5_000) + "deep\n");
        assertThat(lesson.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("Blocks nested more than 64 levels deep; the rest is kept as plain text");
        assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class)).hasSize(1);
        assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class).get(0).span().column()).isEqualTo(131); // the 65th nested body
    }

    @Test
    void randomInputNeverThrows() {
        String alphabet = "ab *`_:|.-=+#()[]<>\\\n\n   \t1.i)";
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            assertThatCode(() -> RstNodes.read(input)).as("input %s", input).doesNotThrowAnyException();
        }
    }

    @Test
    void mangledLessonStillReadsWithPositions() throws Exception {
        String lesson = java.nio.file.Files.readString(java.nio.file.Path.of("content/docker-networking.rst"));
        for (int cut = 0; cut < lesson.length(); cut += 97) {
            String mangled = lesson.substring(0, cut) + "\t``*|`" + lesson.substring(cut);
            Lesson read = RstNodes.read(mangled);
            assertThat(read.diagnostics()).allSatisfy(d -> {
                assertThat(d.span().line()).isPositive();
                assertThat(d.span().column()).isPositive();
            });
            assertThat(read.diagnostics()).anyMatch(d -> d.severity() == Diagnostic.Severity.WARNING);
        }
    }
}
