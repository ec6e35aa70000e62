package dev.docproof.cli;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.repair.Repair;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Output;
import dev.docproof.run.Status;
import dev.docproof.run.Note;
import dev.docproof.run.Outcome;
import dev.docproof.run.SetupError;
import dev.docproof.run.StepResult;
import dev.docproof.verify.MatchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FixWriteBackTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    Path lesson;

    Path copy(String from) throws IOException {
        Path target = dir.resolve(Path.of(from).getFileName());
        Files.copy(Path.of(from), target);
        return target;
    }

    int fix(boolean updateSamples, boolean dryRun, LessonResult... results) {
        var outcome = FixWriteBack.apply(List.of(results), updateSamples, dryRun);
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        int code = FixCommand.report(outcome, o, e);
        o.flush();
        e.flush();
        return code;
    }

    Step step(int line, String command, Sample sample) {
        return new Step(new SourceSpan(lesson, line, 3), line, StepKind.RUN, command, sample, "Custom Network Example");
    }

    LessonResult result(StepResult... steps) {
        Lesson read = new Lesson(lesson, Lesson.Format.RST, "t", List.of(), List.of());
        return new LessonResult(new Plan(read, List.of(), List.of()), List.of(steps), List.of(), List.of(), List.of(),
                Instant.EPOCH, Duration.ZERO, null);
    }

    static StepResult passed(Step step) {
        return new StepResult(step, new Outcome.Ran(), Output.NONE, 0, Duration.ofMillis(5), List.of());
    }

    StepResult repairedGap() {
        Step gap = step(262, "docker network remove ", Sample.NONE);
        return new StepResult(gap, new Outcome.Repaired(new Repair("docker network remove ",
                "docker network remove networking-test",
                "networking-test: created at content/docker-networking.rst:194 and still present"), new Outcome.Ran()),
                new Output("networking-test\n", "networking-test\n", ""), 0, Duration.ofMillis(40), List.of());
    }

    static StepResult mismatched(Step step, int exitCode, String output) {
        Outcome outcome = exitCode != 0 ? new Outcome.ExitCode(exitCode, null)
                : new Outcome.Mismatch(new MatchResult(MatchResult.Outcome.MISMATCHED, List.of(), List.of(), "diff"),
                step.sample().firstLine());
        return new StepResult(step, outcome, new Output(output, output, ""), exitCode, Duration.ofMillis(5), List.of());
    }

    @Test
    void theRepairIsWrittenBackAndOnlyItsLineChanges() throws IOException {
        lesson = copy("content/docker-networking.rst");
        byte[] before = Files.readAllBytes(lesson);

        int code = fix(false, false, result(passed(step(259, "docker stop server client", Sample.NONE)), repairedGap()));

        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(out.toString()).isEqualTo(lesson + ":262: docker network remove → docker network remove networking-test\n");
        assertThat(err.toString()).isEmpty();
        String expected = new String(before, StandardCharsets.UTF_8)
                .replace("  $ docker network remove \n", "  $ docker network remove networking-test\n");
        assertThat(Files.readAllBytes(lesson)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(lesson);
        }
    }

    @Test
    void aSymlinkedLessonIsFixedWhereItsLinkPointsKeepingModeAndOwner() throws Exception {
        Path real = copy("content/docker-networking.rst");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-rw----"));
        UserPrincipal nobody = real.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(real, nobody); // the tests run as root here, as `fix` may
        Path links = Files.createDirectories(dir.resolve("links"));
        lesson = Files.createSymbolicLink(links.resolve("lesson.rst"), real);

        int code = fix(false, false, result(repairedGap()));

        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(Files.isSymbolicLink(lesson)).as("the link stays a link").isTrue();
        assertThat(Files.readString(real)).contains("  $ docker network remove networking-test\n");
        assertThat(Files.getPosixFilePermissions(real)).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
        assertThat(Files.getOwner(real)).isEqualTo(nobody);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(real, links);
        }
    }

    @Test
    void aReadOnlyLessonIsNotRewrittenEvenWhereItCouldBe() throws IOException {
        lesson = copy("content/docker-networking.rst");
        byte[] before = Files.readAllBytes(lesson);
        Files.setPosixFilePermissions(lesson, PosixFilePermissions.fromString("r--r--r--"));

        int code = fix(false, false, result(repairedGap()));

        assertThat(code).isEqualTo(Main.SETUP_ERROR);
        assertThat(err.toString()).contains(lesson + ": cannot write the fix back (the file is unchanged): the lesson is"
                + " read-only (r--r--r--); make it writable (chmod u+w) for fix to write it");
        assertThat(Files.readAllBytes(lesson)).isEqualTo(before);
        assertThat(Files.getPosixFilePermissions(lesson)).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
    }

    @Test
    void aDryRunPrintsTheDiffAndWritesNothing() throws IOException {
        lesson = copy("content/docker-networking.rst");
        byte[] before = Files.readAllBytes(lesson);

        int code = fix(false, true, result(repairedGap()));

        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(Files.readAllBytes(lesson)).isEqualTo(before);
        assertThat(out.toString()).startsWith("--- a/" + lesson + "\n+++ b/" + lesson + "\n@@ -259,7 +259,7 @@\n")
                .contains("\n-  $ docker network remove \n+  $ docker network remove networking-test\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFailureNothingCouldRepairIsReportedWithExitCodeOne() throws IOException {
        lesson = copy("content/docker-networking.rst");
        byte[] before = Files.readAllBytes(lesson);
        StepResult failed = new StepResult(step(262, "docker network remove ", Sample.NONE), new Outcome.ExitCode(1, null),
                Output.NONE, 1, Duration.ofMillis(30), List.of(new Note.NoRepair("the lesson created no network", List.of())));

        int code = fix(false, false, result(failed));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(lesson + ":262: still failing: docker network remove — exited with 1;"
                + " no repair: the lesson created no network\ndocproof: 1 failure(s) could not be repaired\n");
        assertThat(Files.readAllBytes(lesson)).isEqualTo(before);
    }

    @Test
    void aFileChangedSinceTheRunIsLeftAloneAndReported() throws IOException {
        lesson = copy("content/docker-networking.rst");
        String edited = Files.readString(lesson).replace("  $ docker network remove \n", "  $ docker network rm mine\n");
        Files.writeString(lesson, edited);

        int code = fix(false, false, result(repairedGap()));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith(lesson + ":262:1: error: the line no longer reads `docker network remove`");
        assertThat(Files.readString(lesson)).isEqualTo(edited);
    }

    @Test
    void samplesAreRewrittenOnlyWhenAsked() throws IOException {
        lesson = copy("src/test/resources/repair/sample-drift.rst");
        byte[] before = Files.readAllBytes(lesson);
        StepResult echo = mismatched(step(11, "echo hello", new Sample(List.of("hello, world"), 12)), 0, "hello\n");

        assertThat(fix(false, false, result(echo))).isEqualTo(1);
        assertThat(Files.readAllBytes(lesson)).isEqualTo(before);

        assertThat(fix(true, false, result(echo))).isZero();
        assertThat(Files.readString(lesson)).isEqualTo(new String(before, StandardCharsets.UTF_8)
                .replace("  hello, world\n", "  hello\n"));
        assertThat(out.toString()).endsWith(lesson + ":12: output sample updated (1 lines, 0 kept, now 1)\n");
    }

    @Test
    void aSampleBelowSeveralCommandsIsRewrittenFromWhatTheWholeBlockPrinted() throws IOException {
        lesson = copy("src/test/resources/repair/block-sample.rst");
        byte[] before = Files.readAllBytes(lesson);
        StepResult hello = new StepResult(step(6, "echo hello", Sample.NONE), new Outcome.Ran(),
                new Output("hello\n", "hello\n", ""), 0, Duration.ofMillis(5), List.of());
        StepResult world = mismatched(step(7, "echo world", new Sample(List.of("hello", "there"), 13, 1)), 0, "world\n");

        assertThat(fix(true, false, result(hello, world))).isZero();

        assertThat(Files.readString(lesson)).isEqualTo(new String(before, StandardCharsets.UTF_8)
                .replace("   there\n", "   world\n"));
    }

    @Test
    void aSampleKeepsItsPlaceholdersAndElisionsWhenRewritten() throws IOException {
        lesson = copy("src/test/resources/repair/sample-drift.rst");
        byte[] before = Files.readAllBytes(lesson);
        Step ls = step(6, "docker volume ls", new Sample(List.of("DRIVER    VOLUME NAME", "local     <volume>", "..."), 7));
        StepResult drifted = mismatched(ls, 0, "DRIVER     NAME\nlocal     data\nlocal     logs\n");

        assertThat(fix(true, false, result(drifted))).isZero();

        assertThat(Files.readString(lesson)).isEqualTo(new String(before, StandardCharsets.UTF_8)
                .replace("  DRIVER    VOLUME NAME\n", "  DRIVER     NAME\n"));
    }

    @Test
    void theOutputOfACommandThatFailedNeverBecomesASample() throws IOException {
        lesson = copy("src/test/resources/repair/sample-drift.rst");
        byte[] before = Files.readAllBytes(lesson);
        StepResult broken = mismatched(step(11, "echo hello", new Sample(List.of("hello, world"), 12)), 2,
                "bash: oops\n");

        assertThat(fix(true, false, result(broken))).isEqualTo(1);
        assertThat(Files.readAllBytes(lesson)).isEqualTo(before);
    }

    @Test
    void aLessonThatCouldNotRunIsASetUpError() throws IOException {
        lesson = copy("content/docker-networking.rst");
        Lesson read = new Lesson(lesson, Lesson.Format.RST, "t", List.of(), List.of());
        LessonResult notRun = new LessonResult(new Plan(read, List.of(), List.of()), List.of(), List.of(), List.of(),
                List.of(), Instant.EPOCH, Duration.ZERO, new SetupError(SetupError.Kind.ENGINE, "the engine does not answer"));

        assertThat(fix(false, false, notRun)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(lesson + ": not run: the engine does not answer\n");
    }

    @Test
    void anUnreadableLessonCountsAsAFailure() {
        lesson = dir.resolve("broken.rst");
        Lesson read = new Lesson(lesson, Lesson.Format.RST, "", List.of(),
                List.of(Diagnostic.error(new SourceSpan(lesson, 1, 1), "not valid UTF-8")));
        LessonResult unreadable = new LessonResult(new Plan(read, List.of(), read.diagnostics()), List.of(), List.of(),
                List.of(), List.of(), Instant.EPOCH, Duration.ZERO, null);

        assertThat(fix(false, false, unreadable)).isEqualTo(1);
        assertThat(err.toString()).startsWith(lesson + ":1:1: error: not valid UTF-8\n");
    }

    @Test
    void nothingToFixSaysSo() throws IOException {
        lesson = copy("content/docker-networking.rst");

        assertThat(fix(true, false, result(passed(step(259, "docker stop server client", Sample.NONE))))).isZero();
        assertThat(out.toString()).isEqualTo("nothing to fix\n");
    }

    StepResult boundTemplate(String boundCommand) {
        Step template = new Step(new SourceSpan(lesson, 52, 3), 52, StepKind.TEMPLATE, "docker network inspect <network name>",
                Sample.NONE, "Using the Default Network");
        return new StepResult(template, new Outcome.Bound(boundCommand, "<network name> → my-net (network my-net made at"
                + " line 40 and still there)", new Outcome.Ran()), Output.NONE, 0, Duration.ofMillis(5), List.of());
    }

    @Test
    void boundStepsAreWrittenBackOnlyWhenAskedFor() throws IOException {
        lesson = copy("content/docker-networking.rst");
        byte[] before = Files.readAllBytes(lesson);

        FixWriteBack.apply(List.of(result(boundTemplate("docker network inspect my-net"))), false, false);
        assertThat(Files.readAllBytes(lesson)).isEqualTo(before);

        var written = FixWriteBack.apply(List.of(result(boundTemplate("docker network inspect my-net"))), false, false, true);
        assertThat(written.changes()).containsExactly(lesson + ":52: docker network inspect <network name> → docker network"
                + " inspect my-net");
        assertThat(new String(Files.readAllBytes(lesson), StandardCharsets.UTF_8))
                .contains("  $ docker network inspect my-net\n").doesNotContain("$ docker network inspect <network name>\n");
    }

    @Test
    void aBindingToAnIdTheEngineMadeUpIsNeverWrittenBack() throws IOException {
        lesson = copy("content/docker-networking.rst");
        byte[] before = Files.readAllBytes(lesson);

        var written = FixWriteBack.apply(List.of(result(boundTemplate("docker network inspect 3f9a1c2be4d7"))), false,
                false, true);

        assertThat(written.changes()).isEmpty();
        assertThat(written.unfixed()).singleElement().asString().contains("made up, which changes every run");
        assertThat(Files.readAllBytes(lesson)).isEqualTo(before);
    }
}
