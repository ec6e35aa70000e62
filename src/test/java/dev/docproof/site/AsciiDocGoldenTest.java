package dev.docproof.site;

import dev.docproof.lesson.Plan;
import dev.docproof.run.CourseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The AsciiDoc generated for the fixtures, compared with golden files under
 * {@code src/test/resources/site/}. After an intended change, regenerate them with
 * {@code mvn test -Dtest=AsciiDocGoldenTest -Ddocproof.golden.update=true} and review the diff.
 */
class AsciiDocGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/site");
    private static final boolean UPDATE = Boolean.getBoolean("docproof.golden.update");

    @Test
    void lessonWithRunResultsMatchesItsGoldenFile() throws IOException {
        SiteModel site = SiteFixtures.site();
        check("fixture.adoc", SiteRenderer.lessonAsciiDoc(site, site.lessons().get(0)));
    }

    @Test
    void lessonRenderedWithoutARunMatchesItsGoldenFile() throws IOException {
        SiteModel site = SiteModel.unverified(List.of(SiteFixtures.plan()), Instant.EPOCH);
        check("fixture-unverified.adoc", SiteRenderer.lessonAsciiDoc(site, site.lessons().get(0)));
    }

    @Test
    void verificationDashboardMatchesItsGoldenFile() throws IOException {
        check("verification.adoc", DashboardAsciiDoc.write(SiteFixtures.site(), "test", List.of()));
    }

    @Test
    void aCourseOfOnePageSaysPageNotPages() {
        Plan plan = SiteFixtures.plan();
        SiteModel one = SiteModel.ofRun(List.of(plan), new CourseResult(List.of(SiteFixtures.result(plan)), "20.10.24",
                SiteFixtures.STARTED, Duration.ofMillis(4321)));

        assertThat(DashboardAsciiDoc.write(one, "test", List.of())).contains(" steps in 1 page]").doesNotContain("1 pages");
    }

    private static void check(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail(golden + " does not exist. Create it with: mvn test -Dtest=AsciiDocGoldenTest -Ddocproof.golden.update=true");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            List<String> e = expected.lines().toList();
            List<String> a = actual.lines().toList();
            int line = 0;
            while (line < Math.min(e.size(), a.size()) && e.get(line).equals(a.get(line))) {
                line++;
            }
            fail(String.format("%s differs from the generated AsciiDoc at line %d%n  golden:    %s%n  generated: %s%n"
                            + "If the change is intended, regenerate with -Ddocproof.golden.update=true and review the diff.",
                    golden, line + 1, line < e.size() ? e.get(line) : "(end of file)",
                    line < a.size() ? a.get(line) : "(end of file)"));
        }
    }
}
