package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Node.CodeBlock;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.plan.Planner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Reads through the real asciidoctorj (its first use boots JRuby: several seconds, once per test run). */
class AsciiDocReaderTest {

    private static final Path FIXTURE = Path.of("src/test/resources/read/lesson.adoc");
    private static Lesson lesson;

    @BeforeAll
    static void readFixture() {
        lesson = LessonFiles.read(FIXTURE);
    }

    private static SourceSpan at(int line) {
        return new SourceSpan(FIXTURE, line, 1);
    }

    private static Node.Section top() {
        return (Node.Section) lesson.nodes().get(0);
    }

    private static Node.Section create() {
        return (Node.Section) top().children().get(1);
    }

    @Test
    void documentTitleIsTheLevelOneSectionHoldingTheSections() {
        assertThat(lesson.format()).isEqualTo(Lesson.Format.ASCIIDOC);
        assertThat(lesson.title()).isEqualTo("Networking in AsciiDoc");
        assertThat(lesson.diagnostics()).isEmpty();
        assertThat(lesson.nodes()).hasSize(1);
        assertThat(top().level()).isEqualTo(1);
        assertThat(top().span()).isEqualTo(at(1));
        assertThat(create().span()).isEqualTo(at(7));
        assertThat(create().level()).isEqualTo(2);
        assertThat(create().labels()).containsExactly("create");
        Node.Section deeper = (Node.Section) create().children().get(4);
        assertThat(deeper.titleText()).isEqualTo("Deeper");
        assertThat(deeper.level()).isEqualTo(3);
        assertThat(deeper.labels()).isEmpty();
    }

    @Test
    void paragraphInlinesAreReadFromTheSource() {
        assertThat(top().children().get(0)).isEqualTo(new Node.Paragraph(at(4), List.of(
                new Inline.Text("Intro with "), new Inline.Literal("code"), new Inline.Text(", "),
                new Inline.Literal("literal"), new Inline.Text(", "), new Inline.Strong("strong"),
                new Inline.Text(", "), new Inline.Emphasis("emphasis"), new Inline.Text(" and "),
                new Inline.Link("a link", "https://example.com", null), new Inline.Text("."))));
    }

    @Test
    void sourceBlocksKeepLanguageAndExactLinesWithTheirLineNumbers() {
        assertThat(create().children().get(0)).isEqualTo(new CodeBlock(at(10), "bash", Map.of("style", "source"),
                List.of("$ docker network create docproof-adoc-net", "# output", "3f1e9c2a  "), 11, 0));
        Node.Section deeper = (Node.Section) create().children().get(4);
        assertThat(deeper.children().get(0)).isEqualTo(new CodeBlock(at(38), null, Map.of(),
                List.of("$ echo indented", "indented"), 38, 1));
    }

    @Test
    void admonitionsInBothFormsHoldTheirContent() {
        assertThat(create().children().get(1)).isEqualTo(new Node.Admonition(at(16), "note", List.of(),
                List.of(new Node.Paragraph(at(16), List.of(new Inline.Text("Networks outlive containers."))))));
        Node.Admonition warning = (Node.Admonition) create().children().get(2);
        assertThat(warning.kind()).isEqualTo("warning");
        assertThat(warning.children()).containsExactly(
                new Node.Paragraph(at(20), List.of(new Inline.Text("Remove what you create."))),
                new CodeBlock(at(23), "console", Map.of("style", "source"),
                        List.of("$ docker network rm docproof-adoc-net"), 24, 0));
    }

    @Test
    void listItemsKeepTheirTextAndAttachedBlocks() {
        Node.ListBlock list = (Node.ListBlock) create().children().get(3);

        assertThat(list.ordered()).isFalse();
        assertThat(list.items()).hasSize(2);
        assertThat(list.items().get(1).children()).containsExactly(
                new Node.Paragraph(at(29), List.of(new Inline.Text("second item"))),
                new CodeBlock(at(32), "sh", Map.of("style", "source"), List.of("echo \"in a list\""), 33, 0));
    }

    @Test
    void asciiDocFixturePlansItsShellBlocks() {
        Plan plan = Planner.plan(lesson);

        assertThat(plan.steps()).extracting(Step::line, s -> s.span().column(), Step::command, Step::section)
                .containsExactly(
                        tuple(11, 3, "docker network create docproof-adoc-net", "Create a network"),
                        tuple(24, 3, "docker network rm docproof-adoc-net", "Create a network"),
                        tuple(33, 1, "echo \"in a list\"", "Create a network"),
                        tuple(38, 4, "echo indented", "Deeper"));
        assertThat(plan.steps().get(0).sample()).isEqualTo(new Sample(List.of("3f1e9c2a  "), 13));
    }

    @Test
    void asciidoctorMessagesBecomeDiagnosticsAtTheirLine() {
        Lesson broken = new AsciiDocReader().read(Path.of("broken.adoc"),
                "= T\n\n== A\n\ninclude::no-such-file.adoc[]\n");

        assertThat(broken.diagnostics()).extracting(d -> d.span().line(), Diagnostic::severity)
                .containsExactly(tuple(5, Diagnostic.Severity.ERROR));
        assertThat(broken.diagnostics().get(0).message()).startsWith("include file not found");
    }

    /**
     * An include in a code block whose file is missing is an error at its line; the block keeps its other lines at
     * theirs, and Asciidoctor's stand-in text ("Unresolved directive in ...") is no command of the lesson.
     */
    @Test
    void aMissingIncludeInACodeBlockIsAnErrorAndNoCommand(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path lesson = java.nio.file.Files.writeString(dir.resolve("lesson.adoc"), """
                = Includes

                [source,bash]
                ----
                include::missing.sh[]
                ----

                [source,bash]
                ----
                echo before
                include::scripts/missing.sh[lines=2]
                echo after
                ----
                """);

        Lesson read = LessonFiles.read(lesson);

        assertThat(read.diagnostics()).extracting(d -> d.span().line(), Diagnostic::severity)
                .containsExactly(tuple(5, Diagnostic.Severity.ERROR), tuple(11, Diagnostic.Severity.ERROR));
        assertThat(dev.docproof.plan.Planner.plan(read).steps()).extracting(s -> s.span().line(), Step::command)
                .containsExactly(tuple(10, "echo before"), tuple(12, "echo after"));
    }

    @Test
    void constrainedMarksInsideWordsStayText() {
        assertThat(AsciiDocInlines.parse("snake_case_name and 2*3*4 but *bold* and `+a*b+`")).containsExactly(
                new Inline.Text("snake_case_name and 2*3*4 but "), new Inline.Strong("bold"),
                new Inline.Text(" and "), new Inline.Literal("a*b"));
    }

    @Test
    void linksAndCrossReferencesAreRead() {
        assertThat(AsciiDocInlines.parse("see <<create,Create>>, xref:other[Other], link:guide.html[the guide]"
                + " or https://docs.docker.com/network/")).containsExactly(
                new Inline.Text("see "), new Inline.Link("Create", null, "create"), new Inline.Text(", "),
                new Inline.Link("Other", null, "other"), new Inline.Text(", "),
                new Inline.Link("the guide", "guide.html", null), new Inline.Text(" or "),
                new Inline.Link("https://docs.docker.com/network/", "https://docs.docker.com/network/", null));
    }

    @Test
    void inlineImagesAreImages() {
        assertThat(AsciiDocInlines.parse("an image:img/icon.png[Icon,16] and image:img/logo.svg[]")).containsExactly(
                new Inline.Text("an "), new Inline.Image("img/icon.png", "Icon", Map.of()), new Inline.Text(" and "),
                new Inline.Image("img/logo.svg", "logo", Map.of()));
    }

    /**
     * A code block whose content comes from an include runs what the include brings in. A block that is one include
     * stands in the included file, each step at its own line there (as a literalinclude does), whatever part of the
     * file it selects; one that mixes its own lines with an include stands at its delimiter, with a warning.
     */
    @Test
    void aCodeBlockMadeByAnIncludeRunsWhatItBringsIn(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("scripts"));
        java.nio.file.Files.writeString(dir.resolve("scripts/setup.sh"), "#!/bin/sh\nmkdir -p work\necho setup-done\n");
        java.nio.file.Files.writeString(dir.resolve("second.sh"), "echo from-second\n");
        Path lesson = dir.resolve("lesson.adoc");
        java.nio.file.Files.writeString(lesson, """
                = Includes

                [source,bash]
                ----
                include::scripts/setup.sh[]
                ----

                [source,bash]
                ----
                echo before
                include::second.sh[]
                ----

                [source,bash]
                ----
                include::scripts/setup.sh[lines=3]
                ----
                """);

        Lesson read = LessonFiles.read(lesson);

        Path setup = dir.resolve("scripts/setup.sh");
        assertThat(dev.docproof.plan.Planner.plan(read).steps()).extracting(s -> s.span().file(), s -> s.span().line(),
                s -> s.span().includedFrom() == null ? null : s.span().includedFrom().line(), Step::command)
                .containsExactly(
                        tuple(setup, 2, 5, "mkdir -p work"),
                        tuple(setup, 3, 5, "echo setup-done"),
                        tuple(lesson, 10, null, "echo before"),
                        tuple(lesson, 11, null, "echo from-second"),
                        tuple(setup, 3, 16, "echo setup-done"));
        assertThat(read.diagnostics()).extracting(d -> d.span().line()).containsExactly(9); // at the mixed block's delimiter
    }

    /**
     * An AsciiDoc file an include brings in (a partial, as Antora courses share prerequisites) keeps its own file and
     * lines, and where the include stands: its sections are titled as written there, its steps and markers stand at
     * their lines in it, and the lesson's blocks after it at theirs.
     */
    @Test
    void theBlocksOfAnIncludedAsciiDocFileStandInThatFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("partials"));
        java.nio.file.Files.writeString(dir.resolve("partials/prereq.adoc"), """
                == Prerequisites

                // docproof: skip needs a Mac
                [source,console]
                ----
                $ brew --version
                ----
                """);
        Path lesson = dir.resolve("main.adoc");
        java.nio.file.Files.writeString(lesson, """
                = Main
                :partials: partials

                [source,console]
                ----
                $ echo before
                ----

                include::{partials}/prereq.adoc[]

                == After

                [source,console]
                ----
                $ echo after
                ----
                """);

        Lesson read = LessonFiles.read(lesson);

        Path partial = dir.resolve("partials/prereq.adoc");
        Node.Section top = (Node.Section) read.nodes().get(0);
        assertThat(top.children()).filteredOn(n -> n instanceof Node.Section)
                .extracting(n -> ((Node.Section) n).titleText(), Node::span).containsExactly(
                        tuple("Prerequisites", new SourceSpan(partial, 1, 1, new SourceSpan(lesson, 9, 1))),
                        tuple("After", new SourceSpan(lesson, 11, 1)));
        assertThat(Planner.plan(read).steps()).extracting(s -> s.span().file(), Step::line,
                s -> s.span().includedFrom() == null ? null : s.span().includedFrom().line(), Step::command,
                s -> s.marks().skip() == null ? "" : s.marks().skip()).containsExactly(
                        tuple(lesson, 6, null, "echo before", ""),
                        tuple(partial, 6, 9, "brew --version", "needs a Mac"),
                        tuple(lesson, 15, null, "echo after", ""));
        assertThat(read.diagnostics()).isEmpty();
    }

    /**
     * A block that asks for attribute references to be replaced ({@code subs="attributes+"}) runs, and shows, what
     * a learner sees on the page, with the value where the block stands; without that, the braces stay as written.
     */
    @Test
    void aBlockWithAttributeSubstitutionRunsTheValuesTheLearnerSees() {
        Lesson read = new AsciiDocReader().read(Path.of("attributes.adoc"), """
                = Volumes
                :vol: data
                :image-name: launchcodedevops/simple-http

                [source,bash,subs="attributes+"]
                ----
                docker run -d \\
                  -v {vol}:/srv {image-name}
                ----

                [source,console]
                ----
                $ echo '{vol}'
                {vol}
                ----

                :vol: other

                [source,console,subs="+attributes"]
                ----
                $ echo {vol} \\{vol} {Image-Name} {undefined} <1>
                other \\{vol} launchcodedevops/simple-http {undefined}
                ----
                <1> the values
                """);

        assertThat(Planner.plan(read).steps()).extracting(Step::line, Step::command, s -> s.sample().lines())
                .containsExactly(
                        tuple(7, "docker run -d \\\n  -v data:/srv launchcodedevops/simple-http", List.of()),
                        tuple(13, "echo '{vol}'", List.of("{vol}")),
                        tuple(21, "echo other {vol} launchcodedevops/simple-http {undefined}",
                                List.of("other {vol} launchcodedevops/simple-http {undefined}")));
        assertThat(read.diagnostics()).isEmpty();
    }
}
