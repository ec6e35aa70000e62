package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real course lesson, read as it is. */
class RstLessonTest {

    private static final Path LESSON = Path.of("content/docker-networking.rst");
    private static Lesson lesson;

    @BeforeAll
    static void read() throws Exception {
        lesson = new RstReader().read(LESSON, Files.readString(LESSON));
    }

    @Test
    void hasSixSectionsWithTitlesAtTheirLines() {
        List<Node.Section> sections = RstNodes.all(lesson.nodes(), Node.Section.class);
        assertThat(sections).extracting(s -> s.span().line() + " L" + s.level() + " " + s.titleText()).containsExactly(
                "3 L1 Networking Between Containers",
                "28 L1 Using the Default Network",
                "72 L1 Using a Custom Network",
                "104 L2 Connecting Containers On a Custom Network",
                "144 L2 Two Containers and a Network",
                "185 L2 Custom Network Example");
        assertThat(sections).allSatisfy(s -> {
            assertThat(s.span().file()).isEqualTo(LESSON);
            assertThat(s.span().column()).isEqualTo(1);
        });
    }

    @Test
    void titleIsTheFirstSectionTitleAndItCarriesTheLabelAboveIt() {
        assertThat(lesson.title()).isEqualTo("Networking Between Containers");
        assertThat(lesson.format()).isEqualTo(Lesson.Format.RST);
        Node.Section first = RstNodes.all(lesson.nodes(), Node.Section.class).get(0);
        assertThat(first.labels()).containsExactly("docker-networking");
    }

    @Test
    void subsectionsNestInsideTheirChapter() {
        Node.Section custom = RstNodes.all(lesson.nodes(), Node.Section.class).get(2);
        assertThat(custom.children()).filteredOn(Node.Section.class::isInstance).hasSize(3);
    }

    @Test
    void hasFourteenAdmonitions() {
        List<Node.Admonition> admonitions = RstNodes.all(lesson.nodes(), Node.Admonition.class);
        assertThat(admonitions).hasSize(14);
        assertThat(admonitions).extracting(Node.Admonition::kind)
                .containsOnly("note", "tip", "warning");
        assertThat(admonitions).filteredOn(a -> a.kind().equals("note")).hasSize(8);
        assertThat(admonitions).filteredOn(a -> a.kind().equals("tip")).hasSize(5);
        assertThat(admonitions).allSatisfy(a -> assertThat(a.children()).isNotEmpty());
        assertThat(admonitions.get(0).span().line()).isEqualTo(10);
    }

    @Test
    void hasThirteenBashCodeBlocks() {
        List<Node.CodeBlock> blocks = RstNodes.all(lesson.nodes(), Node.CodeBlock.class);
        assertThat(blocks).hasSize(13);
        assertThat(blocks).allSatisfy(b -> assertThat(b.language()).isEqualTo("bash"));
        assertThat(blocks).extracting(b -> b.span().line())
                .containsExactly(43, 49, 95, 123, 149, 166, 192, 198, 208, 219, 225, 238, 256);
    }

    @Test
    void networkListPromptStandsAtLine45() {
        Node.CodeBlock first = RstNodes.all(lesson.nodes(), Node.CodeBlock.class).get(0);
        assertThat(first.lines()).containsExactly("$ docker network ls");
        assertThat(first.firstLine()).isEqualTo(45);
        assertThat(first.lineOf(0)).isEqualTo(45);
    }

    @Test
    void codeLinesMapBackToTheirSourceLines() throws Exception {
        List<String> source = Files.readAllLines(LESSON);
        for (Node.CodeBlock block : RstNodes.all(lesson.nodes(), Node.CodeBlock.class)) {
            for (int i = 0; i < block.lines().size(); i++) {
                String line = block.lines().get(i);
                assertThat(source.get(block.lineOf(i) - 1).strip()).isEqualTo(line.strip());
            }
        }
        Node.CodeBlock cleanup = RstNodes.all(lesson.nodes(), Node.CodeBlock.class).get(12);
        assertThat(cleanup.lines()).contains("$ docker network remove");
        assertThat(cleanup.lineOf(cleanup.lines().indexOf("$ docker network remove"))).isEqualTo(262);
    }

    @Test
    void todoAndFollowingDotDotLinesAreComments() {
        List<Node.Comment> comments = RstNodes.all(lesson.nodes(), Node.Comment.class);
        assertThat(comments).extracting(c -> c.span().line()).containsExactly(25, 26);
        assertThat(comments.get(0).text()).startsWith("TODO: link to docker-compose notes");
        assertThat(comments.get(1).text()).startsWith("You will learn more about");
        assertThat(RstNodes.all(lesson.nodes(), Node.Paragraph.class))
                .noneMatch(p -> p.span().line() == 25 || p.span().line() == 26);
    }

    @Test
    void readsWithoutErrorsOrWarnings() {
        assertThat(lesson.diagnostics()).noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        assertThat(lesson.diagnostics()).isEmpty();
        assertThat(lesson.readable()).isTrue();
    }
}
