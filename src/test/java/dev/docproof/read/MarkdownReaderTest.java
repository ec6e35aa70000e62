package dev.docproof.read;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Node.CodeBlock;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.plan.Planner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MarkdownReaderTest {

    private static final Path FIXTURE = Path.of("src/test/resources/read/lesson.md");

    private static Lesson fixture() {
        return LessonFiles.read(FIXTURE);
    }

    private static SourceSpan at(int line, int column) {
        return new SourceSpan(FIXTURE, line, column);
    }

    @Test
    void headingsNestIntoSectionsByLevel() {
        Lesson lesson = fixture();

        assertThat(lesson.title()).isEqualTo("Networking in Markdown");
        assertThat(lesson.format()).isEqualTo(Lesson.Format.MARKDOWN);
        assertThat(lesson.diagnostics()).isEmpty();
        assertThat(lesson.nodes()).hasSize(1);
        Node.Section top = (Node.Section) lesson.nodes().get(0);
        assertThat(top.level()).isEqualTo(1);
        assertThat(top.span()).isEqualTo(at(1, 1));
        Node.Section create = (Node.Section) top.children().get(2);
        assertThat(create.titleText()).isEqualTo("Create a network");
        assertThat(create.level()).isEqualTo(2);
        Node.Section deeper = (Node.Section) create.children().get(3);
        assertThat(deeper.titleText()).isEqualTo("Deeper");
        assertThat(deeper.level()).isEqualTo(3);
        assertThat(deeper.span()).isEqualTo(at(29, 1));
    }

    @Test
    void paragraphsKeepCodeEmphasisStrongAndLinks() {
        Node.Section top = (Node.Section) fixture().nodes().get(0);

        assertThat(top.children().get(0)).isEqualTo(new Node.Paragraph(at(3, 1), List.of(
                new Inline.Text("Intro with "), new Inline.Literal("code"), new Inline.Text(", "),
                new Inline.Emphasis("emphasis"), new Inline.Text(", "), new Inline.Strong("strong"),
                new Inline.Text(" and a "), new Inline.Link("link", "https://example.com", null),
                new Inline.Text("."))));
        assertThat(top.children().get(1)).isEqualTo(new Node.Comment(at(5, 1), "a note for authors"));
    }

    @Test
    void fencedBlocksKeepLanguageExactLinesFirstLineAndIndent() {
        Node.Section create = (Node.Section) ((Node.Section) fixture().nodes().get(0)).children().get(2);

        assertThat(create.children().get(0)).isEqualTo(new CodeBlock(at(9, 1), "bash", Map.of(),
                List.of("$ docker network create docproof-md-net", "# output", "3f1e9c2a"), 10, 0));
        Node.ListBlock list = (Node.ListBlock) create.children().get(2);
        assertThat(list.ordered()).isFalse();
        assertThat(list.items()).hasSize(2);
        assertThat(list.items().get(1).children().get(1)).isEqualTo(
                new CodeBlock(at(25, 3), "sh", Map.of(), List.of("echo \"in a list\""), 26, 2));
    }

    /** Attributes documentation sites glue to a fence's language do not hide it: the block is still a bash block. */
    @Test
    void aFenceLanguageWithAttributesGluedToItIsStillThatLanguage() {
        Lesson lesson = new MarkdownReader().read(Path.of("fences.md"), """
                ```bash{2}
                echo vitepress
                ```

                ```bash=
                echo hackmd
                ```

                ```sh:install.sh
                echo named
                ```

                ```{.bash .numberLines}
                echo pandoc
                ```

                ```shell-session title="Terminal"
                $ echo docusaurus
                ```
                """);

        assertThat(lesson.nodes()).extracting(n -> ((CodeBlock) n).language())
                .containsExactly("bash", "bash", "sh", "bash", "shell-session");
        assertThat(Planner.plan(lesson).steps()).extracting(Step::command)
                .containsExactly("echo vitepress", "echo hackmd", "echo named", "echo pandoc", "echo docusaurus");
    }

    @Test
    void gitHubAlertBecomesAnAdmonitionAndPlainQuoteStaysAQuote() {
        Node.Section create = (Node.Section) ((Node.Section) fixture().nodes().get(0)).children().get(2);

        assertThat(create.children().get(1)).isEqualTo(new Node.Admonition(at(15, 1), "note", List.of(), List.of(
                new Node.Paragraph(at(16, 3), List.of(new Inline.Text("Networks outlive containers."))),
                new CodeBlock(at(18, 3), "console", Map.of(), List.of("$ docker network ls"), 19, 2))));
        Node.Section deeper = (Node.Section) create.children().get(3);
        assertThat(deeper.children().get(3)).isEqualTo(new Node.BlockQuote(at(42, 1), List.of(
                new Node.Paragraph(at(42, 3), List.of(new Inline.Text("plain quote"))))));
    }

    @Test
    void indentedBlocksAndTablesAreRead() {
        Node.Section create = (Node.Section) ((Node.Section) fixture().nodes().get(0)).children().get(2);
        Node.Section deeper = (Node.Section) create.children().get(3);

        assertThat(deeper.children().get(0)).isEqualTo(new CodeBlock(at(31, 5), null, Map.of(),
                List.of("$ echo indented", "indented"), 31, 4));
        Node.Table table = (Node.Table) deeper.children().get(1);
        assertThat(table.headerRows()).hasSize(1);
        assertThat(table.bodyRows()).containsExactly(List.of(
                List.of(new Node.Paragraph(at(36, 1), List.of(new Inline.Literal("bridge")))),
                List.of(new Node.Paragraph(at(36, 13), List.of(new Inline.Text("default"))))));
    }

    @Test
    void markdownFixturePlansItsShellBlocksWithSourceColumns() {
        Plan plan = Planner.plan(fixture());

        assertThat(plan.steps()).extracting(Step::line, s -> s.span().column(), Step::kind, Step::command, Step::section)
                .containsExactly(
                        tuple(10, 3, StepKind.RUN, "docker network create docproof-md-net", "Create a network"),
                        tuple(19, 5, StepKind.RUN, "docker network ls", "Create a network"),
                        tuple(26, 3, StepKind.RUN, "echo \"in a list\"", "Create a network"),
                        tuple(31, 7, StepKind.RUN, "echo indented", "Deeper"));
        assertThat(plan.steps().get(0).sample()).isEqualTo(new Sample(List.of("3f1e9c2a"), 12));
        assertThat(plan.steps().get(3).sample()).isEqualTo(new Sample(List.of("indented"), 32));
    }

    @Test
    void unclosedFenceAndCarriageReturnsAreHandled() {
        Lesson lesson = new MarkdownReader().read(Path.of("x.md"), "# T\r\n\r\n```bash\r\n$ echo hi  \r\necho\r\n");

        Node.Section t = (Node.Section) lesson.nodes().get(0);
        assertThat(t.children()).containsExactly(new CodeBlock(new SourceSpan(Path.of("x.md"), 3, 1), "bash",
                Map.of(), List.of("$ echo hi  ", "echo"), 4, 0));
        assertThat(lesson.diagnostics()).extracting(Object::toString).containsExactly(
                "x.md:3:1: warning: the code fence is not closed; the block runs to the end of its container");
    }

    @Test
    void frontMatterIsKeptAsWrittenAndLaterLinesKeepTheirNumbers() {
        Path file = Path.of("fm.md");
        Lesson lesson = new MarkdownReader().read(file, "---\ntitle: Networks\ntags: [docker]\n---\n# Networks\n\n"
                + "```bash\n$ docker network ls\n```\n");

        assertThat(lesson.title()).isEqualTo("Networks");
        assertThat(lesson.nodes().get(0)).isEqualTo(new Node.Directive(new SourceSpan(file, 1, 1), "front-matter", "",
                Map.of(), List.of("title: Networks", "tags: [docker]")));
        Node.Section section = (Node.Section) lesson.nodes().get(1);
        assertThat(section.span()).isEqualTo(new SourceSpan(file, 5, 1));
        assertThat(section.children()).containsExactly(new CodeBlock(new SourceSpan(file, 7, 1), "bash", Map.of(),
                List.of("$ docker network ls"), 8, 0));
    }

    /**
     * MyST, Sphinx's Markdown: a code-block directive is a code block in its language, with its options; admonitions
     * and tabs hold blocks read at their own lines and columns, in backtick or colon fences; R Markdown's
     * {@code ```{bash}} stays a bash block; a Sphinx directive this reader does not model is a warned placeholder.
     */
    @Test
    void mystDirectivesAreReadAsTheirReStructuredTextTwins() {
        Path file = Path.of("myst.md");
        Lesson lesson = new MarkdownReader().read(file, """
                # Volumes

                ```{code-block} bash
                :caption: Make it

                docker volume create data
                ```

                ::::{tab-set}
                :::{tab-item} Linux
                ```bash
                docker volume ls
                ```
                :::
                ::::

                ```{note}
                Volumes *outlive* containers.
                ```

                - a list item

                  :::{admonition} Careful
                  Indented.
                  :::

                ```{bash}
                echo r-markdown
                ```

                ```{literalinclude} app.py
                ```
                """);

        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Section@1:1 L1 Volumes
                  CodeBlock@3:1 lang=bash first=6 options={caption=Make it} lines=[docker volume create data]
                  Group@9:1 tab-set
                    Group@10:1 tab-item Linux
                      CodeBlock@11:1 lang=bash first=12 lines=[docker volume ls]
                  Admonition@17:1 note
                    Paragraph@18:1 Volumes em(outlive) containers.
                  ListBlock@21:1 bullet
                    ListItem@21:1
                      Paragraph@21:3 a list item
                      Admonition@23:3 admonition Careful
                        Paragraph@24:3 Indented.
                  CodeBlock@27:1 lang=bash first=28 lines=[echo r-markdown]
                  Directive@31:1 literalinclude args=app.py content=[]
                """);
        assertThat(lesson.diagnostics()).extracting(Object::toString).containsExactly("myst.md:31:1: warning: Directive"
                + " \"literalinclude\" is not supported; kept as a generic directive and shown on the page as a placeholder");
        assertThat(Planner.plan(lesson).steps()).extracting(Step::line, Step::command).containsExactly(
                tuple(6, "docker volume create data"), tuple(12, "docker volume ls"), tuple(28, "echo r-markdown"));
    }

    /** A colon fence shown inside a code block is the block's text, and one never closed is a paragraph. */
    @Test
    void colonFencesInCodeOrUnclosedStayAsWritten() {
        String text = "```text\n:::{note}\nshown\n:::\n```\n\n:::{note}\nnever closed\n";
        assertThat(MystFences.rewrite(text)).isEqualTo(text);
        assertThat(MystFences.rewrite(":::{note}\r\nx\r\n:::\r\n")).isEqualTo(
                "`````````````{note}\r\nx\r\n`````````````\r\n");
    }

    /** Footnotes are numbered by the page, as reStructuredText's {@code [#label]} ones; their text is kept. */
    @Test
    void footnotesAreReferencesAndDefinitions() {
        Lesson lesson = new MarkdownReader().read(Path.of("fn.md"), """
                Text[^why] and[^2].

                [^why]: First line
                    goes on.

                    A second paragraph.

                [^2]: Second.
                """);

        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Paragraph@1:1 Textfn(#why) andfn(#2).
                Directive@3:1 footnote args=#why content=[First line, goes on., , A second paragraph.]
                Directive@8:1 footnote args=#2 content=[Second.]
                """);
    }

    @Test
    void imagesAreImagesWithTheirAlternativeText() {
        Lesson lesson = new MarkdownReader().read(Path.of("img.md"), "![A *diagram*](img/d.png) and ![icon][i] and ![x][none]\n\n[i]: img/i.png\n");

        Node.Paragraph paragraph = (Node.Paragraph) lesson.nodes().get(0);
        assertThat(paragraph.content()).containsExactly(new Inline.Image("img/d.png", "A diagram", Map.of()),
                new Inline.Text(" and "), new Inline.Image("img/i.png", "icon", Map.of()), new Inline.Text(" and ![x][none]"));
    }

    /** MyST's eval-rst holds reStructuredText: read as such, at its lines, its commands steps like any other. */
    @Test
    void evalRstIsReadAsReStructuredText() {
        Lesson lesson = new MarkdownReader().read(Path.of("rst.md"), """
                # Page

                ```{eval-rst}
                .. note:: From RST.

                .. code-block:: bash

                   docker ps
                ```
                """);

        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Section@1:1 L1 Page
                  Group@3:1 eval-rst
                    Admonition@4:1 note
                      Paragraph@4:11 From RST.
                    CodeBlock@6:1 lang=bash first=8 lines=[docker ps]
                """);
        assertThat(Planner.plan(lesson).steps()).extracting(Step::line).containsExactly(8);
    }

    /**
     * MkDocs' admonitions ({@code !!!}, collapsible {@code ???}) and content tabs ({@code ===}) hold indented Markdown,
     * which CommonMark alone reads as an indented code block: their commands are steps at their own line and column,
     * a fence inside is not part of a sample, and the text around them stays text.
     */
    @Test
    void mkDocsAdmonitionsAndContentTabsHoldMarkdownWhoseCommandsRun() {
        Path file = Path.of("mkdocs.md");
        Lesson lesson = new MarkdownReader().read(file, """
                # Start

                !!! note "Before you start"

                    Make sure the folder exists:

                    ```bash
                    mkdir -p site
                    ```

                === "Linux"

                    ```bash
                    echo on-linux
                    ```

                === "macOS"

                    ```bash
                    brew install colima
                    ```

                1. Then:

                    ??? example

                        ```console
                        $ echo collapsed
                        collapsed
                        ```

                !!! warning ""
                    Text right under it.

                After the blocks.

                !!! Warning do not run this

                !!! Note that this line
                runs on as prose.
                """);

        Node.Section top = (Node.Section) lesson.nodes().get(0);
        assertThat(top.children()).extracting(n -> n.getClass().getSimpleName()).containsExactly(
                "Admonition", "Group", "Group", "ListBlock", "Admonition", "Paragraph", "Paragraph", "Paragraph");
        Node.Admonition note = (Node.Admonition) top.children().get(0);
        assertThat(note.kind()).isEqualTo("note");
        assertThat(note.title()).containsExactly(new Inline.Text("Before you start"));
        assertThat(note.children()).extracting(n -> n.getClass().getSimpleName()).containsExactly("Paragraph", "CodeBlock");
        assertThat(((Node.Group) top.children().get(2)).title()).containsExactly(new Inline.Text("macOS"));
        assertThat(((Node.Group) top.children().get(2)).name()).isEqualTo("tab");
        Node.Admonition collapsed = (Node.Admonition) ((Node.ListBlock) top.children().get(3)).items().get(0).children().get(1);
        assertThat(collapsed.title()).containsExactly(new Inline.Text("Example"));
        Node.Admonition warning = (Node.Admonition) top.children().get(4);
        assertThat(warning.title()).isEmpty();
        assertThat(warning.children()).containsExactly(new Node.Paragraph(new SourceSpan(file, 33, 5),
                List.of(new Inline.Text("Text right under it."))));
        assertThat(lesson.diagnostics()).isEmpty();
        assertThat(Planner.plan(lesson).steps()).extracting(s -> s.span().line(), s -> s.span().column(),
                Step::command, s -> s.sample().lines()).containsExactly(
                tuple(8, 5, "mkdir -p site", List.of()),
                tuple(14, 5, "echo on-linux", List.of()),
                tuple(20, 5, "brew install colima", List.of()),
                tuple(28, 11, "echo collapsed", List.of("collapsed")));
    }

    /**
     * GitHub's collapsible sections hold Markdown between a {@code <details>} and a {@code </details>}: they are read as
     * a dropdown titled by the summary, whose commands are steps; HTML that is not one stays raw HTML.
     */
    @Test
    void aDetailsSectionIsADropdownHoldingItsMarkdown() {
        Lesson lesson = new MarkdownReader().read(Path.of("details.md"), """
                # Output

                <details>
                <summary>Show the <code>ls</code> output</summary>

                ## Listing

                ```console
                $ ls
                index.html
                ```

                <details>

                Nested, with no summary.

                </details>
                </details>

                <details><summary>Never closed</summary>

                <div align="center">logo</div>
                """);

        Node.Section top = (Node.Section) lesson.nodes().get(0);
        assertThat(top.children()).extracting(n -> n.getClass().getSimpleName())
                .containsExactly("Group", "Directive", "Directive");
        Node.Group details = (Node.Group) top.children().get(0);
        assertThat(details.name()).isEqualTo("dropdown");
        assertThat(details.title()).containsExactly(new Inline.Text("Show the ls output"));
        assertThat(details.children()).extracting(n -> n.getClass().getSimpleName())
                .containsExactly("Paragraph", "CodeBlock", "Group");
        assertThat(((Node.Group) details.children().get(2)).title()).containsExactly(new Inline.Text("Details"));
        assertThat(Planner.plan(lesson).steps()).extracting(Step::line, Step::command, s -> s.sample().lines())
                .containsExactly(tuple(9, "ls", List.of("index.html")));
    }
}
