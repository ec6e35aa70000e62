package dev.docproof.site;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole site rendered at once writes the pages that rendering them one at a time writes. */
class SiteRendererTest {

    private static final SiteRenderer RENDERER = new SiteRenderer(RenderedSite.BOOT, "test", false);

    @Test
    void theDashboardConvertedBesideThePagesIsTheDashboardConvertedWhole(@TempDir Path out) throws IOException {
        Path course = Path.of("src/test/resources/course");
        List<Plan> plans = LessonFiles.discover(List.of(course)).files().stream().map(LessonFiles::read)
                .map(Planner::plan).toList();
        SiteModel site = SiteModel.unverified(plans, Instant.EPOCH, SiteModel.Layout.of(course, null, plans));
        List<Diagnostic> warnings = new ArrayList<>();
        RENDERER.render(site, out.resolve("all"), warnings::add);
        RENDERER.renderCoursePages(site, Files.createDirectories(out.resolve("alone")), warnings);

        String dashboard = Files.readString(out.resolve("all").resolve(site.course().dashboard()));
        assertThat(warnings).isNotEmpty(); // the fixture course has unresolved links: a Diagnostics list to show
        assertThat(dashboard).contains("class=\"ulist diagnostics\"").contains("class=\"tableblock");
        assertThat(dashboard).isEqualTo(Files.readString(out.resolve("alone").resolve(site.course().dashboard())));
        assertThat(out.resolve("all").resolve(SearchIndex.FILE)).hasSameTextualContentAs(out.resolve("alone").resolve(SearchIndex.FILE));
    }

    @Test
    void eachPageRenderedWithTheSiteIsThePageRenderedAlone(@TempDir Path out) throws IOException {
        SiteModel site = SiteFixtures.site();
        RENDERER.render(site, out.resolve("all"));
        for (LessonPage page : site.lessons()) {
            RENDERER.renderPage(site, page, out.resolve("alone"));
            assertThat(out.resolve("all").resolve(page.path())).hasSameTextualContentAs(out.resolve("alone").resolve(page.path()));
        }
    }
}
