package dev.docproof.site;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zeroturnaround.exec.ProcessExecutor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fixture course ({@code src/test/resources/course}: nested toctrees, labels and references, images,
 * includes and literal includes, substitutions (the page's and conf.py's rst_prolog), grid, simple, list and
 * CSV tables, captions, lists of every kind) rendered by Debian's {@code sphinx-build} and by docproof: every
 * page Sphinx writes exists in docproof's site, shows at least 99% of the words Sphinx shows in its body,
 * and its toctree, {@code :ref:} and {@code :doc:} links point to the same pages.
 */
class CourseSiteSphinxTest {

    static final Path COURSE = Path.of("src/test/resources/course");
    static final Path SPHINX = Path.of("target/course-sphinx");
    static final Path DOCPROOF = Path.of("target/course-docproof");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final List<Diagnostic> warnings = new ArrayList<>();

    @BeforeAll
    static void renderBoth() throws Exception {
        Path sphinxBuild = Path.of("/usr/bin/sphinx-build");
        if (!Files.isExecutable(sphinxBuild)) {
            fail("sphinx-build is missing: the course comparison needs it. Install it with: apt-get install -y python3-sphinx");
        }
        RenderedSite.deleteTree(SPHINX);
        RenderedSite.deleteTree(DOCPROOF);
        new ProcessExecutor(sphinxBuild.toString(), "-q", "-E", "-b", "html", COURSE.toString(), SPHINX.toString())
                .readOutput(true).redirectError(org.zeroturnaround.exec.stream.slf4j.Slf4jStream.ofCaller().asDebug())
                .timeout(180, TimeUnit.SECONDS).exitValueNormal().execute();
        new SiteRenderer(RenderedSite.BOOT, "test", false).render(site(), DOCPROOF, warnings::add);
    }

    static SiteModel site() {
        List<Plan> plans = LessonFiles.discover(List.of(COURSE)).files().stream().map(LessonFiles::read)
                .map(Planner::plan).toList();
        return SiteModel.unverified(plans, Instant.EPOCH, SiteModel.Layout.of(COURSE, null, plans));
    }

    @Test
    void everyPageShowsAtLeast99PercentOfTheWordsSphinxShows() throws IOException {
        Map<String, String> shortfalls = new TreeMap<>();
        List<String> pages = sphinxPages();
        assertThat(pages).hasSizeGreaterThanOrEqualTo(12);
        for (String page : pages) {
            Path ours = DOCPROOF.resolve(page);
            assertThat(ours).as("docproof's page for " + page).exists();
            Map<String, Integer> theirs = words(body(SPHINX.resolve(page), "div.body"));
            Map<String, Integer> mine = words(body(ours, "main#content"));
            int total = theirs.values().stream().mapToInt(Integer::intValue).sum();
            int shown = 0;
            Map<String, Integer> missing = new TreeMap<>();
            for (Map.Entry<String, Integer> w : theirs.entrySet()) {
                int have = Math.min(w.getValue(), mine.getOrDefault(w.getKey(), 0));
                shown += have;
                if (have < w.getValue()) {
                    missing.put(w.getKey(), w.getValue() - have);
                }
            }
            if (shown < 0.99 * total) {
                shortfalls.put(page, shown + " of " + total + " words; missing " + missing);
            }
        }
        assertThat(shortfalls).as("pages showing less than 99% of Sphinx's words").isEmpty();
    }

    @Test
    void toctreeLinksPointToTheSamePagesAsSphinxs() throws IOException {
        for (String page : sphinxPages()) {
            assertThat(targets(DOCPROOF, page, "main#content .toctree-wrapper a"))
                    .as("toctree links of " + page)
                    .isEqualTo(targets(SPHINX, page, "div.body .toctree-wrapper a"));
        }
        assertThat(targets(SPHINX, "index.html", "div.body .toctree-wrapper a")).contains(
                "week1/index.html", "week1/day1.html", "week2/networks.html", "reference/glossary.html");
    }

    @Test
    void refAndDocLinksPointToTheSamePagesWithTheSameTextAsSphinxs() throws IOException {
        int links = 0;
        for (String page : sphinxPages()) {
            List<String> theirs = references(SPHINX, page, "div.body a.reference:has(span.std-ref, span.doc)");
            links += theirs.size();
            assertThat(references(DOCPROOF, page, "main#content a:has(.xref.ref, .xref.doc)"))
                    .as(":ref: and :doc: links of " + page).isEqualTo(theirs);
        }
        assertThat(links).isGreaterThanOrEqualTo(10);
    }

    @Test
    void onlyThePageNoToctreeHasAndThatIsNotAnOrphanIsWarnedAbout() {
        assertThat(warnings).extracting(Diagnostic::toString).containsExactly(
                COURSE.resolve("about.rst") + ":1:1: warning: document isn't included in any"
                        + " toctree (add it to a toctree, or mark it \":orphan:\" at the top of the file)");
    }

    @Test
    void imagesAndDownloadsAreCopiedAndLinkedRelatively() throws IOException {
        Document images = Jsoup.parse(DOCPROOF.resolve("reference/images.html").toFile(), "UTF-8");
        assertThat(images.select("main img").eachAttr("src")).containsExactly("../_static/diagram.png", "../_static/diagram.png");
        assertThat(images.select("main img").first().attr("width")).isEqualTo("50%");
        assertThat(images.select("main a.image-reference").attr("href")).isEqualTo("https://example.org/diagram");
        assertThat(images.select("figure.align-right figcaption").text()).isEqualTo("A figure aligned to the right.");
        assertThat(DOCPROOF.resolve("_static/diagram.png")).exists();
        Document day1 = Jsoup.parse(DOCPROOF.resolve("week1/day1.html").toFile(), "UTF-8");
        assertThat(day1.select("figure.align-center img").attr("src")).isEqualTo("topology.png");
        assertThat(day1.select("figure.align-center img").attr("width")).isEqualTo("300");
        assertThat(day1.select("figure .legend").text()).contains("Both containers share one bridge network");
        assertThat(DOCPROOF.resolve("week1/topology.png")).exists();
        Document day2 = Jsoup.parse(DOCPROOF.resolve("week1/day2.html").toFile(), "UTF-8");
        assertThat(day2.select("a:has(code.xref)").attr("href")).isEqualTo("../_downloads/files/stop-all.sh");
        assertThat(DOCPROOF.resolve("_downloads/files/stop-all.sh")).hasSameTextualContentAs(COURSE.resolve("files/stop-all.sh"));
        assertThat(Files.walk(DOCPROOF).filter(f -> f.toString().endsWith(".html")).toList()).allSatisfy(f ->
                assertThat(Files.readString(f)).doesNotContain("src=\"/", "href=\"/", COURSE.toAbsolutePath().toString()));
    }

    /** Pages Sphinx writes for the course's documents (not its generated index and search pages). */
    static List<String> sphinxPages() throws IOException {
        try (Stream<Path> files = Files.walk(SPHINX)) {
            return files.filter(f -> f.toString().endsWith(".html"))
                    .map(f -> SPHINX.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("_") && !p.equals("genindex.html") && !p.equals("search.html"))
                    .sorted().toList();
        }
    }

    private static Element body(Path page, String selector) throws IOException {
        Element body = Jsoup.parse(page.toFile(), "UTF-8").selectFirst(selector);
        assertThat(body).as(selector + " of " + page).isNotNull();
        body.select("a.headerlink").remove();
        return body;
    }

    private static Map<String, Integer> words(Element body) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(body.text().toLowerCase(Locale.ROOT));
        while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
        }
        return counts;
    }

    /** The pages links lead to, in order, as paths under the site root. */
    private static List<String> targets(Path site, String page, String selector) throws IOException {
        Document doc = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
        return doc.select(selector).stream().map(a -> target(page, a.attr("href"))).toList();
    }

    /** Each link as "target page: text". */
    private static List<String> references(Path site, String page, String selector) throws IOException {
        Document doc = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
        return doc.select(selector).stream().map(a -> target(page, a.attr("href")) + ": " + a.text()).toList();
    }

    private static String target(String page, String href) {
        URI resolved = URI.create("http://site/" + page).resolve(href);
        return resolved.getPath().substring(1);
    }
}
