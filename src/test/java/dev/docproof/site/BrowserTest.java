package dev.docproof.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fixture page in a real browser (Debian's headless chromium), from file:// under the page's own
 * Content-Security-Policy: the theme script must run there, open the output a link asks for
 * ({@code #open=L50}, the form CI messages use) and leave the others collapsed. A screenshot is kept
 * under {@code target/browser/}.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void linkToAStepOpensItsCollapsedOutputInChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("chromium is missing: the site's browser test needs it. Install it with: apt-get install -y chromium");
        }
        Path page = RenderedSite.page("fixture.html").toAbsolutePath();
        String url = page.toUri() + "#open=L50";

        Document dom = Jsoup.parse(chromium("--dump-dom", url).outputUTF8());
        assertThat(dom.select(".toolbar button").eachText()).as("the theme script ran under the page's CSP")
                .containsExactly("Show all outputs", "Hide all outputs");
        assertThat(dom.getElementById("L50").classNames()).contains("targeted");
        assertThat(dom.select("#L50 details.output").hasAttr("open")).isTrue();
        assertThat(dom.select("#L41 details.output, #L43 details.output, #L48 details.output"))
                .allSatisfy(d -> assertThat(d.hasAttr("open")).isFalse());

        Path shot = Files.createDirectories(Path.of("target/browser")).resolve("fixture-L50.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium("--hide-scrollbars", "--window-size=1000,5000", "--screenshot=" + shot, url);
        byte[] png = Files.readAllBytes(shot);
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    /** Tabs side by side show one at a time; a link to a step in a hidden tab shows that tab. */
    @Test
    void tabsShowOneAtATimeAndALinkOpensTheTabOfItsStep(@org.junit.jupiter.api.io.TempDir Path course) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("chromium is missing: the site's browser test needs it. Install it with: apt-get install -y chromium");
        }
        String url = SphinxConstructsPageTest.render(course).toAbsolutePath().toUri().toString();
        String macStep = Jsoup.parse(Files.readString(course.resolve("site/page.html")))
                .select(".group-tab:has(pre:containsOwn(echo mac)) .step").attr("id");

        Document plain = Jsoup.parse(chromium("--dump-dom", url).outputUTF8());
        assertThat(plain.select(".tab-bar button").eachText()).containsExactly("Linux", "macOS");
        assertThat(plain.select(".group-tab").eachAttr("hidden")).containsExactly("");
        assertThat(plain.select(".group-tab:not([hidden]) pre").eachText()).contains("echo linux");

        Document linked = Jsoup.parse(chromium("--dump-dom", url + "#open=" + macStep).outputUTF8());
        assertThat(linked.select(".group-tab:not([hidden]) pre").eachText()).contains("echo mac").doesNotContain("echo linux");
        assertThat(linked.select(".tab-bar button[aria-selected=true]").eachText()).containsExactly("macOS");
    }

    /** A failure behind another tab than the one shown is marked on its tab's button. */
    @Test
    void aTabHoldingAFailedStepSaysSoOnItsButton(@org.junit.jupiter.api.io.TempDir Path course) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("chromium is missing: the site's browser test needs it. Install it with: apt-get install -y chromium");
        }
        String url = SphinxConstructsPageTest.render(course, "echo mac").toAbsolutePath().toUri().toString();

        Document page = Jsoup.parse(chromium("--dump-dom", url).outputUTF8());
        assertThat(page.select(".tab-bar button.has-failed").eachText()).containsExactly("macOS");
        assertThat(page.select(".tab-bar button[aria-selected=true]").eachText()).containsExactly("Linux");
    }

    private static ProcessResult chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory("docproof-chromium-");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        try {
            ProcessResult result = new ProcessExecutor(command).readOutput(true)
                    .environment("TMPDIR", profile.toString()) // its own temp files go with the profile
                    .redirectError(
                    org.zeroturnaround.exec.stream.slf4j.Slf4jStream.ofCaller().asDebug())
                    .timeout(90, TimeUnit.SECONDS).exitValueNormal().execute();
            return result;
        } finally {
            RenderedSite.deleteTree(profile);
        }
    }
}
