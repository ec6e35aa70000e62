package dev.docproof.cli;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.StepKind;
import dev.docproof.report.JsonReport;
import dev.docproof.run.CourseResult;
import dev.docproof.run.Interrupts;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Outcome;
import dev.docproof.run.SetupError;
import dev.docproof.run.Shard;
import dev.docproof.run.StepResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docproof merge} without an engine: results a shard writes when its lessons could not be set up, merged
 * or refused with a clear reason and exit status 2, never a stack trace.
 */
class MergeCommandTest {

    @TempDir
    Path dir;

    private Path course;

    @BeforeEach
    void copyCourse() throws IOException {
        course = Files.createDirectories(dir.resolve("course"));
        for (String lesson : List.of("greeting.md", "failing.md", "network.md")) {
            Files.copy(Path.of("src/test/resources/merge", lesson), course.resolve(lesson));
        }
    }

    record Run(int code, String out, String err) {}

    static Run docproof(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** What {@code check --shard K/N --json} writes when no engine answers: each of its lessons not set up. */
    private Path shardResults(Shard shard) throws IOException {
        return shardResults(shard, null, MergeCommandTest::notSetUp);
    }

    private Path shardResults(Shard shard, Interrupts.Signal interrupted, Function<Plan, LessonResult> result)
            throws IOException {
        CourseInput input = CourseInput.read(List.of(course), new PrintWriter(new StringWriter()), "none");
        List<LessonResult> lessons = shard.select(input.plans()).stream().map(result).toList();
        Path file = dir.resolve("shard-" + shard.index() + ".json");
        try (Writer out = Files.newBufferedWriter(file)) {
            JsonReport.write(new CourseResult(lessons, null, Instant.parse("2026-12-01T10:00:00Z"), Duration.ofSeconds(1)),
                    new JsonReport.Scope(shard, interrupted), out);
        }
        return file;
    }

    private static LessonResult notSetUp(Plan plan) {
        List<StepResult> steps = plan.steps().stream().map(s -> StepResult.notRun(s, s.kind() == StepKind.TEMPLATE
                ? Outcome.NotRun.TEMPLATE : Outcome.NotRun.LESSON_NOT_RUN)).toList();
        return new LessonResult(plan, steps, List.of(), List.of(), plan.diagnostics(), Instant.parse("2026-12-01T10:00:00Z"),
                Duration.ZERO, new SetupError(SetupError.Kind.ENGINE, "no Docker engine answers"));
    }

    @Test
    void shardsWhoseLessonsCouldNotBeSetUpMergeToExitStatusTwoAsTheRunWould() throws IOException {
        Path first = shardResults(new Shard(1, 2));
        Path second = shardResults(new Shard(2, 2));
        Path junit = dir.resolve("junit");

        Run merged = docproof("merge", course.toString(), "--results", first.toString(), second.toString(),
                "--junit", junit.toString());

        assertThat(merged.code()).isEqualTo(Main.SETUP_ERROR);
        assertThat(merged.out()).contains(course.resolve("network.md") + ": could not run the lesson: no Docker engine answers")
                .contains("course: 10 runnable: 0 passed, 0 ran, 0 repaired, 0 failed; 11 not run; 0 leaks; ");
        assertThat(merged.err()).isEqualTo(("docproof: no Docker engine answers\n").repeat(3));
        try (var files = Files.list(junit)) {
            assertThat(files.count()).isEqualTo(3);
        }
    }

    @Test
    void shardsThatNamedTheCourseByAnotherPathToTheSameFolderMerge() throws IOException {
        Path first = shardResults(new Shard(1, 2));
        Path second = shardResults(new Shard(2, 2));
        Path relative = Path.of("").toAbsolutePath().relativize(course);
        assertThat(relative.isAbsolute()).isFalse();

        Run merged = docproof("merge", relative.toString(), "--results", first.toString(), second.toString());

        assertThat(merged.err()).doesNotContain("nothing was merged");
        assertThat(merged.out()).contains(relative.resolve("network.md") + ": could not run the lesson")
                .contains("course: 10 runnable: ");
    }

    @Test
    void shardsThatReachedTheCourseThroughASymlinkedFolderMerge() throws IOException {
        Path first = shardResults(new Shard(1, 2));
        Path second = shardResults(new Shard(2, 2));
        Path link = Files.createSymbolicLink(dir.resolve("linked-course"), course);

        Run merged = docproof("merge", link.toString(), "--results", first.toString(), second.toString());

        assertThat(merged.err()).doesNotContain("nothing was merged");
        assertThat(merged.out()).contains(link.resolve("network.md") + ": could not run the lesson")
                .contains("course: 10 runnable: ");
    }

    @Test
    void aJUnitFolderThatIsAFileIsASetUpErrorSayingSo() throws IOException {
        Path first = shardResults(new Shard(1, 2));
        Path second = shardResults(new Shard(2, 2));
        Path junit = Files.writeString(dir.resolve("junit"), "a file\n");

        Run merged = docproof("merge", course.toString(), "--results", first.toString(), second.toString(),
                "--junit", junit.toString());

        assertThat(merged.code()).isEqualTo(Main.SETUP_ERROR);
        assertThat(merged.err()).endsWith("docproof: cannot write the JUnit reports into " + junit + ": it is a file,"
                + " not a folder; name a folder with --junit DIR\n");
        assertThat(junit).hasContent("a file");
    }

    @Test
    void aJsonReportThatCannotBeWrittenLeavesTheJUnitReportsWrittenAndSaysWhy() throws IOException {
        Path first = shardResults(new Shard(1, 2));
        Path second = shardResults(new Shard(2, 2));
        Path json = Files.writeString(dir.resolve("not-a-folder"), "a file\n").resolve("results.json");
        Path junit = dir.resolve("junit");

        Run merged = docproof("merge", course.toString(), "--results", first.toString(), second.toString(),
                "--json", json.toString(), "--junit", junit.toString());

        assertThat(merged.code()).isEqualTo(Main.SETUP_ERROR);
        assertThat(merged.err()).contains("docproof: cannot write the JSON report to " + json + ": ");
        try (var reports = Files.list(junit)) {
            assertThat(reports).isNotEmpty();
        }
    }

    /** What an interrupted run writes: the running step interrupted, the steps after it not run. */
    private static LessonResult interrupted(Plan plan) {
        List<StepResult> steps = new java.util.ArrayList<>();
        for (var step : plan.steps()) {
            steps.add(StepResult.notRun(step, step.kind() == StepKind.TEMPLATE ? Outcome.NotRun.TEMPLATE
                    : steps.isEmpty() ? new Outcome.Interrupted("SIGINT")
                    : new Outcome.NotRun(Outcome.NotRun.Why.AFTER_INTERRUPT, plan.steps().get(0).line())));
        }
        return new LessonResult(plan, steps, List.of(), List.of(), plan.diagnostics(), Instant.parse("2026-12-01T10:00:00Z"),
                Duration.ofSeconds(2), null);
    }

    @Test
    void anInterruptedShardMakesTheMergeExitAsTheInterruptedRunWould() throws IOException {
        Path first = shardResults(new Shard(1, 2), Interrupts.Signal.INT, MergeCommandTest::interrupted);
        Path second = shardResults(new Shard(2, 2));
        Path json = dir.resolve("merged.json");

        Run merged = docproof("merge", course.toString(), "--results", first.toString(), second.toString(),
                "--json", json.toString());

        assertThat(merged.code()).isEqualTo(130);
        assertThat(merged.out()).contains("interrupted by SIGINT while it ran");
        assertThat(merged.err()).endsWith("docproof: shard 1/2 (" + first + ") was interrupted by SIGINT: its steps not"
                + " reached were not run; run that shard again for the whole course's verdicts\n");
        assertThat(Files.readString(json)).contains("\"interrupted\" : \"SIGINT\"");
    }

    @Test
    void aSignalWhileTheMergedSiteIsWrittenLetsItBeFinishedAndExitsWithTheSignalsStatus() throws Exception {
        Path first = shardResults(new Shard(1, 2));
        Path second = shardResults(new Shard(2, 2));
        Path json = dir.resolve("merged.json");
        Path site = dir.resolve("site");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process merge = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "merge", course.toString(), "--results", first.toString(), second.toString(), "--json", json.toString(),
                "--site", "--out", site.toString())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(json) && Files.readString(json).strip().endsWith("}")) && merge.isAlive()
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(2);
            }
            assertThat(site.resolve("index.html")).as("the signal comes before the site is written").doesNotExist();
            new ProcessBuilder("kill", "-TERM", String.valueOf(merge.pid())).inheritIO().start().waitFor();
            assertThat(merge.waitFor(120, TimeUnit.SECONDS)).as("the merge ended").isTrue();
            String stderr = Files.readString(dir.resolve("stderr"));
            assertThat(merge.exitValue()).as(stderr).isEqualTo(143);
            assertThat(stderr).contains("docproof: interrupted by SIGTERM while the merged reports and the site were"
                    + " written: they were finished first").doesNotContain("internal error");
        } finally {
            merge.destroyForcibly();
        }
        assertThat(Files.readString(dir.resolve("stdout"))).contains("Site written to");
        assertThat(Files.readString(site.resolve("greeting.html"))).contains("</html>");
    }

    @Test
    void aMissingShardIsNamedAndNothingIsMerged() throws IOException {
        Path first = shardResults(new Shard(1, 2));
        Path json = dir.resolve("merged.json");

        Run merged = docproof("merge", course.toString(), "--results", first.toString(), "--json", json.toString());

        assertThat(merged.code()).isEqualTo(Main.SETUP_ERROR);
        assertThat(merged.out()).isEmpty();
        assertThat(merged.err()).isEqualTo("docproof: shard 2/2 is missing, so 2 lessons have no results: "
                + course.resolve("failing.md") + ", " + course.resolve("greeting.md") + ": give the results of every"
                + " shard (the file `docproof check --shard 2/2 --json FILE` wrote)\ndocproof: nothing was merged\n");
        assertThat(json).doesNotExist();
    }

    @Test
    void aLessonEditedSinceItsShardRanIsRefused() throws IOException {
        Path first = shardResults(new Shard(1, 2));
        Path second = shardResults(new Shard(2, 2));
        Files.writeString(course.resolve("failing.md"), "\nAn edit.\n", java.nio.file.StandardOpenOption.APPEND);

        Run merged = docproof("merge", course.toString(), "--results", first.toString(), second.toString());

        assertThat(merged.code()).isEqualTo(Main.SETUP_ERROR);
        assertThat(merged.err()).startsWith("docproof: " + course.resolve("failing.md") + ": changed since " + dir.resolve("shard-"))
                .contains("merge the results of a run of this very text").endsWith("docproof: nothing was merged\n");
    }

    @Test
    void aFileThatIsNotResultsIsNamed() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.json"), "[1, 2, 3]\n");

        Run merged = docproof("merge", course.toString(), "--results", notes.toString());

        assertThat(merged.code()).isEqualTo(Main.SETUP_ERROR);
        assertThat(merged.err()).startsWith("docproof: " + notes + ": not a docproof results file")
                .doesNotContain("Exception");
    }

    @Test
    void aFolderWithoutResultsSaysWhereTheLessonPathsGo() {
        Run merged = docproof("merge", "--results", course.toString());

        assertThat(merged.code()).isEqualTo(Main.SETUP_ERROR);
        assertThat(merged.err()).isEqualTo("docproof: " + course + ": a folder with no .json results in it; name the"
                + " shards' results after --results, and the lesson PATHs before it (docproof merge content --results"
                + " shard-*.json)\ndocproof: nothing was merged\n");
    }

    @Test
    void resultsAreRequired() {
        Run merged = docproof("merge", course.toString());

        assertThat(merged.code()).isEqualTo(Main.SETUP_ERROR);
        assertThat(merged.err()).startsWith("docproof: Missing required option: '--results=FILE'");
    }
}
