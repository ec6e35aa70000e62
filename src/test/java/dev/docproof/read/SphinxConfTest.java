package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** conf.py's rst_prolog, rst_epilog, version and release stand for every page, as Sphinx applies them. */
class SphinxConfTest {

    @TempDir
    Path course;

    private Lesson page(String conf, String text) throws Exception {
        Files.writeString(course.resolve("conf.py"), conf);
        Path sub = Files.createDirectories(course.resolve("week1"));
        Path page = sub.resolve("day1.rst");
        Files.writeString(page, text);
        return new RstReader().read(page, text);
    }

    private static String paragraphs(Lesson lesson) {
        return String.join("\n", RstNodes.all(lesson.nodes(), Node.Paragraph.class).stream()
                .map(p -> InlineText.plain(p.content())).toList());
    }

    @Test
    void substitutionsOfThePrologAndEpilogAndTheVersionStandForEveryPage() throws Exception {
        Lesson lesson = page("""
                project = 'Course'
                version = '2.1'
                release = "2.1.0"  # the full version
                rst_prolog = \"\"\"
                .. |product| replace:: **Docker Engine**
                \"\"\"
                rst_epilog = r'''
                .. |tool| replace:: docproof
                '''
                """, """
                Day 1
                =====

                Install |product| |version| (release |release|) and run |tool|.
                """);
        assertThat(paragraphs(lesson)).isEqualTo("Install Docker Engine 2.1 (release 2.1.0) and run docproof.");
        assertThat(lesson.diagnostics()).isEmpty();
    }

    @Test
    void thePagesOwnDefinitionWinsOverTheProlog() throws Exception {
        Lesson lesson = page("rst_prolog = '.. |product| replace:: from conf.py'\n", """
                .. |product| replace:: from the page

                Uses |product|.
                """);
        assertThat(paragraphs(lesson)).isEqualTo("Uses from the page.");
    }

    @Test
    void aComputedValueIsNeverRunAndAPageMissingItSaysWhereItStandsInConfPy() throws Exception {
        Lesson lesson = page("""
                import datetime
                version = '1.0'
                release = version + '.3'
                """, "Release |release| and version |version|.\n");
        assertThat(paragraphs(lesson)).isEqualTo("Release |release| and version 1.0.");
        assertThat(lesson.diagnostics()).extracting(Diagnostic::message).anySatisfy(m ->
                assertThat(m).startsWith("release is not a plain string literal"));
        Diagnostic where = lesson.diagnostics().stream().filter(d -> d.message().startsWith("release is")).findFirst().orElseThrow();
        assertThat(where.span().file().getFileName()).hasToString("conf.py");
        assertThat(where.span().line()).isEqualTo(3);
        assertThat(lesson.diagnostics()).extracting(Diagnostic::message).anySatisfy(m ->
                assertThat(m).startsWith("Substitution |release| is set by Sphinx from conf.py's release, which has no plain string"));
    }

    @Test
    void aPageOutsideASphinxProjectIsReadAsBefore() throws Exception {
        Path page = course.resolve("lesson.rst");
        Lesson lesson = new RstReader().read(page, "Plain |undefined| text.\n");
        assertThat(paragraphs(lesson)).isEqualTo("Plain |undefined| text.");
        assertThat(lesson.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("Substitution |undefined| is not defined; shown as written (define it with \".. |undefined| replace:: text\")");
    }

    @Test
    void pythonLiteralsAsConfPyWritesThem() {
        assertThat(SphinxConf.literal("'a\\'b'", 0)).isEqualTo("a'b");
        assertThat(SphinxConf.literal("r'a\\nb'", 0)).isEqualTo("a\\nb");
        assertThat(SphinxConf.literal("('one '\n    \"two\")", 0)).isEqualTo("one two");
        assertThat(SphinxConf.literal("'1.%d' % minor", 0)).isNull();
        assertThat(SphinxConf.literal("get_version()", 0)).isNull();
        assertThat(List.of(SphinxConf.literal("\"\"\"x\ny\"\"\" # note", 0))).containsExactly("x\ny");
    }
}
