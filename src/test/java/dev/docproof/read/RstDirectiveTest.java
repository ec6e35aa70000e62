package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RstDirectiveTest {

    private static String tree(String text) {
        Lesson lesson = RstNodes.read(text);
        assertThat(lesson.diagnostics()).as("diagnostics").isEmpty();
        return RstNodes.print(lesson.nodes());
    }

    @Test
    void codeDirectivesCarryLanguageOptionsAndFirstLine() {
        assertThat(tree("""
                .. code-block:: python
                   :linenos:
                   :emphasize-lines: 1,2
                   :caption: Example

                   def f():
                       return 1

                .. sourcecode:: console

                  $ ls

                .. code::

                   plain
                """)).isEqualTo("""
                CodeBlock@1:1 lang=python first=6 options={linenos=, emphasize-lines=1,2, caption=Example} lines=[def f():,     return 1]
                CodeBlock@9:1 lang=console first=11 lines=[$ ls]
                CodeBlock@13:1 lang=null first=15 lines=[plain]
                """);
    }

    @Test
    void codeLinesAreDedentedByTheWholeBlocksSmallestIndent() {
        Node.CodeBlock block = (Node.CodeBlock) RstNodes.read("""
                .. code:: text
                  :name: x

                      deeper
                    less

                    after blank
                """).nodes().get(0);
        assertThat(block.lines()).containsExactly("    deeper", "  less", "", "  after blank");
        assertThat(block.firstLine()).isEqualTo(4);
        assertThat(block.lineOf(3)).isEqualTo(7);
    }

    @Test
    void admonitionContentIsParsedAsBlocks() {
        assertThat(tree("""
                .. note:: First line on the directive.
                   Second line.

                   .. code:: bash

                      $ echo hi

                .. warning::

                   * a list
                """)).isEqualTo("""
                Admonition@1:1 note
                  Paragraph@1:11 First line on the directive.\\nSecond line.
                  CodeBlock@4:4 lang=bash first=6 lines=[$ echo hi]
                Admonition@8:1 warning
                  ListBlock@10:4 bullet
                    ListItem@10:4
                      Paragraph@10:6 a list
                """);
    }

    @Test
    void everyAdmonitionKindIsRecognised() {
        StringBuilder text = new StringBuilder();
        for (String kind : List.of("note", "tip", "warning", "important", "caution", "danger", "attention", "hint", "error")) {
            text.append(".. ").append(kind).append("::\n\n   body\n\n");
        }
        List<Node.Admonition> admonitions = RstNodes.all(RstNodes.read(text.toString()).nodes(), Node.Admonition.class);
        assertThat(admonitions).extracting(Node.Admonition::kind).containsExactly(
                "note", "tip", "warning", "important", "caution", "danger", "attention", "hint", "error");
    }

    @Test
    void genericAdmonitionHasATitle() {
        assertThat(tree("""
                .. admonition:: Try **this**
                   :class: exercise

                   Body.
                """)).isEqualTo("""
                Admonition@1:1 admonition Try strong(this)
                  Paragraph@4:4 Body.
                """);
    }

    @Test
    void imageAndFigureWithCaption() {
        assertThat(tree("""
                .. image:: images/a.png
                   :alt: An image

                .. figure:: images/b.png
                   :width: 50%

                   The caption.

                   A legend.
                """)).isEqualTo("""
                Image@1:1 image images/a.png options={alt=An image}
                Image@4:1 figure images/b.png options={width=50%}
                  Paragraph@7:4 The caption.
                  Paragraph@9:4 A legend.
                """);
    }

    @Test
    void toctreeAndRawAreRecorded() {
        assertThat(tree("""
                .. toctree::
                   :maxdepth: 2

                   intro
                   networking

                .. raw:: html

                   <b>hi</b>
                """)).isEqualTo("""
                Directive@1:1 toctree args= options={maxdepth=2} content=[intro, networking]
                Directive@7:1 raw args=html content=[<b>hi</b>]
                """);
    }

    @Test
    void unknownDirectiveIsKeptWithAWarning() {
        Lesson lesson = RstNodes.read("""
                .. youtube:: abc123
                   :width: 640

                   Some content.

                After.
                """);
        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Directive@1:1 youtube args=abc123 options={width=640} content=[Some content.]
                Paragraph@6:1 After.
                """);
        assertThat(lesson.diagnostics()).extracting(Object::toString).containsExactly(
                "t.rst:1:1: warning: Directive \"youtube\" is not supported; kept as a generic directive and shown on the"
                        + " page as a placeholder");
    }

    @Test
    void substitutionDefinitionsAndFootnotesAreKept() {
        assertThat(tree("""
                .. |logo| image:: logo.png
                   :alt: Logo

                .. [1] A footnote.
                .. [CIT] A citation.
                """)).isEqualTo("""
                Directive@1:1 image args=logo.png options={substitution=logo, alt=Logo} content=[]
                Directive@4:1 footnote args=1 content=[A footnote.]
                Directive@5:1 citation args=CIT content=[A citation.]
                """);
    }

    @Test
    void directivesNestInListsWithTheirColumns() {
        Lesson lesson = RstNodes.read("""
                1. Run:

                   .. code:: bash

                      $ docker ps
                """);
        Node.CodeBlock block = RstNodes.all(lesson.nodes(), Node.CodeBlock.class).get(0);
        assertThat(block.span().line()).isEqualTo(3);
        assertThat(block.span().column()).isEqualTo(4);
        assertThat(block.firstLine()).isEqualTo(5);
        assertThat(lesson.diagnostics()).noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
}
