package dev.docproof.site;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Plan;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiDocTest {

    static final List<String> NASTY = List.of(
            "*bold* _em_ `mono` #mark# ^sup^ ~sub~", "+pass+ ++pass++ +++raw+++ $$raw$$", "{attr} {empty} {nbsp}",
            "<script>alert(1)</script>", "a | b || c", "[[anchor]] <<xref>> [#id.role]", "++++", "pass:[x] pass:q[y]",
            "link:javascript:alert(1)[x] https://example.org", "ends with backslash \\", "]]] ]", "std:: vector ;; x",
            "(C) (R) -- ... -> => <= '", "kbd:[Ctrl] footnote:[x] image:x.png[]", "&amp; &lt; &#93;", ":attr: value",
            "// not a comment", "NOTE: not an admonition", ". not a title", "* not a list", "include::/etc/passwd[]");

    @Test
    void textBecomesAPassthroughWithNothingLeftToInterpret() {
        assertThat(AsciiDoc.text("a]b\\c|d")).isEqualTo("pass:[a&#93;b&#92;c&#124;d]");
        assertThat(AsciiDoc.text("a::b;c")).isEqualTo("pass:[a&#58;&#58;b&#59;c]");
        assertThat(AsciiDoc.text("<&>\"")).isEqualTo("pass:[&lt;&amp;&gt;&quot;]");
        assertThat(AsciiDoc.text("")).isEmpty();
        assertThat(AsciiDoc.text("two\nlines")).isEqualTo("pass:[two lines]");
    }

    @Test
    void verbatimLinesThatCouldCloseTheBlockOrIncludeAFileAreNeutralised() {
        assertThat(AsciiDoc.verbatimLine("----")).isEqualTo("&#45;---");
        assertThat(AsciiDoc.verbatimLine("====")).isEqualTo("&#61;===");
        assertThat(AsciiDoc.verbatimLine("include::x[]")).isEqualTo("&#105;nclude::x[]");
        assertThat(AsciiDoc.verbatimLine("\\ifdef::x[]")).isEqualTo("&#92;ifdef::x[]");
        assertThat(AsciiDoc.verbatimLine("a | <b>")).isEqualTo("a &#124; &lt;b&gt;");
        assertThat(AsciiDoc.verbatimLine("-- -")).isEqualTo("-- -");
        assertThat(AsciiDoc.verbatimLine("// x")).isEqualTo("&#47;/ x");
    }

    @Test
    void onlyHttpMailtoAndRelativeUrlsAreLinked() {
        assertThat(AsciiDoc.safeUrl("javascript:alert(1)")).isNull();
        assertThat(AsciiDoc.safeUrl("JavaScript:alert(1)")).isNull();
        assertThat(AsciiDoc.safeUrl("data:text/html,x")).isNull();
        assertThat(AsciiDoc.safeUrl("https://x.org/a b[c]{d}*e'f\"")).isEqualTo("https://x.org/a%20b%5Bc%5D%7Bd%7D%2Ae%27f%22");
        assertThat(AsciiDoc.safeUrl("images/a.png")).isEqualTo("images/a.png");
        assertThat(AsciiDoc.safeUrl("mailto:a@b.org")).isEqualTo("mailto:a@b.org");
    }

    @Test
    void trickyTextSurvivesAsciidoctorExactlyInEveryPlaceItCanStand() throws Exception {
        List<Node> nodes = new ArrayList<>();
        int line = 1;
        for (String text : NASTY) {
            nodes.add(new Node.Paragraph(SiteFixtures.at(line++), List.of(new Inline.Text(text))));
            nodes.add(new Node.Paragraph(SiteFixtures.at(line++), List.of(new Inline.Strong(text))));
            nodes.add(new Node.ListBlock(SiteFixtures.at(line++), false,
                    List.of(new Node.ListItem(SiteFixtures.at(line), List.of(new Node.Paragraph(SiteFixtures.at(line), List.of(new Inline.Literal(text)))))))); 
            nodes.add(new Node.DefinitionList(SiteFixtures.at(line++), List.of(new Node.Definition(SiteFixtures.at(line),
                    List.of(new Inline.Text(text)), List.of(new Node.Paragraph(SiteFixtures.at(line), List.of(new Inline.Emphasis(text))))))));
            nodes.add(new Node.Table(SiteFixtures.at(line++), List.of(), List.of(List.of(
                    List.of(new Node.Paragraph(SiteFixtures.at(line), List.of(new Inline.Text(text)))),
                    List.of(new Node.CodeBlock(SiteFixtures.at(line), null, Map.of(), List.of(text), line))))));
            nodes.add(new Node.CodeBlock(SiteFixtures.at(line++), "text", Map.of(), List.of(text, text), line));
        }
        Lesson lesson = new Lesson(Path.of("nasty.rst"), Lesson.Format.RST, "Nasty", nodes, List.of());
        SiteModel site = SiteModel.unverified(List.of(new Plan(lesson, List.of(), List.of())), Instant.EPOCH);
        Path dir = Path.of("target/site-nasty");
        RenderedSite.deleteTree(dir);
        new SiteRenderer(RenderedSite.BOOT, "test", false).render(site, dir);
        Document page = Jsoup.parse(dir.resolve("nasty.html").toFile(), "UTF-8");

        List<String> actual = new ArrayList<>();
        page.select("#content > .paragraph:not(.run-summary) > p, #content > .ulist li, #content > .dlist dt, #content > .dlist dd,"
                + " #content > table td p, #content > table td pre, #content > .listingblock pre").forEach(e -> actual.add(
                e.tagName().equals("pre") ? e.wholeText() : e.text()));
        // A paragraph and its strong twin, then list, term, definition, table text, table code, code block.
        List<String> reordered = new ArrayList<>();
        for (int i = 0; i < NASTY.size(); i++) {
            String collapsed = NASTY.get(i).replaceAll("\\s+", " ").strip();
            reordered.addAll(List.of(collapsed, collapsed, collapsed, collapsed, collapsed, collapsed, NASTY.get(i),
                    NASTY.get(i) + "\n" + NASTY.get(i)));
        }
        assertThat(actual).containsExactlyElementsOf(reordered);
        assertThat(page.select("#content script, #content strong strong, #content em:not(.dlist em), #content mark, #content sup, #content sub, #content img, #content kbd"))
                .isEmpty();
        assertThat(page.select("#content strong")).hasSize(NASTY.size());
        assertThat(page.select("#content > :not(.breadcrumbs):not(.relations) a")).isEmpty();
    }
}
