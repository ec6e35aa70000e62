package dev.docproof.site;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fixture course's site in headless chromium, from file:// under the pages' own
 * Content-Security-Policy: a reader clicks through the sidebar, next and previous, and finds a page by
 * searching.
 */
class CourseBrowserTest {

    @Test
    void aReaderClicksThroughSidebarNextPreviousAndSearchFromFileUrls() throws Exception {
        if (!DevTools.available()) {
            fail("chromium is missing: the site's browser test needs it. Install it with: apt-get install -y chromium");
        }
        Path dir = Path.of("target/course-browser");
        RenderedSite.deleteTree(dir);
        Path index = new SiteRenderer(RenderedSite.BOOT, "test", false)
                .render(CourseSiteSphinxTest.site(), dir).toAbsolutePath();
        String site = dir.toAbsolutePath().toUri().toString();
        try (DevTools browser = DevTools.start()) {
            browser.navigate(index.toUri().toString());
            assertThat(browser.eval("document.querySelector('.site-header .home').textContent").asText())
                    .isEqualTo("Containers by Example");
            assertThat(browser.eval("document.querySelectorAll('.sidebar a[href=\"week1/day1.html\"]').length").asInt())
                    .as("the sidebar opens only the current page's branch").isZero();

            browser.click(".sidebar a[href='week1/index.html']");
            browser.waitFor("location.href === '" + site + "week1/index.html' && document.readyState === 'complete'");
            assertThat(browser.eval("document.querySelector('.sidebar a.current').textContent").asText())
                    .isEqualTo("Week 1: First Containers");
            assertThat(browser.eval("Array.from(document.querySelectorAll('.sidebar li.current > ul > li > a'))"
                    + ".map(a => a.textContent).join('|')").asText()).contains("Day 1: Running a Container", "Day 2: Listing and Stopping");

            browser.click(".relations a.next");
            browser.waitFor("location.href === '" + site + "week1/day1.html' && document.readyState === 'complete'");
            assertThat(browser.eval("document.querySelector('#content h2').textContent").asText())
                    .isEqualTo("Day 1: Running a Container");
            assertThat(browser.eval("document.querySelector('.breadcrumbs').textContent").asText())
                    .startsWith("Containers by Example › Week 1: First Containers › Day 1");

            browser.click(".relations a.prev");
            browser.waitFor("location.href === '" + site + "week1/index.html' && document.readyState === 'complete'");

            browser.click("#search-box");
            browser.type("bind mount");
            browser.waitFor("document.querySelectorAll('#search-results li').length > 0");
            assertThat(browser.eval("document.querySelector('#search-results li a').textContent").asText())
                    .isEqualTo("Volumes");
            browser.click("#search-results li a");
            browser.waitFor("location.href === '" + site + "week2/volumes.html' && document.readyState === 'complete'");
            assertThat(browser.eval("document.querySelector('#content h2').textContent").asText())
                    .isEqualTo("2. Volumes");

            browser.click("#search-box");
            browser.type("nothing-like-this");
            browser.waitFor("document.querySelector('#search-results .search-none') !== null");
        }
    }
}
