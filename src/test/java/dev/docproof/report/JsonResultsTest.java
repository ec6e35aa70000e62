package dev.docproof.report;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.repair.Repair;
import dev.docproof.run.CourseResult;
import dev.docproof.run.Interrupts;
import dev.docproof.run.Leak;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Note;
import dev.docproof.run.Outcome;
import dev.docproof.run.Output;
import dev.docproof.run.SetupError;
import dev.docproof.run.Shard;
import dev.docproof.run.StepResult;
import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.Resource;
import dev.docproof.shell.ResourceKind;
import dev.docproof.verify.MatchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Results written by {@link JsonReport} and read back by {@link JsonResults} are the records the run made. */
class JsonResultsTest {

    private static final MatchResult MATCHED = new MatchResult(MatchResult.Outcome.MATCHED,
            List.of("line 247: 172.28.0.2 → 172.18.0.3"), List.of("after line 251: 3 actual lines not shown"), null);
    private static final MatchResult MISMATCHED = new MatchResult(MatchResult.Outcome.MISMATCHED, List.of(), List.of(),
            Results.DIFF);
    private static final MatchResult NO_SAMPLE = new MatchResult(MatchResult.Outcome.NO_SAMPLE, List.of(), List.of(), null);
    private static final Repair REPAIR = new Repair("docker network remove ", "docker network remove networking-test",
            "network networking-test created at line 194, still present");
    private static final LedgerEntry NETWORK = new LedgerEntry(new Resource(ResourceKind.NETWORK,
            "4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b", "networking-test"), 194,
            "Custom Network Example", 0);
    private static final LedgerEntry VOLUME = new LedgerEntry(new Resource(ResourceKind.VOLUME, "data", "data"), 0, "", 210);

    /** One of every outcome kind, nested ones included, each with the fields that make it. */
    static List<Outcome> everyOutcome() {
        return List.of(
                new Outcome.Passed(MATCHED, 246),
                new Outcome.Passed(null, 0),
                new Outcome.Ran(),
                new Outcome.ExitCode(1, null),
                new Outcome.ExitCode(0, "the step called exit; the shell was started again"),
                new Outcome.Mismatch(MISMATCHED, 12),
                new Outcome.TimedOut(Duration.ofMillis(1500), null),
                new Outcome.TimedOut(Duration.ofSeconds(60), "the shell stopped answering"),
                new Outcome.NotReady("port 8080 not listening after 30s"),
                new Outcome.Interrupted("INT"),
                new Outcome.DiskShort("the disk holding /var/lib/docker has 950 MB free, less than the 1 GB docproof keeps"
                        + " free (--min-free-disk)"),
                new Outcome.Repaired(REPAIR, new Outcome.Ran()),
                new Outcome.Repaired(REPAIR, new Outcome.Passed(NO_SAMPLE, 9)),
                new Outcome.Bound("docker inspect 3f2a1b0c9d8e", "<id> → 3f2a1b0c9d8e", new Outcome.Ran()),
                new Outcome.Bound("docker logs 3f2a1b0c9d8e", "<id> → 3f2a1b0c9d8e", new Outcome.ExitCode(1, null), true),
                new Outcome.Written("Dockerfile"),
                new Outcome.Started("port 8765 listening after 120 ms"),
                new Outcome.Skipped("needs brew, which is not installed"),
                Outcome.NotRun.TEMPLATE,
                Outcome.NotRun.LESSON_NOT_RUN,
                new Outcome.NotRun(Outcome.NotRun.Why.AFTER_FAIL_FAST, 20),
                new Outcome.NotRun(Outcome.NotRun.Why.AFTER_INTERRUPT, 31),
                new Outcome.NotRun(Outcome.NotRun.Why.AFTER_DISK_SHORT, 44));
    }

    /** One of every note kind. */
    static List<Note> everyNote() {
        return List.of(
                new Note.ShellEvent("the step called exit; the shell was started again"),
                new Note.LedgerBlind("connection refused"),
                new Note.EngineUnanswered("unix:///var/run/docker.sock", "POST /containers/create",
                        java.time.Duration.ofMillis(58_250), false),
                new Note.NoRepair("two networks could be meant", List.of(NETWORK, VOLUME)),
                new Note.NoRepair("\"docker network remove\" requires at least 1 argument.", List.of()),
                new Note.Unbound("no container the lesson made"),
                new Note.FailureShown(51, 1),
                new Note.OutOfMemory(3_000_000_000L),
                new Note.BesideTheLesson(List.of("app", "run.sh")),
                new Note.SandboxDevices(),
                new Note.TerminalWanted(),
                new Note.OtherBuilder(),
                new Note.StoppedLikeCtrlC(java.time.Duration.ofSeconds(5)),
                new Note.ServerStarting(List.of("web"), java.time.Duration.ofMillis(500)),
                new Note.OutlivedBy(List.of("web")),
                new Note.RepairFailed(REPAIR, new Outcome.ExitCode(1, null)));
    }

    @Test
    void theTestsCoverEveryKindOfOutcomeAndNote() {
        assertThat(kinds(everyOutcome())).isEqualTo(leaves(Outcome.class));
        assertThat(kinds(everyNote())).isEqualTo(leaves(Note.class));
    }

    @Test
    void everyOutcomeAndNoteIsReadBackAsTheRecordTheRunMade(@TempDir Path dir) throws Exception {
        Path file = lessonFile(dir, "every.rst", "every outcome\n");
        List<StepResult> steps = new ArrayList<>();
        List<Outcome> outcomes = everyOutcome();
        List<Note> notes = everyNote();
        for (int i = 0; i < outcomes.size(); i++) {
            Step step = Results.step(file, 10 + 3 * i, i % 5 == 4 ? StepKind.TEMPLATE : StepKind.RUN,
                    "echo step " + i + (i == 2 ? " \\\n  continued" : ""), i % 2 == 0 ? Sample.NONE
                            : new Sample(List.of("step " + i, "..."), 11 + 3 * i));
            steps.add(new StepResult(step, outcomes.get(i), new Output("out " + i + "\r\nerr\n", "out " + i + "\r\n", "err\n"),
                    i % 3 == 0 ? null : i, Duration.ofNanos(1_234_567L * (i + 1)), i < notes.size() ? List.of(notes.get(i)) : List.of()));
        }
        LessonResult written = Results.lesson(file, steps, List.of(), Duration.ofMillis(5), (SetupError) null, List.of());
        SourceSpan included = new SourceSpan(dir.resolve("part.rst"), 3, 5, new SourceSpan(file, 40, 1));
        LessonResult lesson = new LessonResult(written.plan(), steps,
                List.of(new Leak(ResourceKind.NETWORK, "my-network", 152, true), new Leak(ResourceKind.CONTAINER, "web", 160, false)),
                List.of(NETWORK, VOLUME),
                List.of(Diagnostic.warning(new SourceSpan(file, 3, 1), "unknown directive \"foo\""),
                        Diagnostic.error(included, "unterminated literal")),
                Instant.parse("2026-11-30T11:46:04.123456789Z"), Duration.ofNanos(23_400_000_123L), null,
                List.of(new Finding(new SourceSpan(file, 13, 12), Finding.Kind.UNKNOWN_OPTION,
                                "`docker run` has no option --netwrok", Optional.of("--network"), Optional.of("docker run --help")),
                        new Finding(included, Finding.Kind.UNVERIFIED_TEMPLATE, "nothing runs this template",
                                Optional.empty(), Optional.empty())));
        CourseResult course = new CourseResult(List.of(lesson), "20.10.24", Results.STARTED, Duration.ofMillis(23_500));

        JsonResults.Read read = readBack(dir, course, new Shard(2, 3), plansOf(lesson));

        assertThat(read.lessons()).containsExactly(lesson);
        assertThat(read.shard()).isEqualTo(new Shard(2, 3));
        assertThat(read.engineVersion()).isEqualTo("20.10.24");
        assertThat(read.started()).isEqualTo(Results.STARTED);
        assertThat(read.duration()).isEqualTo(Duration.ofMillis(23_500));
    }

    @Test
    void lessonsOfTheReportFixturesAreReadBackWholeWithTheirSetupErrors(@TempDir Path dir) throws Exception {
        CourseResult course = Results.course(Results.networking(), Results.failing(), Results.broken());

        JsonResults.Read read = readBack(dir, course, null, plansOf(course.lessons().toArray(LessonResult[]::new)));

        assertThat(read.lessons()).isEqualTo(course.lessons());
        assertThat(read.lessons().get(2).setupError()).isEqualTo(Results.broken().setupError());
        assertThat(read.shard()).isNull();
    }

    @Test
    void theSignalThatInterruptedARunIsReadBack(@TempDir Path dir) throws Exception {
        CourseResult course = Results.course(Results.networking());
        StringWriter text = new StringWriter();
        JsonReport.write(course, new JsonReport.Scope(new Shard(1, 2), Interrupts.Signal.TERM), text);
        Path file = Files.writeString(dir.resolve("shard-1.json"), text.toString());

        JsonResults.Read read = JsonResults.read(file, plansOf(course.lessons().get(0)));

        assertThat(read.interrupted()).isEqualTo(Interrupts.Signal.TERM);
        assertThat(text.toString()).contains("\"interrupted\" : \"SIGTERM\"");
        assertThat(readBack(dir, course, null, plansOf(course.lessons().get(0))).interrupted()).isNull();
    }

    @Test
    void resultsWrittenBeforeRunsRecordedTheirSignalReadAsRunToTheirEnd(@TempDir Path dir) throws Exception {
        CourseResult course = Results.course(Results.networking());
        String written = JsonReport.toJson(course);
        Path file = Files.writeString(dir.resolve("shard-1.json"), written.replaceFirst("\"interrupted\" : null,\\s*", ""));
        assertThat(Files.readString(file)).doesNotContain("interrupted").hasSizeLessThan(written.length());

        JsonResults.Read read = JsonResults.read(file, plansOf(course.lessons().get(0)));

        assertThat(read.interrupted()).isNull();
        assertThat(read.lessons()).isEqualTo(course.lessons());
    }

    @Test
    void aFileThatIsNotJsonIsNamedWithTheLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("shard-1.json"), "{\n  \"format\": \"docproof-results\",\n  oops\n}\n");

        assertThatThrownBy(() -> JsonResults.read(file, p -> null)).isInstanceOf(ResultsException.class)
                .hasMessageStartingWith(file + ":3:3: not JSON (");
    }

    @Test
    void resultsCutShortAreNamedAsSuchWithWhatToDo(@TempDir Path dir) throws Exception {
        String whole = JsonReport.toJson(Results.course(Results.networking()));
        // Cut within a value, and after an entry's comma, as a copy that stopped at any byte leaves it.
        for (int end : List.of(whole.length() / 2, whole.indexOf("\"line\"", whole.length() / 2) - 2)) {
            Path file = Files.writeString(dir.resolve("shard-2.json"), whole.substring(0, end));

            assertThatThrownBy(() -> JsonResults.read(file, p -> null)).isInstanceOf(ResultsException.class)
                    .hasMessageStartingWith(file + ":")
                    .hasMessageEndingWith(": the results end before they are whole: the file was cut short (a copy or an"
                            + " upload that did not finish, or a run stopped while writing it); give the shard's whole"
                            + " results, or run that shard again");
        }
    }

    @Test
    void anEmptyOrMissingFileIsNamedAsSuchWithWhatToDo(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("shard-3.json"), "\n");
        Path missing = dir.resolve("shard-4.json");

        assertThatThrownBy(() -> JsonResults.read(empty, p -> null)).isInstanceOf(ResultsException.class)
                .hasMessage(empty + ": empty: the shard's results were not written (a run stopped before its reports,"
                        + " or a copy or an upload that did not finish); give the shard's whole results, or run that"
                        + " shard again");
        assertThatThrownBy(() -> JsonResults.read(missing, p -> null)).isInstanceOf(ResultsException.class)
                .hasMessage(missing + ": no such file: give the files `docproof check --shard K/N --json FILE` wrote,"
                        + " or a folder holding them");
    }

    @Test
    void jsonThatIsNotDocproofResultsIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("junit.json"), "{\"tests\": 3}\n");

        assertThatThrownBy(() -> JsonResults.read(file, p -> null)).isInstanceOf(ResultsException.class)
                .hasMessage(file + ": not a docproof results file (it has no \"format\": \"docproof-results\"): give the"
                        + " files `docproof check --shard K/N --json FILE` wrote (a docproof older than `merge` does not write them)");
    }

    @Test
    void aNewerFormatVersionIsRefusedWithWhatToDo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("shard-1.json"),
                "{\"format\": \"docproof-results\", \"formatVersion\": 2, \"shard\": null, \"lessons\": []}\n");

        assertThatThrownBy(() -> JsonResults.read(file, p -> null)).isInstanceOf(ResultsException.class)
                .hasMessage(file + ": /formatVersion: results format 2, but this docproof reads format 1: merge with the"
                        + " docproof version that ran the shards");
    }

    @Test
    void anUnknownOutcomeKindIsNamedByItsPlaceInTheFile(@TempDir Path dir) throws Exception {
        CourseResult course = Results.course(Results.networking());
        Path file = dir.resolve("shard.json");
        Files.writeString(file, JsonReport.toJson(course).replace("\"kind\" : \"repaired\"", "\"kind\" : \"teleported\""));

        assertThatThrownBy(() -> JsonResults.read(file, plansOf(course.lessons().get(0))))
                .isInstanceOf(ResultsException.class)
                .hasMessage(file + ": /lessons/0/steps/3/outcome/kind: \"teleported\" is no outcome this docproof knows:"
                        + " merge with the docproof version that ran the shards");
    }

    @Test
    void aMissingFieldIsNamedByItsPlaceInTheFile(@TempDir Path dir) throws Exception {
        CourseResult course = Results.course(Results.networking());
        Path file = dir.resolve("shard.json");
        Files.writeString(file, JsonReport.toJson(course).replaceFirst("\"stdout\" : \"\",\\s*", ""));

        assertThatThrownBy(() -> JsonResults.read(file, plansOf(course.lessons().get(0))))
                .isInstanceOf(ResultsException.class)
                .hasMessage(file + ": /lessons/0/steps/1: no field \"stdout\"");
    }

    /** A negative duration is no run's: the file was edited or made by something else. */
    @Test
    void aNegativeDurationIsNamedByItsPlaceInTheFile(@TempDir Path dir) throws Exception {
        CourseResult course = Results.course(Results.networking());
        Path file = dir.resolve("shard.json");
        String json = JsonReport.toJson(course);
        assertThat(json).contains("\"duration\" : \"PT0.312S\"");
        Files.writeString(file, json.replace("\"duration\" : \"PT0.312S\"", "\"duration\" : \"-PT0.312S\""));

        assertThatThrownBy(() -> JsonResults.read(file, plansOf(course.lessons().get(0))))
                .isInstanceOf(ResultsException.class)
                .hasMessage(file + ": /lessons/0/steps/2/duration: a negative duration: -PT0.312S");
    }

    @Test
    void aLessonTheCourseDoesNotHoldIsRefused(@TempDir Path dir) throws Exception {
        CourseResult course = Results.course(Results.networking());
        Path file = dir.resolve("shard.json");
        Files.writeString(file, JsonReport.toJson(course));

        assertThatThrownBy(() -> JsonResults.read(file, p -> null)).isInstanceOf(ResultsException.class)
                .hasMessage(file + ": /lessons/0: the lesson content/docker-networking.rst is not among the lessons"
                        + " merged: name the same lesson PATHs as the shards did, from the same folder");
    }

    @Test
    void aLessonNameNoFileCanHaveIsNamedByItsPlaceInTheFile(@TempDir Path dir) throws Exception {
        CourseResult course = Results.course(Results.networking());
        Path file = dir.resolve("shard.json");
        Files.writeString(file, JsonReport.toJson(course).replace("content/docker-networking.rst", "content/x\\u0000.rst"));

        assertThatThrownBy(() -> JsonResults.read(file, plansOf(course.lessons().get(0))))
                .isInstanceOf(ResultsException.class)
                .hasMessage(file + ": /lessons/0/source: \"content/x\u0000.rst\" cannot be a file name here (it holds a"
                        + " NUL character): the results file was damaged; give the file docproof wrote");
    }

    @Test
    void aLessonWhoseNameALocaleGarbledSaysToRunInAUtf8Locale(@TempDir Path dir) throws Exception {
        CourseResult course = Results.course(Results.networking());
        Path file = dir.resolve("shard.json");
        Files.writeString(file, JsonReport.toJson(course).replace("docker-networking", "\uFFFD\uFFFDandu"));

        assertThatThrownBy(() -> JsonResults.read(file, plansOf(course.lessons().get(0))))
                .isInstanceOf(ResultsException.class)
                .hasMessage(file + ": /lessons/0: the lesson content/\uFFFD\uFFFDandu.rst is not among the lessons merged:"
                        + " its name lost characters (\uFFFD) in the locale of the run that wrote it, which read file"
                        + " names as ASCII: run docproof in a UTF-8 locale (export LC_ALL=C.UTF-8), the same for every"
                        + " shard and the merge");
    }

    @Test
    void resultsOfAnotherCourseAreOneProblemNotOneALesson(@TempDir Path dir) throws Exception {
        CourseResult course = Results.course(Results.networking(), Results.failing(), Results.broken());
        Path file = Files.writeString(dir.resolve("shard.json"), JsonReport.toJson(course));

        assertThatThrownBy(() -> JsonResults.read(file, p -> null)).isInstanceOf(ResultsException.class)
                .hasMessage(file + ": none of its 3 lessons is among the lessons merged (content/docker-networking.rst,"
                        + " content/failing.rst, content/broken.rst): these are the results of another course, or of"
                        + " other lesson PATHs: name the same lessons as the shards did");
    }

    @Test
    void aLessonEditedSinceItsShardRanIsRefused(@TempDir Path dir) throws Exception {
        Path lessonFile = lessonFile(dir, "lesson.rst", "as it ran\n");
        LessonResult lesson = Results.lesson(lessonFile, List.of(Results.ran(Results.run(lessonFile, 4, "ls"), 3, "")),
                List.of(), Duration.ZERO, (SetupError) null, List.of());
        Path file = dir.resolve("shard.json");
        Files.writeString(file, JsonReport.toJson(Results.course(lesson)));
        Files.writeString(lessonFile, "as it is now\n");

        assertThatThrownBy(() -> JsonResults.read(file, plansOf(lesson))).isInstanceOf(ResultsException.class)
                .hasMessage(lessonFile + ": changed since " + file + " was written (its SHA-256 then "
                        + sha256("as it ran\n") + ", now " + sha256("as it is now\n") + "): merge the results of a run of"
                        + " this very text; run the shards and the merge on the same commit");
    }

    @Test
    void stepsThatDifferFromTheOnesThatRanAreRefusedWithTheLine(@TempDir Path dir) throws Exception {
        Path lessonFile = lessonFile(dir, "lesson.rst", "same bytes\n");
        LessonResult ran = Results.lesson(lessonFile, List.of(Results.ran(Results.run(lessonFile, 4, "ls -l"), 3, "")),
                List.of(), Duration.ZERO, (SetupError) null, List.of());
        LessonResult now = Results.lesson(lessonFile, List.of(Results.ran(Results.run(lessonFile, 4, "ls -la"), 3, "")),
                List.of(), Duration.ZERO, (SetupError) null, List.of());
        Path file = dir.resolve("shard.json");
        Files.writeString(file, JsonReport.toJson(Results.course(ran)));

        assertThatThrownBy(() -> JsonResults.read(file, plansOf(now))).isInstanceOf(ResultsException.class)
                .hasMessage(lessonFile + ":4: step 1 of the lesson is `ls -la` at line 4 now, but " + file + " ran `ls -l`"
                        + " at line 4: a file the lesson includes or the course's docproof.yml changed since; run the"
                        + " shards and the merge on the same commit");
    }

    static Path lessonFile(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static Function<Path, Plan> plansOf(LessonResult... lessons) {
        Map<Path, Plan> plans = new java.util.HashMap<>();
        for (LessonResult lesson : lessons) {
            plans.put(lesson.plan().lesson().source().normalize(), lesson.plan());
        }
        return plans::get;
    }

    static JsonResults.Read readBack(Path dir, CourseResult course, Shard shard, Function<Path, Plan> plans)
            throws Exception {
        StringWriter text = new StringWriter();
        JsonReport.write(course, new JsonReport.Scope(shard, null), text);
        Path file = Files.writeString(Files.createTempFile(dir, "results", ".json"), text.toString());
        return JsonResults.read(file, plans);
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Set<Class<?>> kinds(List<?> values) {
        Set<Class<?>> kinds = new HashSet<>();
        values.forEach(v -> kinds.add(v.getClass()));
        return kinds;
    }

    /** The records of a sealed hierarchy. */
    private static Set<Class<?>> leaves(Class<?> sealed) {
        Set<Class<?>> leaves = new HashSet<>();
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (sub.isSealed()) {
                leaves.addAll(leaves(sub));
            } else {
                leaves.add(sub);
            }
        }
        return leaves;
    }
}
