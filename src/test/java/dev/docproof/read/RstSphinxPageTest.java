package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A Sphinx-flavoured course page: directives docutils lacks are recorded, never dropped. */
class RstSphinxPageTest {

    private static final Path PAGE = Path.of("src/test/resources/rst/sphinx/chapter/course-page.rst");

    private static Lesson read() throws Exception {
        return new RstReader().read(PAGE, Files.readString(PAGE));
    }

    @Test
    void titleComesFromTheOverlinedFirstSection() throws Exception {
        Lesson lesson = read();
        assertThat(lesson.title()).isEqualTo("Persisting Data (Intro)");
        Node.Section first = RstNodes.all(lesson.nodes(), Node.Section.class).get(0);
        assertThat(first.span().line()).isEqualTo(9);
        assertThat(first.span().column()).isEqualTo(1);
        assertThat(first.labels()).isEmpty(); // the meta directive stands between label and title
    }

    @Test
    void sphinxCodeBlockKeepsItsOptions() throws Exception {
        Node.CodeBlock block = RstNodes.all(read().nodes(), Node.CodeBlock.class).get(0);
        assertThat(block.language()).isEqualTo("bash");
        assertThat(block.options()).containsExactly(
                java.util.Map.entry("linenos", ""), java.util.Map.entry("caption", "Create a volume"),
                java.util.Map.entry("emphasize-lines", "2"));
        assertThat(block.options().keySet()).containsExactly("linenos", "caption", "emphasize-lines");
        assertThat(block.lines()).containsExactly("$ docker volume create data", "$ docker volume ls");
        assertThat(block.firstLine()).isEqualTo(35);
    }

    @Test
    void everyDirectiveIsKeptAndUnmodelledOnesWarn() throws Exception {
        Lesson lesson = read();
        List<Node.Directive> directives = RstNodes.all(lesson.nodes(), Node.Directive.class);
        assertThat(directives).extracting(d -> d.span().line() + " " + d.name()).containsExactly(
                "5 meta", "12 toctree", "19 contents", "25 replace", "51 raw");
        Node.Directive toctree = directives.get(1);
        assertThat(toctree.options()).containsEntry("maxdepth", "1").containsEntry("caption", "In this chapter");
        assertThat(toctree.content()).containsExactly("volumes/bind-mounts", "volumes/named");
        assertThat(directives.get(3).options()).containsEntry("substitution", "release");
        assertThat(RstNodes.all(lesson.nodes(), Node.Admonition.class)).extracting(Node.Admonition::kind)
                .containsExactly("seealso");
        Path footer = Path.of("src/test/resources/rst/sphinx/shared/footer.rst");
        assertThat(lesson.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                footer + ":1:19: warning: Substitution |product| is not defined; shown as written (define it with"
                        + " \".. |product| replace:: text\")");
        assertThat(lesson.diagnostics().get(0).span().includedFrom()).isEqualTo(new SourceSpan(PAGE, 55, 1));
    }

    @Test
    void includesAreReadInPlaceFromTheCourseFolder() throws Exception {
        Lesson lesson = read();
        Node.CodeBlock compose = RstNodes.all(lesson.nodes(), Node.CodeBlock.class).get(1);
        Path file = Path.of("src/test/resources/rst/sphinx/examples/compose.yml");
        assertThat(compose.language()).isEqualTo("yaml");
        assertThat(compose.span()).isEqualTo(new SourceSpan(file, 1, 1, new SourceSpan(PAGE, 38, 1)));
        assertThat(compose.lines()).first().isEqualTo("services:");
        assertThat(compose.lines()).hasSize(7);
        List<Node.Paragraph> paragraphs = RstNodes.all(lesson.nodes(), Node.Paragraph.class);
        Node.Paragraph footer = paragraphs.get(paragraphs.size() - 1);
        assertThat(footer.span().file()).isEqualTo(Path.of("src/test/resources/rst/sphinx/shared/footer.rst"));
        assertThat(footer.span().included()).isTrue();
        assertThat(InlineText.plain(footer.content())).isEqualTo("Keep your data in |product| volumes.");
    }

    @Test
    void rolesAndSubstitutionsInTheIntroduction() throws Exception {
        Node.Paragraph intro = RstNodes.all(read().nodes(), Node.Paragraph.class).get(0);
        assertThat(intro.content()).contains(new Inline.Text("20.10"), new Inline.Emphasis("volumes"),
                new Inline.CrossRef("doc", "/networking", null),
                new Inline.CrossRef("ref", "docker-networking", "the networking lesson"), new Inline.Role("kbd", "Ctrl-C"));
        assertThat(intro.content()).doesNotHaveAnyElementsOfTypes(Inline.Substitution.class);
    }

    @Test
    void fileWideFieldsAreMetadataNotPageContent() throws Exception {
        Lesson lesson = read();
        assertThat(lesson.metadata()).containsExactly(java.util.Map.entry("orphan", ""));
        assertThat(RstNodes.all(lesson.nodes(), Node.Field.class)).isEmpty();
    }

    @Test
    void figureAndCaption() throws Exception {
        Lesson lesson = read();
        Node.Image figure = RstNodes.all(lesson.nodes(), Node.Image.class).get(0);
        assertThat(figure.figure()).isTrue();
        assertThat(figure.uri()).isEqualTo("images/volumes.png");
        assertThat(figure.options()).containsEntry("alt", "Volumes and bind mounts").containsEntry("width", "80%");
        assertThat(RstNodes.print(figure.caption())).isEqualTo("Paragraph@45:4 Where each kind of mount lives.\n");
    }
}
