package dev.docproof.site;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.StepKind;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Outcome;
import dev.docproof.run.Output;
import dev.docproof.run.StepResult;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A page using what Sphinx courses write, read by the reStructuredText reader and rendered as the site does. */
class SphinxConstructsPageTest {

    @TempDir
    static Path course;
    private static Document page;

    @BeforeAll
    static void render() throws IOException {
        page = Jsoup.parse(render(course).toFile(), "UTF-8");
    }

    /** Renders the page into {@code course} (also for the browser's test of the page script); its path. */
    static Path render(Path course) throws IOException {
        return render(course, null);
    }

    /**
     * As {@link #render(Path)}; with {@code failing} given, as after a run in which every command ran and that one
     * failed.
     */
    static Path render(Path course, String failing) throws IOException {
        Files.createDirectories(course.resolve("code"));
        Files.createDirectories(course.resolve("images"));
        Files.writeString(course.resolve("code/app.py"), "def main():\n    print('hi')\n    return 0\n");
        Files.writeString(course.resolve("images/logo.png"), "not really a png");
        Path lesson = course.resolve("page.rst");
        Files.writeString(lesson, """
                :orphan:

                .. _constructs:

                Sphinx page
                ===========

                .. contents:: On this page

                The |product| logo: |logo|.

                .. |product| replace:: **docproof**
                .. |logo| image:: images/logo.png
                   :alt: logo

                .. code-block:: python
                   :caption: Hello <world>
                   :linenos:
                   :emphasize-lines: 2

                   def main():
                       print("hi")

                .. literalinclude:: code/app.py
                   :caption: From a file

                .. admonition:: Warning

                   Careful.

                .. seealso:: The other page.

                .. tabs::

                   .. tab:: Linux

                      .. code-block:: bash

                         echo linux

                   .. tab:: macOS

                      .. code-block:: bash

                         echo mac

                .. prompt:: bash $

                   docker volume create data

                .. prompt:: python >>>

                   print("hi")

                .. versionadded:: 1.4 The ``--rm`` flag.

                .. deprecated:: 1.2

                   Compose v1.

                .. rubric:: Notes

                .. sidebar:: Aside

                   A side note.

                Sources [#where]_, [#]_, [2]_, [*]_ and [Knuth84]_; and [#nowhere]_.

                .. [#where] Where it came from.
                .. [2] Numbered by hand,
                   on two lines.
                .. [#] The next number free.
                .. [*] A symbol.
                .. [Knuth84] A book.

                .. list-table:: Ports
                   :header-rows: 1

                   * - Name
                     - Port
                   * - server
                     - 8080

                0. zero
                1. one

                a. alpha
                b. beta

                .. code-block:: console
                   :linenos:
                   :emphasize-lines: 2,3

                   $ echo one
                   one
                   $ echo two

                .. youtube:: abc123

                Sub one
                -------

                .. contents::
                   :local:
                   :depth: 1

                Deep
                ~~~~

                Deeper
                ^^^^^^

                Sub two
                -------
                """);
        Plan plan = Planner.plan(LessonFiles.read(lesson, course));
        SiteModel site = failing == null ? SiteModel.unverified(List.of(plan), Instant.EPOCH)
                : SiteModel.ofRun(List.of(plan), new CourseResult(List.of(new LessonResult(plan, plan.steps().stream()
                .map(step -> step.kind() == StepKind.TEMPLATE ? StepResult.notRun(step, Outcome.NotRun.TEMPLATE)
                        : new StepResult(step, step.command().equals(failing) ? new Outcome.ExitCode(1, null)
                        : new Outcome.Ran(), new Output("", "", ""), step.command().equals(failing) ? 1 : 0,
                        Duration.ZERO, List.of())).toList(), List.of(), List.of(), List.of(), Instant.EPOCH,
                Duration.ZERO, null)), "20.10.24", Instant.EPOCH, Duration.ZERO));
        Path out = course.resolve("site");
        new SiteRenderer(RenderedSite.BOOT, "test", false).render(site, out);
        return out.resolve("page.html");
    }

    @Test
    void aLabelledSectionCarriesItsLabelAndItsTitleAsIds() {
        assertThat(page.select("h2#constructs").text()).isEqualTo("Sphinx page");
        assertThat(page.select("h2#constructs > a#sphinx-page")).hasSize(1);
    }

    @Test
    void sphinxPromptBlocksShowTheirPromptBeforeEachStatement() {
        assertThat(page.select(".step .command pre").eachText()).contains("$ docker volume create data");
        assertThat(page.select(".listingblock.codeblock code[data-lang=python]").eachText())
                .contains(">>> print(\"hi\")");
        assertThat(page.select(".directive.placeholder").text()).doesNotContain("prompt");
    }

    @Test
    void versionChangesAreBoxesWordedAsSphinxWordsThem() {
        assertThat(page.select(".exampleblock.version-change.versionadded > .title").text()).isEqualTo("New in version 1.4");
        assertThat(page.select(".exampleblock.versionadded > .content").text()).isEqualTo("The --rm flag.");
        assertThat(page.select(".exampleblock.deprecated > .title").text()).isEqualTo("Deprecated since version 1.2");
        assertThat(page.select(".exampleblock.deprecated > .content").text()).isEqualTo("Compose v1.");
    }

    @Test
    void contentsListsTheSectionsOfThePageOrBelowItsOwn() {
        Element whole = page.select("nav.contents").first();
        assertThat(whole.select(".topic-title").text()).isEqualTo("On this page");
        assertThat(whole.select("a").eachAttr("href")).containsExactly("#sub-one", "#deep", "#deeper", "#sub-two");
        assertThat(whole.select("ul > li > ul > li > ul > li").text()).isEqualTo("Deeper");
        Element local = page.select("nav.contents.local").first();
        assertThat(local.select(".topic-title")).isEmpty();
        assertThat(local.select("a").eachText()).containsExactly("Deep");
        assertThat(page.getElementById("deeper")).isNotNull();
    }

    @Test
    void fileWideFieldsAreNotOnThePage() {
        assertThat(page.select("#content").text()).doesNotContain("orphan");
    }

    @Test
    void substitutionsShowWhatTheyStandFor() {
        Element intro = page.select(".sect1 .paragraph p").first();
        assertThat(intro.select("strong").text()).isEqualTo("docproof");
        assertThat(intro.select("img.inline-image").attr("src")).isEqualTo("images/logo.png");
        assertThat(intro.select("img.inline-image").attr("alt")).isEqualTo("logo");
        assertThat(course.resolve("site/images/logo.png")).exists();
    }

    @Test
    void codeCaptionsLineNumbersAndEmphasisAreShown() {
        Element numbered = page.select(".listingblock.numbered").first();
        assertThat(numbered.select(".code-caption").text()).isEqualTo("Hello <world>");
        assertThat(numbered.select(".lineno").eachText()).containsExactly("1", "2");
        assertThat(numbered.select(".hll").text()).isEqualTo("2     print(\"hi\")");
        Element included = page.select(".listingblock").stream()
                .filter(b -> b.select(".title").text().equals("From a file")).findFirst().orElseThrow();
        assertThat(included.select("pre").text()).startsWith("def main():");
    }

    @Test
    void aShellBlocksLineNumbersAndEmphasisAreOnItsStepsAndSamples() {
        Element block = page.select(".codeblock.shell:has(.lineno)").first();
        assertThat(block.select(".step .command.numbered pre").eachText()).containsExactly("1 $ echo one", "3 $ echo two");
        assertThat(block.select(".listingblock.lines.numbered pre").text()).isEqualTo("2 one");
        assertThat(block.select(".hll").eachText()).containsExactly("2 one", "3 $ echo two");
    }

    @Test
    void genericAdmonitionsAndSeeAlsoHaveTheirOwnTitle() {
        assertThat(page.select(".exampleblock.admonition-warning > .title").text()).isEqualTo("Warning");
        assertThat(page.select(".exampleblock.seealso > .title").text()).isEqualTo("See also");
        assertThat(page.select(".admonitionblock.note")).isEmpty();
    }

    @Test
    void tabsAndSidebarsAreTitledGroupsWhoseCommandsAreSteps() {
        assertThat(page.select(".exampleblock.group-tabs > .content > .exampleblock.group-tab > .title").eachText())
                .containsExactly("Linux", "macOS");
        assertThat(page.select(".group-tab .step .command pre").eachText()).containsExactly("echo linux", "echo mac");
        assertThat(page.select(".paragraph.rubric").text()).isEqualTo("Notes");
        assertThat(page.select(".exampleblock.group-sidebar > .title").text()).isEqualTo("Aside");
        assertThat(page.select("#content .sidebar")).as("the page frame's navigation class").isEmpty();
    }

    /** As docutils numbers them: by hand, else the next number no footnote takes, else a symbol; citations by label. */
    @Test
    void footnotesAndCitationsAreNumberedAndLinked() {
        Element sources = page.select("p:contains(Sources)").first();
        assertThat(sources.select("a.footnote-reference").eachText()).containsExactly("[1]", "[3]", "[2]", "[*]", "[Knuth84]");
        assertThat(sources.select("a.footnote-reference").eachAttr("href")).containsExactly("#footnote-1", "#footnote-3",
                "#footnote-2", "#footnote-symbol-1", "#citation-knuth84");
        assertThat(sources.select(".unresolved").text()).isEqualTo("[#nowhere]");
        assertThat(page.select("aside.footnote").eachText()).containsExactly("[1] Where it came from.",
                "[2] Numbered by hand, on two lines.", "[3] The next number free.", "[*] A symbol.", "[Knuth84] A book.");
        assertThat(page.select("aside.footnote").eachAttr("id")).containsExactly("footnote-1", "footnote-2", "footnote-3",
                "footnote-symbol-1", "citation-knuth84");
    }

    @Test
    void listTablesAndNumberedListsAreAsWritten() {
        Element table = page.select("table.tableblock").first();
        assertThat(table.select("caption").text()).isEqualTo("Ports");
        assertThat(table.select("th").eachText()).containsExactly("Name", "Port");
        assertThat(table.select("td").eachText()).containsExactly("server", "8080");
        assertThat(page.select("ol[start=0] > li").eachText()).containsExactly("zero", "one");
        assertThat(page.select("ol.loweralpha > li").eachText()).containsExactly("alpha", "beta");
    }

    @Test
    void unknownDirectivesAreVisiblePlaceholders() {
        assertThat(page.select(".directive.placeholder").text()).startsWith("youtube — this directive is not shown here");
    }
}
