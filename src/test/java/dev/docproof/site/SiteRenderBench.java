package dev.docproof.site;

import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Plan;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Render-only timing without a reader: N copies of the fixture lesson (with run results) through one
 * Asciidoctor instance. Used by bench/site.sh; prints figures, asserts nothing.
 * Arguments: page count, output folder.
 */
public final class SiteRenderBench {

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long t0 = System.nanoTime();
        AsciidoctorBoot boot = AsciidoctorBoot.start();
        List<Plan> plans = new ArrayList<>();
        List<LessonResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Plan fixture = SiteFixtures.plan();
            Lesson l = fixture.lesson();
            Plan plan = new Plan(new Lesson(SiteFixtures.FIXTURE.resolveSibling("page-" + i + ".rst"), l.format(),
                    l.title() + " " + i, l.nodes(), l.diagnostics()), fixture.blocks(), fixture.diagnostics());
            plans.add(plan);
            LessonResult r = SiteFixtures.result(fixture);
            results.add(new LessonResult(plan, r.steps(), r.leaks(), r.ledger(), r.diagnostics(), r.started(), r.duration(), null));
        }
        SiteModel site = SiteModel.ofRun(plans, new CourseResult(results, "20.10.24", SiteFixtures.STARTED, Duration.ZERO));
        boot.get();
        long booted = System.nanoTime();
        Path index = new SiteRenderer(boot, "bench", false).render(site, out);
        long rendered = System.nanoTime();
        System.out.printf("asciidoctor boot: %d ms; %d pages rendered in %d ms (%.1f ms/page) -> %s%n",
                (booted - t0) / 1_000_000, count, (rendered - booted) / 1_000_000,
                (rendered - booted) / 1e6 / count, index);
        boot.close();
    }
}
