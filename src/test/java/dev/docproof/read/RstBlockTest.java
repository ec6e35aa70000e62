package dev.docproof.read;

import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Block constructs, each with the exact line:column of every node. */
class RstBlockTest {

    private static String tree(String text) {
        Lesson lesson = RstNodes.read(text);
        assertThat(lesson.diagnostics()).as("diagnostics").isEmpty();
        return RstNodes.print(lesson.nodes());
    }

    @Test
    void underlineOnlyTitlesTakeLevelsInOrderOfFirstAppearance() {
        assertThat(tree("""
                Top
                ***

                Second
                ######

                text

                Third
                ~~~~~

                Second again
                ############
                """)).isEqualTo("""
                Section@1:1 L1 Top
                  Section@4:1 L2 Second
                    Paragraph@7:1 text
                    Section@9:1 L3 Third
                  Section@12:1 L2 Second again
                """);
    }

    @Test
    void overAndUnderlinedTitleIsADistinctStyleFromUnderlineOnly() {
        Lesson lesson = RstNodes.read("""
                =======
                 Inset
                =======

                Plain
                =====
                """);
        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Section@2:2 L1 Inset
                  Section@5:1 L2 Plain
                """);
        assertThat(lesson.title()).isEqualTo("Inset");
    }

    @Test
    void titleTextFillsInReplaceSubstitutionsDefinedLater() {
        Lesson lesson = RstNodes.read("Docker |version| Basics\n=======================\n\n.. |version| replace:: 20.10\n");
        Node.Section section = (Node.Section) lesson.nodes().get(0);
        assertThat(section.titleText()).isEqualTo("Docker 20.10 Basics");
        assertThat(section.title()).doesNotHaveAnyElementsOfTypes(dev.docproof.lesson.Inline.Substitution.class);
        assertThat(lesson.title()).isEqualTo("Docker 20.10 Basics");
    }

    @Test
    void shortUnderlineUnderLongerTitleIsText() {
        assertThat(tree("A long title\n===\n")).isEqualTo("Paragraph@1:1 A long title\\n===\n");
    }

    @Test
    void labelsBeforeATitleNameTheSection() {
        assertThat(tree(".. _one:\n.. _two:\n\nTitle\n=====\n")).isEqualTo("""
                Target@1:1 name=one url=null
                Target@2:1 name=two url=null
                Section@4:1 L1 Title labels=[one, two]
                """);
    }

    @Test
    void paragraphsJoinTheirLines() {
        assertThat(tree("one\ntwo\n\n  \nthree\n")).isEqualTo("""
                Paragraph@1:1 one\\ntwo
                Paragraph@5:1 three
                """);
    }

    @Test
    void nestedBulletListsKeepColumns() {
        assertThat(tree("""
                * a
                * b

                  - c
                  - d
                    continued
                """)).isEqualTo("""
                ListBlock@1:1 bullet
                  ListItem@1:1
                    Paragraph@1:3 a
                  ListItem@2:1
                    Paragraph@2:3 b
                    ListBlock@4:3 bullet
                      ListItem@4:3
                        Paragraph@4:5 c
                      ListItem@5:3
                        Paragraph@5:5 d\\ncontinued
                """);
    }

    @Test
    void enumeratedListFormsAndSequences() {
        assertThat(tree("""
                1. one

                2) not the same format

                (a) alpha
                (b) beta

                i. roman
                ii. two

                #. auto
                #. auto
                """)).isEqualTo("""
                ListBlock@1:1 ordered
                  ListItem@1:1
                    Paragraph@1:4 one
                ListBlock@3:1 ordered
                  ListItem@3:1
                    Paragraph@3:4 not the same format
                ListBlock@5:1 ordered
                  ListItem@5:1
                    Paragraph@5:5 alpha
                  ListItem@6:1
                    Paragraph@6:5 beta
                ListBlock@8:1 ordered
                  ListItem@8:1
                    Paragraph@8:4 roman
                  ListItem@9:1
                    Paragraph@9:5 two
                  ListItem@11:1
                    Paragraph@11:4 auto
                  ListItem@12:1
                    Paragraph@12:4 auto
                """);
    }

    @Test
    void enumeratorWithADifferentFormatOnTheNextLineIsText() {
        assertThat(tree("1. one\n2) two\n")).isEqualTo("Paragraph@1:1 1. one\\n2) two\n");
    }

    @Test
    void enumeratorFollowedByUnindentedTextIsAParagraph() {
        assertThat(tree("A. Einstein was a really\nsmart dude.\n")).isEqualTo("Paragraph@1:1 A. Einstein was a really\\nsmart dude.\n");
    }

    @Test
    void definitionAndFieldLists() {
        assertThat(tree("""
                term
                   Definition.
                other term
                   Other.

                :Author: Me
                :Version: 1
                   more
                """)).isEqualTo("""
                DefinitionList@1:1
                  Definition@1:1 term
                    Paragraph@2:4 Definition.
                  Definition@3:1 other term
                    Paragraph@4:4 Other.
                FieldList@6:1
                  Field@6:1 Author
                    Paragraph@6:10 Me
                  Field@7:1 Version
                    Paragraph@7:11 1\\nmore
                """);
    }

    @Test
    void blockQuoteParsesItsContentAsBlocks() {
        assertThat(tree("Para:\n\n    Quoted\n\n    * item\n")).isEqualTo("""
                Paragraph@1:1 Para:
                BlockQuote@3:5
                  Paragraph@3:5 Quoted
                  ListBlock@5:5 bullet
                    ListItem@5:5
                      Paragraph@5:7 item
                """);
    }

    @Test
    void literalBlockForms() {
        assertThat(tree("""
                Expanded::

                    a
                      b

                Partial ::

                  c

                ::

                  d
                """)).isEqualTo("""
                Paragraph@1:1 Expanded:
                CodeBlock@3:5 lang=null first=3 lines=[a,   b]
                Paragraph@6:1 Partial
                CodeBlock@8:3 lang=null first=8 lines=[c]
                CodeBlock@12:3 lang=null first=12 lines=[d]
                """);
    }

    @Test
    void commentsSingleMultiLineAndEmpty() {
        assertThat(tree("""
                .. TODO: fix this
                .. a comment
                   on two lines

                ..

                   quoted after an empty comment
                """)).isEqualTo("""
                Comment@1:1 TODO: fix this
                Comment@2:1 a comment\\non two lines
                Comment@5:1 
                BlockQuote@7:4
                  Paragraph@7:4 quoted after an empty comment
                """);
    }

    @Test
    void hyperlinkTargets() {
        assertThat(tree("""
                .. _label:
                .. _Python Site: https://www.python.org/
                .. _`with: colon`: https://example.com/
                   continued
                .. __: https://anon.example

                __ https://anon2.example

                `a`__ and `b`__
                """)).isEqualTo("""
                Target@1:1 name=label url=null
                Target@2:1 name=python site url=https://www.python.org/
                Target@3:1 name=with: colon url=https://example.com/continued
                Target@5:1 name= url=https://anon.example
                Target@7:1 name= url=https://anon2.example
                Paragraph@9:1 link(a|https://anon.example|null) and link(b|https://anon2.example|null)
                """);
    }

    @Test
    void lineBlockAndTransition() {
        assertThat(tree("""
                | first
                | second
                  continued

                ----

                After.
                """)).isEqualTo("""
                LineBlock@1:1 [first, second\\ncontinued]
                Transition@5:1
                Paragraph@7:1 After.
                """);
    }

    @Test
    void gridTableCellsAreBlocksWithTheirPositions() {
        Lesson lesson = RstNodes.read("""
                +------+--------+
                | H1   | H2     |
                +======+========+
                | a    | * x    |
                |      | * y    |
                +------+--------+
                | spanning both |
                +---------------+
                """);
        assertThat(lesson.diagnostics()).isEmpty();
        Node.Table table = (Node.Table) lesson.nodes().get(0);
        assertThat(table.headerRows()).hasSize(1);
        assertThat(table.bodyRows()).hasSize(2);
        assertThat(table.bodyRows().get(1)).hasSize(1);
        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Table@1:1 header=1 body=2
                  Paragraph@2:3 H1
                  Paragraph@2:10 H2
                  Paragraph@4:3 a
                  ListBlock@4:10 bullet
                    ListItem@4:10
                      Paragraph@4:12 x
                    ListItem@5:10
                      Paragraph@5:12 y
                  Paragraph@7:3 spanning both
                """);
    }

    @Test
    void simpleTableWithHeaderAndContinuationLine() {
        Lesson lesson = RstNodes.read("""
                =====  ======
                Name   Value
                =====  ======
                a      1
                b      2
                       more
                =====  ======
                """);
        assertThat(lesson.diagnostics()).isEmpty();
        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Table@1:1 header=1 body=2
                  Paragraph@2:1 Name
                  Paragraph@2:8 Value
                  Paragraph@4:1 a
                  Paragraph@4:8 1
                  Paragraph@5:1 b
                  Paragraph@5:8 2\\nmore
                """);
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkAreAccepted() {
        assertThat(tree("\uFEFFTitle\r\n=====\r\n\r\ntext\r\n")).isEqualTo("""
                Section@1:1 L1 Title
                  Paragraph@4:1 text
                """);
    }
}
