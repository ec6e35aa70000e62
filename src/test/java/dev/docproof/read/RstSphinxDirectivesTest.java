package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directives and conventions of Sphinx that docutils does not know (so the oracle cannot check them):
 * literalinclude, code options, only, todo, seealso, highlight, file-wide fields, and the course folder
 * every include is read from.
 */
class RstSphinxDirectivesTest {

    @TempDir
    Path course;

    private Path write(String name, String text) throws IOException {
        Path file = course.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private Lesson read(String text) throws IOException {
        return LessonFiles.read(write("lessons/page.rst", text), course);
    }

    private static List<String> messages(Lesson lesson) {
        return lesson.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void literalIncludeSelectsLinesAndKeepsTheFileItCameFrom() throws IOException {
        Path script = write("code/app.py", "import os\n\n# start\ndef main():\n    print('hi')\n# end\nmain()\n");
        Lesson lesson = read("""
                Page
                ====

                .. literalinclude:: ../code/app.py
                   :language: python
                   :start-after: # start
                   :end-before: # end
                   :caption: The main function
                   :emphasize-lines: 2
                   :linenos:
                """);
        Node.CodeBlock block = RstNodes.all(lesson.nodes(), Node.CodeBlock.class).get(0);
        assertThat(block.lines()).containsExactly("def main():", "    print('hi')");
        assertThat(block.language()).isEqualTo("python");
        assertThat(block.caption()).isEqualTo("The main function");
        assertThat(block.emphasized()).containsExactly(2);
        assertThat(block.lineNumbers()).isTrue();
        assertThat(block.span().file()).isEqualTo(script);
        assertThat(block.firstLine()).isEqualTo(4);
        assertThat(block.span().includedFrom()).isEqualTo(new SourceSpan(course.resolve("lessons/page.rst"), 4, 1));
        assertThat(lesson.diagnostics()).isEmpty();
    }

    @Test
    void literalIncludeLinesStartAtEndAtAndDedent() throws IOException {
        write("code/list.txt", "one\n    two\n    three\n    four\nfive\n");
        Lesson lesson = read("""
                .. literalinclude:: ../code/list.txt
                   :lines: 2-3,5

                .. literalinclude:: /code/list.txt
                   :start-at: two
                   :end-at: four
                   :dedent: 4
                """);
        List<Node.CodeBlock> blocks = RstNodes.all(lesson.nodes(), Node.CodeBlock.class);
        assertThat(blocks.get(0).lines()).containsExactly("    two", "    three", "five");
        assertThat(blocks.get(1).lines()).containsExactly("two", "three", "four");
        assertThat(blocks.get(1).indent()).isEqualTo(4);
        assertThat(lesson.diagnostics()).isEmpty();
    }

    @Test
    void codeBlockDedentStripsColumnsAsSphinxDoes() throws IOException {
        Lesson lesson = read("""
                .. code-block:: console
                   :dedent: 3

                      $ echo hi
                      hi

                .. code-block:: console
                   :dedent:

                       $ echo there

                .. code-block:: console
                   :dedent: 2

                   $ echo cut
                """);
        List<Node.CodeBlock> blocks = RstNodes.all(lesson.nodes(), Node.CodeBlock.class);
        assertThat(blocks.get(0).lines()).containsExactly("$ echo hi", "hi");
        assertThat(blocks.get(0).columnOf(0)).isEqualTo(7);
        assertThat(blocks.get(1).lines()).containsExactly("$ echo there");
        assertThat(blocks.get(2).lines()).containsExactly("echo cut");
        assertThat(messages(lesson)).containsExactly(course.resolve("lessons/page.rst") + ":12:1: warning: The"
                + " \"dedent\" option strips text, not only indentation, from line 15 (as Sphinx does; write a smaller"
                + " number, or :dedent: alone for the lines' common indentation)");
    }

    @Test
    void includesNeverReadOutsideTheCourseFolder() throws IOException {
        // Beside the course folder, so no temp folder of the test's takes it away: removed at the end.
        Path secret = Files.writeString(course.getParent().resolve("secret-" + course.getFileName() + ".txt"),
                "TOP-SECRET-CONTENT");
        try {
            Lesson lesson = read("""
                    Before.

                    .. include:: ../../secret-%s.txt

                    .. literalinclude:: /../secret-%s.txt

                    After.
                    """.formatted(course.getFileName(), course.getFileName()));
            Path page = course.resolve("lessons/page.rst");
            assertThat(messages(lesson)).containsExactly(
                    page + ":3:1: error: The \"include\" file \"../../secret-" + course.getFileName() + ".txt\" is"
                            + " outside the course folder " + course + "; only files inside it are read (move the file"
                            + " into the course folder)",
                    page + ":5:1: error: The \"literalinclude\" file \"/../secret-" + course.getFileName() + ".txt\" is"
                            + " outside the course folder " + course + "; only files inside it are read (move the file"
                            + " into the course folder)");
            assertThat(RstNodes.walk(lesson.nodes()).toString()).doesNotContain("TOP-SECRET-CONTENT");
            assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class)).hasSize(2);
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void aMissingOrCircularIncludeIsAnErrorAtItsPlace() throws IOException {
        write("lessons/loop.rst", "Loop text.\n\n.. include:: loop.rst\n");
        Lesson lesson = read("""
                .. include:: missing.rst

                .. include:: loop.rst
                """);
        Path page = course.resolve("lessons/page.rst");
        Path loop = course.resolve("lessons/loop.rst");
        assertThat(messages(lesson)).containsExactly(
                page + ":1:1: error: The \"include\" file \"" + course.resolve("lessons/missing.rst") + "\": no such file",
                loop + ":3:1: error: The include of \"" + loop + "\" is circular: that file is already being read;"
                        + " not included again");
        assertThat(lesson.diagnostics().get(1).span().includedFrom()).isEqualTo(new SourceSpan(page, 3, 1));
        assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class)).extracting(p -> Inline.plain(p.content()))
                .containsExactly("Loop text.");
    }

    @Test
    void includedSectionsJoinTheDocumentAndKeepTheirPositions() throws IOException {
        Path part = write("shared/part.rst", "Shared\n------\n\nShared text.\n");
        Lesson lesson = read("""
                Page
                ====

                .. include:: ../shared/part.rst

                Still in the shared section.
                """);
        Node.Section page = (Node.Section) lesson.nodes().get(0);
        Node.Section shared = (Node.Section) page.children().get(0);
        assertThat(shared.titleText()).isEqualTo("Shared");
        assertThat(shared.level()).isEqualTo(2);
        assertThat(shared.span()).isEqualTo(new SourceSpan(part, 1, 1,
                new SourceSpan(course.resolve("lessons/page.rst"), 4, 1)));
        assertThat(shared.children()).extracting(n -> n.span().file().getFileName().toString() + ":" + n.span().line())
                .containsExactly("part.rst:4", "page.rst:6");
    }

    @Test
    void onlyKeepsWhatTheHtmlBuilderShowsAndTodosAreHidden() throws IOException {
        Lesson lesson = read("""
                .. only:: html

                   Shown.

                .. only:: latex or epub

                   Not shown.

                .. only:: not latex and (html or singlehtml)

                   Also shown.

                .. todo:: Write this part.
                """);
        assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class)).extracting(p -> Inline.plain(p.content()))
                .containsExactly("Shown.", "Also shown.");
        assertThat(RstNodes.all(lesson.nodes(), Node.Comment.class)).extracting(Node.Comment::text)
                .containsExactly("only latex or epub: Not shown.", "todo: Write this part.");
        assertThat(lesson.diagnostics()).isEmpty();
    }

    @Test
    void anUnreadableOnlyExpressionShowsItsContentWithAWarning() throws IOException {
        Lesson lesson = read(".. only:: html and\n\n   Content.\n");
        assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class)).hasSize(1);
        assertThat(messages(lesson)).containsExactly(course.resolve("lessons/page.rst") + ":1:1: warning: The \"only\""
                + " expression \"html and\" cannot be read (use tag names with and, or, not and parentheses); its"
                + " content is shown");
    }

    @Test
    void fileWideFieldsBecomeMetadata() throws IOException {
        Lesson lesson = read("""
                .. a comment first

                :orphan:
                :tocdepth: 2

                Title
                =====

                :Author: stays on the page
                """);
        assertThat(lesson.metadata()).containsExactly(Map.entry("orphan", ""), Map.entry("tocdepth", "2"));
        assertThat(RstNodes.all(lesson.nodes(), Node.Field.class)).extracting(Node.Field::name).containsExactly("Author");
        assertThat(lesson.title()).isEqualTo("Title");
    }

    @Test
    void seealsoHighlightAndCodeOptions() throws IOException {
        Lesson lesson = read("""
                .. seealso:: The other lesson.

                .. highlight:: console

                A literal block::

                   $ docker ps

                .. code-block::
                   :emphasize-lines: 1-x

                   $ docker ps -a
                """);
        assertThat(RstNodes.all(lesson.nodes(), Node.Admonition.class)).extracting(Node.Admonition::kind)
                .containsExactly("seealso");
        assertThat(RstNodes.all(lesson.nodes(), Node.CodeBlock.class)).extracting(Node.CodeBlock::language)
                .containsExactly("console", "console");
        assertThat(messages(lesson)).containsExactly(course.resolve("lessons/page.rst") + ":9:1: warning: The"
                + " \"emphasize-lines\" option \"1-x\" is not a list of lines (write e.g. 1,3-5); no line is emphasized");
    }

    @Test
    void undefinedSubstitutionsWarnWhereTheyStand() throws IOException {
        Lesson lesson = read("Uses |nothing| and\nthen |release|.\n");
        Path page = course.resolve("lessons/page.rst");
        assertThat(messages(lesson)).containsExactly(
                page + ":1:6: warning: Substitution |nothing| is not defined; shown as written (define it with"
                        + " \".. |nothing| replace:: text\")",
                page + ":2:6: warning: Substitution |release| is set by Sphinx from conf.py's release, which has no plain"
                        + " string value there; shown as written (assign it a string in conf.py, or define it with"
                        + " \".. |release| replace:: ...\")");
        assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class).get(0).content())
                .contains(new Inline.Substitution("nothing"), new Inline.Substitution("release"));
    }

    /** Sphinx replaces substitutions in prose and parsed-literal blocks only; in a code block one is typed as written. */
    @Test
    void aSubstitutionTheCourseDefinesUsedInACodeBlockWarnsThatItStaysAsWritten() throws IOException {
        Lesson lesson = read("""
                .. |image| replace:: launchcodedevops/simple-http

                Run |image|:

                .. code-block:: console

                   $ docker run -d |image|
                   $ echo a | grep a | wc -l

                ::

                    docker pull |image| |unknown|

                .. parsed-literal::

                   $ docker pull |image|
                """);

        Path page = course.resolve("lessons/page.rst");
        String says = " warning: |image| is not replaced inside a code block: Sphinx shows it, and a learner copies it, as"
                + " written; write the value, or make the block a `.. parsed-literal::`, whose substitutions are replaced";
        assertThat(messages(lesson)).containsExactly(page + ":7:20:" + says, page + ":12:17:" + says);
    }

    @Test
    void badTablesAreDiagnosticsAndKeepTheirContent() throws IOException {
        Lesson lesson = read("""
                .. list-table::

                   Not a list.

                .. csv-table::

                   "never closed, 1

                .. csv-table::
                   :url: https://example.org/data.csv
                """);
        Path page = course.resolve("lessons/page.rst");
        assertThat(messages(lesson)).containsExactly(
                page + ":1:1: error: The \"list-table\" needs one bullet list of rows, each row a bullet list of cells;"
                        + " its content is shown as written",
                page + ":7:4: error: The \"csv-table\" has a quoted cell that is never closed (add the closing quote)",
                page + ":9:1: error: The \"csv-table\" option \"url\" is not read (pages are made offline); copy the data"
                        + " into the course and name it with :file:");
        assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class).get(0).content())
                .containsExactly(new Inline.Text("Not a list."));
        assertThat(RstNodes.all(lesson.nodes(), Node.Table.class)).hasSize(1);
    }

    @Test
    void aFolderNamedOnTheCommandLineIsTheCourseFolderOfItsLessons() throws IOException {
        write("shared/note.rst", "Shared note.\n");
        Path page = write("week1/day1.rst", ".. include:: ../shared/note.rst\n");
        LessonFiles.Discovery found = LessonFiles.discover(List.of(course));
        Lesson lesson = found.read().get(found.files().indexOf(page));
        assertThat(lesson.diagnostics()).isEmpty();
        assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class)).hasSize(1);
        // named alone, the lesson's own folder bounds what it may include
        assertThat(LessonFiles.read(page).diagnostics()).extracting(Diagnostic::message)
                .allMatch(m -> m.contains("is outside the course folder"));
    }

    /**
     * Tabs of sphinx-tabs, sphinx-design and sphinx-inline-tabs, topics, sidebars, containers and rubrics hold blocks
     * like any other: their code is the lesson's, and none of them is a placeholder with a warning.
     */
    @Test
    void tabsAndOtherGroupsHoldTheirBlocks() throws IOException {
        Lesson lesson = read("""
                Page
                ====

                .. tabs::

                   .. tab:: Linux

                      .. code-block:: bash

                         docker ps

                   .. code-tab:: powershell Windows

                      docker ps -a

                .. tab-set::

                   .. tab-item:: *Debian*
                      :sync: debian

                      Run ``apt``.

                .. topic:: Summary

                   Done.

                .. rubric:: Footnotes

                .. container:: wide

                   Inside.
                """);

        assertThat(messages(lesson)).isEmpty();
        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Section@1:1 L1 Page
                  Group@4:1 tabs
                    Group@6:4 tab Linux
                      CodeBlock@8:7 lang=bash first=10 lines=[docker ps]
                    Group@12:4 tab Windows
                      CodeBlock@12:4 lang=powershell first=14 lines=[docker ps -a]
                  Group@16:1 tab-set
                    Group@18:4 tab-item em(Debian)
                      Paragraph@21:7 Run lit(apt).
                  Group@23:1 topic Summary
                    Paragraph@25:4 Done.
                  Group@27:1 rubric Footnotes
                  Group@29:1 container
                    Paragraph@31:4 Inside.
                """);
    }
}
