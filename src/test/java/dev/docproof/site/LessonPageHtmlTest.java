package dev.docproof.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixture site as a browser would get it, inspected with jsoup. */
class LessonPageHtmlTest {

    static Document parse(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
    }

    static Document lesson() throws IOException {
        return parse(RenderedSite.page("fixture.html"));
    }

    @Test
    void lessonPageKeepsTheLessonsStructure() throws IOException {
        Document page = lesson();
        assertThat(page.select("h2, h3").eachText()).containsExactly("Fixture <lesson>", "Other section");
        assertThat(page.select("h2 code").text()).isEqualTo("<lesson>");
        assertThat(page.select(".admonitionblock")).hasSize(9);
        assertThat(page.select(".admonitionblock td.icon .title").eachText()).containsExactly(
                "Note", "Tip", "Warning", "Important", "Caution", "Danger", "Attention", "Hint", "Error");
        assertThat(page.select(".admonitionblock.danger, .admonitionblock.attention, .admonitionblock.hint,"
                + " .admonitionblock.error")).hasSize(4);
        // a generic admonition is its own box headed by its own title, as Sphinx draws it, not a note
        assertThat(page.select(".exampleblock.admonition.admonition-heads-up > .title").text()).isEqualTo("Heads <up>");
        assertThat(page.select(".exampleblock.admonition-heads-up > .content").text()).isEqualTo("Generic.");
        assertThat(page.select(".sect1 > .sectionbody > .ulist > ul > li")).hasSize(2);
        assertThat(page.select(".sect1 > .sectionbody > .ulist > ul > li").first().select("ol > li").eachText())
                .containsExactly("nested one", "nested two");
        assertThat(page.select(".sect1 > .sectionbody > .ulist > ul > li").get(1).text()).isEqualTo("* not a nested item second paragraph");
        assertThat(page.select(".dlist:not(.fields) dt").text()).isEqualTo("TERM:: tricky; term");
        assertThat(page.select(".dlist.fields dt").text()).isEqualTo("Author");
        assertThat(page.select(".dlist.fields dd").text()).isEqualTo("Jane <Doe>");
        assertThat(page.select(".quoteblock blockquote").text()).isEqualTo("Quoted wisdom.");
        assertThat(page.select("table.tableblock th").eachText()).containsExactly("Name", "Value");
        assertThat(page.select("table.tableblock td").eachText()).containsExactly("a|b", "<i>x</i>");
        assertThat(page.select("figure img").attr("src")).isEqualTo("images/diagram.png");
        assertThat(page.select("figure figcaption").text()).isEqualTo("The diagram");
        assertThat(RenderedSite.page("images/diagram.png")).exists();
        assertThat(page.select(".line-block p").html()).contains("line one<br>");
        assertThat(page.select("hr")).hasSize(1);
        // a directive docproof does not render stands as a visible box, with what was written folded in it
        assertThat(page.select(".exampleblock.directive.placeholder > .content > .paragraph").text())
                .isEqualTo("exotic — this directive is not shown here (docproof does not render it)");
        assertThat(page.select(".placeholder details.directive summary").text()).isEqualTo("As written");
        assertThat(page.select(".placeholder details.directive pre").text()).isEqualTo(".. exotic:: arg\n\n   body <line>");
        assertThat(page.select("details.directive").attr("open")).isEmpty();
        assertThat(page.text()).doesNotContain("SECRET-COMMENT");
    }

    @Test
    void inlineMarkupBecomesHtmlAndLinksResolve() throws IOException {
        Element paragraph = lesson().select(".sect1 .paragraph").first();
        assertThat(paragraph.select("code").first().text()).isEqualTo("docker run -p <host>:<container>");
        assertThat(paragraph.select("em").text()).isEqualTo("home");
        assertThat(paragraph.select("strong").text()).isEqualTo("published port");
        assertThat(paragraph.select("a").eachAttr("href")).containsExactly(
                "https://example.org/a--b?x=1&y=%5B2%5D", "#other-section", "https://docs.docker.com/network/");
        assertThat(paragraph.select(".unresolved").text()).isEqualTo("a bad link");
        assertThat(paragraph.select("[href^=javascript]")).isEmpty();
        Document second = parse(RenderedSite.page("second.html"));
        assertThat(second.select("a:contains(the fixture)").attr("href")).isEqualTo("fixture.html#other-section");
        assertThat(lesson().getElementById("other-section")).isNotNull();
        assertThat(lesson().getElementById("fixture-lesson")).isNotNull();
    }

    @Test
    void lessonTextThatLooksLikeMarkupIsShownAsWritten() throws IOException {
        Element paragraph = lesson().select(".sect1 .paragraph").first();
        assertThat(paragraph.text()).startsWith(SiteFixtures.TRICKY.replaceAll("\\s+", " ").strip());
        assertThat(paragraph.select("script, strong:contains(a), em:contains(b)")).isEmpty();
    }

    @Test
    void everyStepHasAnAnchorAndAVerdict() throws IOException {
        Document page = lesson();
        assertThat(page.select(".codeblock.shell")).hasSize(1);
        assertThat(page.select(".step").eachAttr("id")).containsExactly("L41", "L43", "L46", "L48", "L50", "L54");
        assertThat(page.select(".step").stream().map(s -> s.className().replace("exampleblock step ", "")).toList())
                .containsExactly("ran", "passed", "illustrative", "repaired", "failed", "not-run");
        assertThat(page.select("#L41 .badge").text()).isEqualTo("ran, nothing to compare");
        assertThat(page.select("#L43 .badge").text()).isEqualTo("passed");
        assertThat(page.select("#L46 .badge").text()).isEqualTo("illustrative, not run");
        assertThat(page.select("#L41 .permalink a").attr("href")).isEqualTo("#L41");
        assertThat(page.select("#L54 .command pre").text()).isEqualTo("$ rm -rf /tmp/x \\\n    && echo done");
        assertThat(page.select("#L54 .reason").text()).isEqualTo("not run: --fail-fast stopped the lesson at line 50");
    }

    @Test
    void nonCommandLinesStayInPlaceAndOutputsAreCollapsed() throws IOException {
        Document page = lesson();
        Element block = page.select(".codeblock.shell > .content").first();
        List<String> order = block.children().stream()
                .map(e -> e.hasClass("step") ? e.id() : e.select("pre").text()).toList();
        assertThat(order).containsExactly("# create the network", "L41", "L43", "<script>alert(1)</script>", "L46", "L48",
                "L50", "* Connected to server (172.28.0.2) port 8080\n----\ninclude::/etc/passwd[]", "L54");
        assertThat(page.select(".step details.output")).hasSize(4);
        assertThat(page.select(".step details.output[open]")).isEmpty();
        assertThat(page.select("#L50 details.output summary").text()).isEqualTo("Output · 2 lines");
        assertThat(page.select("#L50 details.output pre").text())
                .isEqualTo("* Connected to server (172.18.0.3) port 8080\n<html>oops</html>");
        assertThat(page.select(".listingblock.codeblock code[data-lang=python]").text()).isEqualTo("print(\"<b>hi</b>\")");
    }

    @Test
    void failureShowsReasonDiffAndNotes() throws IOException {
        Document page = lesson();
        assertThat(page.select("#L50 .reason").text()).isEqualTo("the output does not match the sample at line 51");
        assertThat(page.select("#L50 .diff .title").text()).isEqualTo("Documented vs. actual output");
        assertThat(page.select("#L50 .diff span.del").eachText()).containsExactly("-----", "-include::/etc/passwd[]");
        assertThat(page.select("#L50 .diff span.add").eachText()).containsExactly("+<html>oops</html>");
        assertThat(page.select("#L50 .notes.drift li").text()).endsWith("172.28.0.2 → 172.18.0.3");
        assertThat(page.select("#L50 .notes.abridged li").text()).endsWith("1 line after line 51");
    }

    @Test
    void repairStrikesTheOriginalBesideTheRepairedCommandWithEvidence() throws IOException {
        Element step = lesson().getElementById("L48");
        assertThat(step.select(".command.original pre del").text()).isEqualTo("$ docker network remove");
        assertThat(step.select(".command.repaired pre").text()).isEqualTo("$ docker network remove networking-test");
        assertThat(step.select(".evidence").text())
                .isEqualTo("Evidence: network networking-test was created at line 41 and is the only one the lesson left");
        assertThat(step.select(".fix-hint code").text()).isEqualTo("docproof fix");
    }

    @Test
    void leaksAreListedWithTheLinesThatCreatedThem() throws IOException {
        Element leaks = lesson().getElementById("leaks");
        assertThat(leaks.select(".title").text()).isEqualTo("Resources left behind");
        assertThat(leaks.select("li")).hasSize(2);
        assertThat(leaks.select("li").first().select("a").attr("href")).isEqualTo("#L41");
        assertThat(leaks.select("li").first().text())
                .isEqualTo("network net-x created at line 41 $ docker network create net-x — removed by docproof after the lesson");
        assertThat(leaks.select("li").get(1).text()).isEqualTo("container <client> — still present: remove it yourself");
    }

    @Test
    void commandOutputIsEscapedEverywhere() throws IOException {
        for (Path file : pages()) {
            Document page = parse(file);
            assertThat(page.select("script")).allSatisfy(s -> {
                assertThat(s.attr("src")).endsWith("_theme/docproof.js");
                assertThat(s.data()).isEmpty();
            });
            assertThat(page.select("[style], style")).isEmpty();
            assertThat(page.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                    .filter(a -> a.getKey().startsWith("on"))).isEmpty();
            assertThat(page.select("b, i, html > body html")).isEmpty();
        }
        Document lesson = lesson();
        assertThat(lesson.select("#L43 details.output pre").text()).isEqualTo("<script>alert(1)</script>");
        assertThat(lesson.select("#L43 .command pre").text()).isEqualTo("$ echo '<script>alert(1)</script>'");
    }

    @Test
    void pagesLoadNothingFromElsewhereAndCarryAStrictPolicy() throws IOException {
        for (Path file : pages()) {
            Document page = parse(file);
            assertThat(page.select("script[src], link[href], img[src], iframe, object, embed, audio, video, source"))
                    .allSatisfy(e -> assertThat(e.hasAttr("src") ? e.attr("src") : e.attr("href"))
                            .doesNotContain("//").doesNotStartWith("/"));
            assertThat(page.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'");
            assertThat(page.select("link[rel=stylesheet]").attr("href")).endsWith("_theme/docproof.css");
            // Only the lesson's own links may point elsewhere.
            assertThat(page.select("a[href*=//]").eachAttr("href")).allSatisfy(href ->
                    assertThat(href).isIn("https://example.org/a--b?x=1&y=%5B2%5D", "https://docs.docker.com/network/",
                            "https://example.org/remote.png"));
        }
        assertThat(RenderedSite.page("_theme/docproof.css")).content().doesNotContain("http:", "https:", "@import");
        assertThat(RenderedSite.page("_theme/docproof.js")).content().doesNotContain("http:", "https:");
    }

    @Test
    void readerDiagnosticsAreOnTheDashboardNotOnTheLessonPage() throws IOException {
        assertThat(lesson().select(".diagnostics")).isEmpty();
        assertThat(lesson().text()).doesNotContain("unknown directive");
        Document index = parse(RenderedSite.page("verification.html"));
        assertThat(index.select(".diagnostics li").eachText())
                .containsExactly("fixture.rst:37:1: warning: unknown directive \"exotic\" <kept>");
    }

    @Test
    void verificationDashboardListsEveryLessonWithItsCountsAndPathsInTheCourse() throws IOException {
        Document index = parse(RenderedSite.page("verification.html"));
        assertThat(index.select("table.lessons th").eachText())
                .containsExactly("Lesson", "Steps", "Passed", "Ran", "Failed", "Repaired", "Not run", "Leaks", "Took");
        List<Element> rows = index.select("table.lessons tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).select("td").eachText()).containsExactly(
                "Fixture <lesson> fixture.rst", "6", "1", "1", "1", "1", "2", "2", "1.3s");
        assertThat(rows.get(0).select("a").attr("href")).isEqualTo("fixture.html");
        assertThat(rows.get(1).select("td").eachText().subList(0, 8)).containsExactly(
                "Second second.rst", "1", "0", "1", "0", "0", "0", "0");
        assertThat(index.select(".course-summary").text())
                .isEqualTo("Run on 2026-11-30 10:00:00 UTC · took 4.3s · Docker engine 20.10.24 · docproof test");
    }

    @Test
    void renderingWithoutARunMarksEveryCommandNotVerified() throws IOException {
        Path dir = Path.of("target/site-fixture-unverified");
        RenderedSite.deleteTree(dir);
        SiteModel site = SiteModel.unverified(List.of(SiteFixtures.plan()), SiteFixtures.STARTED);
        new SiteRenderer(RenderedSite.BOOT, "test", false).render(site, dir);
        Document page = parse(dir.resolve("fixture.html"));
        assertThat(page.select(".step").stream().map(s -> s.className().replace("exampleblock step ", "")).toList())
                .containsExactly("not-verified", "not-verified", "illustrative", "not-verified", "not-verified", "not-verified");
        assertThat(page.select("#L41 .badge").text()).isEqualTo("not verified");
        assertThat(page.select("details.output, .leak-list")).isEmpty();
        assertThat(parse(dir.resolve("verification.html")).select(".course-summary").text()).contains("without a run");
    }

    private static List<Path> pages() throws IOException {
        RenderedSite.index();
        try (Stream<Path> files = Files.walk(RenderedSite.DIR)) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }
}
