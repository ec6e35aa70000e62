package dev.docproof.report;

import dev.docproof.lesson.Plan;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;
import dev.docproof.run.SetupError;
import dev.docproof.run.Shard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shards of one split, merged into what one run reports; anything else refused with the reason. */
class ShardMergeTest {

    @TempDir
    Path dir;

    private final List<LessonResult> course = new ArrayList<>();

    private LessonResult lesson(String name, int steps) throws Exception {
        Path file = JsonResultsTest.lessonFile(dir, name, name + "\n");
        List<dev.docproof.run.StepResult> ran = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            ran.add(Results.ran(Results.run(file, 3 + i, "echo " + i), 2, i + "\n"));
        }
        LessonResult lesson = Results.lesson(file, ran, List.of(), Duration.ofSeconds(steps), (SetupError) null, List.of());
        course.add(lesson);
        return lesson;
    }

    private List<Plan> plans() {
        return course.stream().map(LessonResult::plan).toList();
    }

    /** What a shard writes: its lessons, its start and duration, on engine 20.10.24. */
    private JsonResults.Read shard(Shard shard, Instant started, Duration duration, LessonResult... lessons)
            throws Exception {
        return shard(shard, started, duration, "20.10.24", lessons);
    }

    private JsonResults.Read shard(Shard shard, Instant started, Duration duration, String engine, LessonResult... lessons)
            throws Exception {
        return JsonResultsTest.readBack(dir, new CourseResult(List.of(lessons), engine, started, duration), shard,
                JsonResultsTest.plansOf(course.toArray(LessonResult[]::new)));
    }

    @Test
    void shardsMergeIntoTheCourseInItsOrderOverTheWallTimeOfTheRunners() throws Exception {
        LessonResult a = lesson("a.rst", 2);
        LessonResult b = lesson("b.rst", 1);
        LessonResult c = lesson("c.rst", 3);
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");

        CourseResult merged = ShardMerge.merge(plans(), List.of(
                shard(new Shard(2, 2), t0.plusSeconds(5), Duration.ofSeconds(20), b, a),
                shard(new Shard(1, 2), t0, Duration.ofSeconds(10), c)));

        assertThat(merged.lessons()).containsExactly(a, b, c);
        assertThat(merged.engineVersion()).isEqualTo("20.10.24");
        assertThat(merged.started()).isEqualTo(t0);
        assertThat(merged.duration()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void oneWholeRunMergesAsItself() throws Exception {
        LessonResult a = lesson("a.rst", 1);
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");

        CourseResult merged = ShardMerge.merge(plans(), List.of(shard(null, t0, Duration.ofSeconds(3), a)));

        assertThat(merged).isEqualTo(new CourseResult(List.of(a), "20.10.24", t0, Duration.ofSeconds(3)));
    }

    @Test
    void shardsOnDifferentEnginesNameEveryEngine() throws Exception {
        LessonResult a = lesson("a.rst", 1);
        LessonResult b = lesson("b.rst", 1);
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");

        CourseResult merged = ShardMerge.merge(plans(), List.of(
                shard(new Shard(1, 2), t0, Duration.ZERO, "20.10.24", a),
                shard(new Shard(2, 2), t0, Duration.ZERO, "24.0.7", b)));

        assertThat(merged.engineVersion()).isEqualTo("20.10.24 and 24.0.7");
    }

    @Test
    void aMissingShardIsNamed() throws Exception {
        LessonResult a = lesson("a.rst", 1);
        LessonResult b = lesson("b.rst", 1);
        Instant t0 = Instant.now();

        assertThatThrownBy(() -> ShardMerge.merge(plans(), List.of(
                shard(new Shard(1, 4), t0, Duration.ZERO, a), shard(new Shard(2, 4), t0, Duration.ZERO, b),
                shard(new Shard(4, 4), t0, Duration.ZERO))))
                .isInstanceOf(ResultsException.class)
                .hasMessage("shard 3/4 is missing: give the results of every shard (the file"
                        + " `docproof check --shard 3/4 --json FILE` wrote)");
    }

    @Test
    void aMissingShardNamesTheLessonsLeftWithoutResults() throws Exception {
        LessonResult a = lesson("a.rst", 1);
        LessonResult b = lesson("b.rst", 1);
        LessonResult c = lesson("c.rst", 1);
        LessonResult d = lesson("d.rst", 1);
        LessonResult e = lesson("e.rst", 1);
        Instant t0 = Instant.now();
        assertThat(new Shard(2, 3).select(plans())).containsExactly(b.plan(), e.plan());

        assertThatThrownBy(() -> ShardMerge.merge(plans(), List.of(
                shard(new Shard(1, 3), t0, Duration.ZERO, a, d), shard(new Shard(3, 3), t0, Duration.ZERO, c))))
                .isInstanceOf(ResultsException.class)
                .hasMessage("shard 2/3 is missing, so 2 lessons have no results: " + b.plan().lesson().source() + ", "
                        + e.plan().lesson().source() + ": give the results of every shard (the file"
                        + " `docproof check --shard 2/3 --json FILE` wrote)");
    }

    @Test
    void aShardGivenTwiceIsNamedWithItsFiles() throws Exception {
        LessonResult a = lesson("a.rst", 1);
        LessonResult b = lesson("b.rst", 1);
        Instant t0 = Instant.now();
        JsonResults.Read first = shard(new Shard(1, 2), t0, Duration.ZERO, a);
        JsonResults.Read again = shard(new Shard(1, 2), t0, Duration.ZERO, b);

        assertThatThrownBy(() -> ShardMerge.merge(plans(), List.of(first, again)))
                .isInstanceOf(ResultsException.class)
                .hasMessage("shard 1/2 is given more than once: " + first.file() + ", " + again.file()
                        + ": give each shard's results once\n"
                        + "shard 2/2 is missing, so 1 lesson has no results: " + b.plan().lesson().source()
                        + ": give the results of every shard (the file"
                        + " `docproof check --shard 2/2 --json FILE` wrote)");
    }

    @Test
    void shardsOfDifferentSplitsAreRefused() throws Exception {
        LessonResult a = lesson("a.rst", 1);
        LessonResult b = lesson("b.rst", 1);
        Instant t0 = Instant.now();
        JsonResults.Read ofTwo = shard(new Shard(1, 2), t0, Duration.ZERO, a);
        JsonResults.Read ofThree = shard(new Shard(2, 3), t0, Duration.ZERO, b);

        assertThatThrownBy(() -> ShardMerge.merge(plans(), List.of(ofTwo, ofThree)))
                .isInstanceOf(ResultsException.class)
                .hasMessage("the results come from different splits of the course: shard 1/2 (" + ofTwo.file()
                        + "), shard 2/3 (" + ofThree.file() + "): merge the shards of one run, all run with the same N"
                        + " in --shard K/N");
    }

    @Test
    void aLessonRunByTwoShardsIsRefused() throws Exception {
        LessonResult a = lesson("a.rst", 1);
        LessonResult b = lesson("b.rst", 1);
        Instant t0 = Instant.now();
        JsonResults.Read first = shard(new Shard(1, 2), t0, Duration.ZERO, a, b);
        JsonResults.Read second = shard(new Shard(2, 2), t0, Duration.ZERO, b);

        assertThatThrownBy(() -> ShardMerge.merge(plans(), List.of(first, second)))
                .isInstanceOf(ResultsException.class)
                .hasMessage(b.plan().lesson().source() + ": run by two shards: shard 1/2 (" + first.file()
                        + ") and shard 2/2 (" + second.file() + "): merge the results of one split of the course");
    }

    @Test
    void aLessonGivenTwiceInOneFileIsNamedAsSuchNotAsRunByTwoShards() throws Exception {
        LessonResult a = lesson("a.rst", 1);
        LessonResult b = lesson("b.rst", 1);
        JsonResults.Read whole = shard(null, Instant.now(), Duration.ZERO, a, b, b);

        assertThatThrownBy(() -> ShardMerge.merge(plans(), List.of(whole)))
                .isInstanceOf(ResultsException.class)
                .hasMessage(b.plan().lesson().source() + ": given twice in the whole run (" + whole.file() + "): a run"
                        + " reports each lesson once, so the file was edited or joined from two runs: give the results"
                        + " as docproof wrote them");
    }

    @Test
    void aLessonNoShardRanIsNamedWithTheShardTheSplitGivesIt() throws Exception {
        LessonResult big = lesson("big.rst", 5);
        LessonResult small = lesson("small.rst", 1);
        Instant t0 = Instant.now();
        // The split gives the bigger lesson to shard 1 and the smaller to shard 2; shard 2 ran none.
        assertThat(new Shard(2, 2).select(plans())).containsExactly(small.plan());
        JsonResults.Read second = shard(new Shard(2, 2), t0, Duration.ZERO);

        assertThatThrownBy(() -> ShardMerge.merge(plans(), List.of(shard(new Shard(1, 2), t0, Duration.ZERO, big), second)))
                .isInstanceOf(ResultsException.class)
                .hasMessage(small.plan().lesson().source() + ": no shard ran this lesson (the split of these 2 lessons"
                        + " gives it to shard 2/2, and " + second.file() + " does not hold it: the shards read other"
                        + " lessons than the merge): run the shards and the merge over the same lesson PATHs, on the same"
                        + " commit");
    }

    @Test
    void nothingToMergeIsRefused() {
        assertThatThrownBy(() -> ShardMerge.merge(List.of(), List.of())).isInstanceOf(ResultsException.class)
                .hasMessage("no results to merge: name the files `docproof check --shard K/N --json FILE` wrote,"
                        + " after --results");
    }
}
