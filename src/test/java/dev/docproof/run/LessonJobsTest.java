package dev.docproof.run;

import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Plan;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LessonJobsTest {

    private static Plan plan(String name) {
        return new Plan(new Lesson(Path.of(name), Lesson.Format.RST, name, List.of(), List.of()), List.of(), List.of());
    }

    private static LessonResult result(Plan plan) {
        return new LessonResult(plan, List.of(), List.of(), List.of(), List.of(), Instant.now(), Duration.ZERO, null);
    }

    /** Records what a listener heard, as "started a.rst" / "progress a.rst" / "finished a.rst". */
    private static final class Heard implements RunListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void lessonStarted(Plan plan) {
            events.add("started " + plan.lesson().source());
        }

        @Override
        public void setupProgress(String message) {
            events.add("progress " + message);
        }

        @Override
        public void lessonFinished(LessonResult result) {
            events.add("finished " + result.plan().lesson().source());
        }
    }

    @Test
    void lessonsRunAtOnceButResultsAndEventsComeInTheLessonsOrder() {
        List<Plan> plans = List.of(plan("a.rst"), plan("b.rst"), plan("c.rst"));
        Heard heard = new Heard();
        CountDownLatch laterLessonsDone = new CountDownLatch(2);
        List<LessonResult> results = LessonJobs.run(plans, 3, heard, (plan, listener) -> {
            listener.lessonStarted(plan);
            listener.setupProgress(plan.lesson().source().toString());
            if (plan.lesson().source().toString().equals("a.rst")) {
                try {
                    // The first lesson finishes last: only running at once lets it see the others done.
                    assertThat(laterLessonsDone.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            } else {
                laterLessonsDone.countDown();
            }
            LessonResult r = result(plan);
            listener.lessonFinished(r);
            return r;
        });
        assertThat(results).extracting(r -> r.plan().lesson().source().toString())
                .containsExactly("a.rst", "b.rst", "c.rst");
        assertThat(heard.events).containsExactly(
                "started a.rst", "progress a.rst", "finished a.rst",
                "started b.rst", "progress b.rst", "finished b.rst",
                "started c.rst", "progress c.rst", "finished c.rst");
    }

    @Test
    void oneJobRunsTheLessonsOneAfterAnother() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        LessonJobs.run(List.of(plan("a.rst"), plan("b.rst")), 1, RunListener.NONE, (plan, listener) -> {
            order.add("begin " + plan.lesson().source());
            order.add("end " + plan.lesson().source());
            return result(plan);
        });
        assertThat(order).containsExactly("begin a.rst", "end a.rst", "begin b.rst", "end b.rst");
    }
}
