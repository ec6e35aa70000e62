package dev.docproof.site;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a course's links cannot resolve is a warning at its file, line and column; the page shows it unlinked. */
class CourseLinksTest {

    @Test
    void unresolvedToctreeEntriesReferencesAndImagesAreWarnedAtTheirPositionAndShownUnlinked(@TempDir Path course)
            throws Exception {
        Files.writeString(course.resolve("index.rst"), """
                Home
                ====

                .. toctree::
                   :maxdepth: 1
                   :caption: Parts

                   part
                   missing-page

                See :ref:`nowhere`, :doc:`part`, :ref:`the part <part-label>` and :ref:`plain-label`.

                .. image:: pics/none.png
                """);
        Files.writeString(course.resolve("part.rst"), """
                .. _part-label:

                Part
                ====

                .. _plain-label:

                A paragraph a label stands before.

                Sub
                ---

                Text.
                """);
        List<Diagnostic> warnings = new ArrayList<>();
        Path out = render(course, warnings);

        Path index = course.resolve("index.rst");
        assertThat(warnings).extracting(Diagnostic::toString).containsExactly(
                index + ":9:4: warning: toctree contains reference to nonexisting document 'missing-page'",
                index + ":11:11: warning: undefined label: 'nowhere'",
                index + ":11:73: warning: the label 'plain-label' names no section, figure or captioned code: give the"
                        + " link a title (:ref:`text <plain-label>`)",
                index + ":13:1: warning: image file not readable: pics/none.png (looked for " + course.resolve("pics/none.png") + ")");

        Document page = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertThat(page.select("main .xref.unresolved").eachText()).containsExactly("nowhere", "plain-label");
        assertThat(page.select("main a > .xref.unresolved")).isEmpty();
        assertThat(page.select("main a:has(.xref)").eachAttr("href")).containsExactly("part.html", "part.html#part-label");
        assertThat(page.select("main a:has(.xref)").eachText()).containsExactly("Part", "the part");
        assertThat(page.select(".toctree-wrapper .caption").text()).isEqualTo("Parts");
        assertThat(page.select(".toctree-wrapper a").eachText()).as(":maxdepth: 1 shows no section").containsExactly("Part");
        assertThat(page.text()).doesNotContain(".. toctree::", "missing-page");
        assertThat(Jsoup.parse(out.resolve("part.html").toFile(), "UTF-8").select(".breadcrumbs a").eachText())
                .containsExactly("Home");
    }

    @Test
    void aCodeBlocksNameIsALabelItsCaptionTitles(@TempDir Path course) throws Exception {
        Files.writeString(course.resolve("index.rst"), """
                Home
                ====

                .. toctree::

                   part

                See :ref:`listing-files` and :ref:`bare-block`.
                """);
        Files.writeString(course.resolve("part.rst"), """
                Part
                ====

                .. code-block:: console
                   :caption: Listing files
                   :name: listing-files

                   $ ls

                .. code-block:: console
                   :name: bare-block

                   $ pwd
                """);
        List<Diagnostic> warnings = new ArrayList<>();
        Path out = render(course, warnings);

        assertThat(warnings).extracting(Diagnostic::toString).containsExactly(course.resolve("index.rst")
                + ":8:36: warning: the label 'bare-block' names no section, figure or captioned code: give the link a"
                + " title (:ref:`text <bare-block>`)");
        Document page = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertThat(page.select("main a:has(.xref)").eachAttr("href")).containsExactly("part.html#listing-files");
        assertThat(page.select("main a:has(.xref)").eachText()).containsExactly("Listing files");
        assertThat(Jsoup.parse(out.resolve("part.html").toFile(), "UTF-8").getElementById("listing-files")).isNotNull();
    }

    @Test
    void aTargetMissingTwiceIsWarnedAtEachPlace(@TempDir Path course) throws Exception {
        Files.writeString(course.resolve("index.rst"), """
                Home
                ====

                See :ref:`gone` and :numref:`gone`,
                then :ref:`gone` again.
                """);
        List<Diagnostic> warnings = new ArrayList<>();
        render(course, warnings);

        Path index = course.resolve("index.rst");
        assertThat(warnings).extracting(Diagnostic::toString).containsExactly(
                index + ":4:11: warning: undefined label: 'gone'",
                index + ":4:30: warning: undefined label: 'gone'",
                index + ":5:12: warning: undefined label: 'gone'");
    }

    @Test
    void aCourseWithoutARootDocumentGetsAGeneratedHomePageListingEveryPage(@TempDir Path course) throws Exception {
        Files.writeString(course.resolve("b.rst"), "Second\n======\n\nText.\n");
        Files.writeString(course.resolve("a.rst"), "First\n=====\n\nText.\n\nPart\n----\n\nMore.\n");
        List<Diagnostic> warnings = new ArrayList<>();
        Path out = render(course, warnings);

        assertThat(warnings).isEmpty();
        Document home = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertThat(home.select("main .toctree-wrapper a").eachAttr("href")).containsExactly("a.html", "a.html#part", "b.html");
        Document first = Jsoup.parse(out.resolve("a.html").toFile(), "UTF-8");
        String courseTitle = home.select(".site-header .home").text();
        assertThat(home.title()).as("the home page is titled as its course, once").isEqualTo(courseTitle);
        assertThat(first.title()).isEqualTo("First · " + courseTitle);
        assertThat(first.select(".relations a.next").attr("href")).isEqualTo("b.html");
        assertThat(first.select(".totals").attr("href")).isEqualTo("verification.html");
        assertThat(Jsoup.parse(out.resolve("verification.html").toFile(), "UTF-8").select("table.lessons tbody tr"))
                .hasSize(2);
    }

    /** Sphinx makes the index, module index and search pages itself: their labels are no broken reference. */
    @Test
    void sphinxsOwnPagesAreNamedWithoutAWarning(@TempDir Path course) throws Exception {
        Files.writeString(course.resolve("index.rst"), """
                Home
                ====

                * :ref:`genindex`
                * :ref:`the modules <modindex>`
                * :ref:`search`
                """);
        List<Diagnostic> warnings = new ArrayList<>();
        Path out = render(course, warnings);

        assertThat(warnings).isEmpty();
        Document page = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertThat(page.select("main li").eachText()).containsExactly("Index", "the modules", "Search Page");
        assertThat(page.select("main li a")).as("this site has no such pages").isEmpty();
    }

    @Test
    void aFootnoteThePageLacksIsWarnedAndShownUnlinked(@TempDir Path course) throws Exception {
        Files.writeString(course.resolve("index.rst"), """
                Home
                ====

                Told [#told]_ and [9]_.

                .. [#told] Here.
                """);
        List<Diagnostic> warnings = new ArrayList<>();
        Path out = render(course, warnings);

        assertThat(warnings).extracting(Diagnostic::toString).containsExactly(course.resolve("index.rst")
                + ":4:1: warning: the footnote or citation [9] is not defined on this page (define it with \".. [9] text\")");
        Document page = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertThat(page.select("main a.footnote-reference").eachText()).containsExactly("[1]");
        assertThat(page.select("main .unresolved").eachText()).containsExactly("[9]");
    }

    /** The course's site, rendered unverified into its folder's {@code _site}; warnings go to {@code warnings}. */
    private static Path render(Path course, List<Diagnostic> warnings) throws java.io.IOException {
        List<Plan> plans = LessonFiles.discover(List.of(course)).files().stream().map(LessonFiles::read)
                .map(Planner::plan).toList();
        SiteModel site = SiteModel.unverified(plans, Instant.EPOCH, SiteModel.Layout.of(course, null, plans));
        Path out = course.resolve("_site");
        new SiteRenderer(RenderedSite.BOOT, "test", false).render(site, out, warnings::add);
        return out;
    }
}
