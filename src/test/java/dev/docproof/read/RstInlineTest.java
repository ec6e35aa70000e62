package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RstInlineTest {

    private static List<Inline> inlines(String text) {
        Lesson lesson = RstNodes.read(text);
        return ((Node.Paragraph) lesson.nodes().get(0)).content();
    }

    private static String shown(String text) {
        return RstNodes.inlines(inlines(text));
    }

    @Test
    void literalEmphasisAndStrong() {
        assertThat(inlines("Use ``docker ps`` *now* and **always**.")).containsExactly(
                new Inline.Text("Use "), new Inline.Literal("docker ps"), new Inline.Text(" "),
                new Inline.Emphasis("now"), new Inline.Text(" and "), new Inline.Strong("always"), new Inline.Text("."));
    }

    @Test
    void literalKeepsBackslashesAndMarkupCharacters() {
        assertThat(inlines("``a\\b *c*``")).containsExactly(new Inline.Literal("a\\b *c*"));
    }

    @Test
    void markupNeedsWordBoundaries() {
        assertThat(shown("2*3*4 and snake_case_name and a*b")).isEqualTo("2*3*4 and snake_case_name and a*b");
        assertThat(shown("a quoted \"*\" star and (*) too")).isEqualTo("a quoted \"*\" star and (*) too");
    }

    @Test
    void embeddedUrlReferenceIsALinkWithUrl() {
        assertThat(inlines("`Docker docs <https://docs.docker.com/>`_"))
                .containsExactly(new Inline.Link("Docker docs", "https://docs.docker.com/", null));
    }

    @Test
    void namedReferencesCarryANormalisedRefName() {
        assertThat(inlines("`Some  Title`_ and word_ here")).containsExactly(
                new Inline.Link("Some  Title", null, "some title"), new Inline.Text(" and "),
                new Inline.Link("word", null, "word"), new Inline.Text(" here"));
        assertThat(inlines("`text <other-target_>`_"))
                .containsExactly(new Inline.Link("text", null, "other-target"));
    }

    @Test
    void anonymousReferencesTakeAnonymousTargetsInOrder() {
        Lesson lesson = RstNodes.read("`one`__ and `two <https://two.example>`__ and `three`__\n\n"
                + "__ https://one.example\n\n.. __: https://three.example\n");
        assertThat(((Node.Paragraph) lesson.nodes().get(0)).content()).containsExactly(
                new Inline.Link("one", "https://one.example", null), new Inline.Text(" and "),
                new Inline.Link("two", "https://two.example", null), new Inline.Text(" and "),
                new Inline.Link("three", "https://three.example", null));
        assertThat(lesson.diagnostics()).isEmpty();
    }

    @Test
    void anonymousReferencesWithoutEnoughTargetsWarn() {
        Lesson lesson = RstNodes.read("`one`__ and `two`__\n\n__ https://one.example\n");
        assertThat(RstNodes.inlines(((Node.Paragraph) lesson.nodes().get(0)).content()))
                .isEqualTo("link(one|https://one.example|null) and link(two|null|null)");
        assertThat(lesson.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "Anonymous hyperlink mismatch: 2 anonymous references but 1 anonymous targets"
                        + " (each `text`__ needs one \"__ url\")");
    }

    @Test
    void refDocDownloadAndTermRolesAreCrossReferencesWithTheirExplicitTitle() {
        assertThat(inlines(":ref:`docker-networking` and :ref:`the lesson <docker-networking>` and :doc:`/intro`"))
                .containsExactly(new Inline.CrossRef("ref", "docker-networking", null), new Inline.Text(" and "),
                        new Inline.CrossRef("ref", "docker-networking", "the lesson"), new Inline.Text(" and "),
                        new Inline.CrossRef("doc", "/intro", null));
        assertThat(inlines(":download:`the script <files/run.sh>` :term:`image`")).containsExactly(
                new Inline.CrossRef("download", "files/run.sh", "the script"), new Inline.Text(" "),
                new Inline.CrossRef("term", "image", null));
    }

    @Test
    void otherRolesAndDefaultInterpretedTextAreRoles() {
        assertThat(inlines(":kbd:`Ctrl-C` `title` :code:`x = 1` `suffixed`:sub:")).containsExactly(
                new Inline.Role("kbd", "Ctrl-C"), new Inline.Text(" "), new Inline.Role("title-reference", "title"),
                new Inline.Text(" "), new Inline.Role("code", "x = 1"), new Inline.Text(" "), new Inline.Role("sub", "suffixed"));
        assertThat(inlines(":emphasis:`e` :strong:`s` :literal:`l`")).containsExactly(new Inline.Emphasis("e"),
                new Inline.Text(" "), new Inline.Strong("s"), new Inline.Text(" "), new Inline.Literal("l"));
    }

    @Test
    void substitutionReferences() {
        assertThat(inlines("Version |version| and |logo|_.")).containsExactly(new Inline.Text("Version "),
                new Inline.Substitution("version"), new Inline.Text(" and "), new Inline.Substitution("logo"),
                new Inline.Text("."));
    }

    @Test
    void backslashEscapesSuppressMarkup() {
        assertThat(inlines("\\*not emphasis\\* and \\`not\\` and a\\ b")).containsExactly(
                new Inline.Text("*not emphasis* and `not` and ab"));
    }

    @Test
    void standaloneUrisBecomeLinks() {
        assertThat(inlines("See https://example.com/a_b. Done")).containsExactly(new Inline.Text("See "),
                new Inline.Link("https://example.com/a_b", "https://example.com/a_b", null), new Inline.Text(". Done"));
    }

    @Test
    void footnoteAndCitationReferences() {
        assertThat(shown("Text [1]_ and [CIT2002]_.")).isEqualTo("Text fn(1) and fn(CIT2002).");
    }

    @Test
    void markupSpansLinesOfOneParagraph() {
        assertThat(inlines("a **strong\nacross** b")).containsExactly(new Inline.Text("a "),
                new Inline.Strong("strong\nacross"), new Inline.Text(" b"));
    }

    @Test
    void unclosedLiteralWarnsAtItsPositionAndStaysText() {
        Lesson lesson = RstNodes.read("Title\n=====\n\nfirst line\nsecond ``unclosed literal\n\nNext paragraph.\n");
        assertThat(RstNodes.print(lesson.nodes())).isEqualTo("""
                Section@1:1 L1 Title
                  Paragraph@4:1 first line\\nsecond ``unclosed literal
                  Paragraph@7:1 Next paragraph.
                """);
        assertThat(lesson.diagnostics()).extracting(Object::toString).containsExactly(
                "t.rst:5:8: warning: Inline literal start-string without end-string; it is read as text"
                        + " (close it or escape it with a backslash)");
    }

    @Test
    void unclosedEmphasisAndInterpretedTextWarn() {
        Lesson lesson = RstNodes.read("an *open emphasis and `open ref\n");
        assertThat(RstNodes.inlines(((Node.Paragraph) lesson.nodes().get(0)).content()))
                .isEqualTo("an *open emphasis and `open ref");
        assertThat(lesson.diagnostics()).extracting(d -> d.span().line() + ":" + d.span().column())
                .containsExactly("1:4", "1:23");
    }

    @Test
    void everyUnclosedStartStringIsReported() {
        Lesson lesson = RstNodes.read("``a ".repeat(20_000));
        assertThat(lesson.nodes()).hasSize(1);
        assertThat(lesson.diagnostics()).hasSize(20_000)
                .allMatch(d -> d.message().startsWith("Inline literal start-string without end-string"));
        // a mix of every unclosed kind still reads as one paragraph of text
        Lesson mixed = RstNodes.read("*b [c |d `e :r:`f _`g ".repeat(5_000) + "x_ ]_");
        assertThat(RstNodes.all(mixed.nodes(), Node.Paragraph.class)).hasSize(1);
    }
}
