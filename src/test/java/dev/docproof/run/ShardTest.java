package dev.docproof.run;

import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Marks;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.lesson.Node;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ShardTest {

    /** A lesson at {@code name} with {@code runnable} runnable steps. */
    private static Plan lesson(String name, int runnable) {
        return lesson(name, runnable, Marks.NONE);
    }

    private static Plan lesson(String name, int runnable, Marks marks) {
        Path file = Path.of(name);
        List<Step> steps = IntStream.rangeClosed(1, runnable).mapToObj(i -> new Step(new SourceSpan(file, i, 1), i,
                StepKind.RUN, "echo " + i, Sample.NONE, "", marks)).toList();
        Node.CodeBlock block = new Node.CodeBlock(new SourceSpan(file, 1, 1), "bash", Map.of(), List.of(), 2);
        return new Plan(new Lesson(file, Lesson.Format.RST, name, List.of(), List.of()),
                List.of(new PlannedBlock(block, steps)), List.of());
    }

    private static final List<Plan> COURSE = List.of(lesson("a.rst", 10), lesson("b.rst", 2), lesson("c.rst", 7),
            lesson("d.rst", 3), lesson("e.rst", 5), lesson("f.rst", 1));

    @Test
    void everyLessonIsInExactlyOneShardAndShardsKeepTheCourseOrder() {
        List<Plan> all = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            List<Plan> shard = new Shard(k, 3).select(COURSE);
            assertThat(shard).isSortedAccordingTo((x, y) -> Integer.compare(COURSE.indexOf(x), COURSE.indexOf(y)));
            all.addAll(shard);
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(COURSE);
    }

    @Test
    void shardsAreBalancedByRunnableSteps() {
        // 28 steps over 2 shards: the longest first, each to the lighter shard, gives 14 and 14.
        assertThat(steps(new Shard(1, 2).select(COURSE))).isEqualTo(14);
        assertThat(steps(new Shard(2, 2).select(COURSE))).isEqualTo(14);
    }

    @Test
    void stepsMarkedSkipWeighNothingSinceTheyTakeNoTime() {
        Marks skip = new Marks("needs a Docker Swarm (docproof.yml)", null, null, null, null, List.of(), Map.of(), false,
                List.of());
        List<Plan> course = List.of(lesson("a.rst", 6), lesson("b.rst", 6), lesson("c.rst", 1),
                lesson("swarm.rst", 12, skip));

        long first = running(new Shard(1, 2).select(course));
        long second = running(new Shard(2, 2).select(course));

        assertThat(first + second).isEqualTo(13);
        assertThat(Math.abs(first - second)).isLessThanOrEqualTo(1);
    }

    @Test
    void theSplitDependsOnTheLessonsNotOnTheOrderTheyWereFoundIn() {
        List<Plan> shuffled = new ArrayList<>(COURSE);
        Collections.reverse(shuffled);
        for (int k = 1; k <= 3; k++) {
            assertThat(new Shard(k, 3).select(shuffled)).containsExactlyInAnyOrderElementsOf(new Shard(k, 3).select(COURSE));
        }
    }

    @Test
    void theSplitIsTheSameWhicheverWayARunnerSpelledThePathsItNamed() {
        List<String> lessons = List.of("content/c1.md", "content/c2.md", "content/c3.md", "aaa/a1.md", "aaa/a2.md",
                "aaa/a3.md", "aaa/a4.md");
        String here = Path.of("").toAbsolutePath().toString();
        // One runner named `content aaa`; another `$PWD/content aaa`.
        List<Plan> relative = lessons.stream().map(name -> lesson(name, 1)).toList();
        List<Plan> respelled = lessons.stream()
                .map(name -> lesson(name.startsWith("content/") ? here + "/" + name : name, 1)).toList();
        for (int k = 1; k <= 2; k++) {
            assertThat(new Shard(k, 2).select(respelled)).extracting(ShardTest::where)
                    .containsExactlyElementsOf(new Shard(k, 2).select(relative).stream().map(ShardTest::where).toList());
        }
    }

    private static Path where(Plan plan) {
        return plan.lesson().source().toAbsolutePath().normalize();
    }

    @Test
    void onlyKOfNWithKFromOneToNIsAShard() {
        assertThat(Shard.parse("2/3")).contains(new Shard(2, 3));
        assertThat(Shard.parse("0/3")).isEmpty();
        assertThat(Shard.parse("4/3")).isEmpty();
        assertThat(Shard.parse("two/3")).isEmpty();
    }

    private static long running(List<Plan> plans) {
        return plans.stream().flatMap(p -> p.steps().stream()).filter(s -> s.marks().skip() == null).count();
    }

    private static long steps(List<Plan> plans) {
        return plans.stream().mapToLong(p -> p.steps().size()).sum();
    }
}
