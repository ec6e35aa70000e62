package dev.docproof.report;

import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleReportTest {

    private static String plain(CourseResult course) {
        StringWriter text = new StringWriter();
        new ConsoleReport(new PrintWriter(text), false, true).report(course);
        return text.toString();
    }

    @Test
    void plainOutputListsStepsDriftAbridgedRepairLeaksAndSummaries() {
        assertThat(plain(Results.course(Results.networking()))).isEqualTo("""
                content/docker-networking.rst:45: ran      docker network ls
                content/docker-networking.rst:52: not-run  docker network inspect <network name>
                content/docker-networking.rst:241: passed   docker exec client curl -v server:8080/message
                  drift: line 247: 172.28.0.2 → 172.18.0.3
                  abridged: after line 251: 3 actual lines not shown in the sample (stderr, from "{ [31 bytes data]")
                content/docker-networking.rst:262: repaired docker network remove
                warning: content/docker-networking.rst:262: repaired to 'docker network remove networking-test' \
                (evidence: network networking-test created at line 194, still present); \
                run `docproof fix content/docker-networking.rst` to write it back
                content/docker-networking.rst:152: leaked network my-network (removed after the lesson)
                content/docker-networking.rst: 3 runnable: 1 passed, 1 ran, 1 repaired, 0 failed; 1 not run; 1 leak; 23.4s
                course: 3 runnable: 1 passed, 1 ran, 1 repaired, 0 failed; 1 not run; 1 leak; 23.4s (1 lesson, Docker engine 20.10.24)
                """);
    }

    @Test
    void everyOutcomeSaysWhatHappenedWithOutputTailDiffAndNotes() {
        assertThat(plain(Results.course(Results.failing(), Results.broken()))).isEqualTo("""
                content/failing.rst:5: failed   docker network remove
                  exited with 1
                  output (last 10 of 12 lines):
                  | line 3
                  | line 4
                  | line 5
                  | line 6
                  | line 7
                  | line 8
                  | line 9
                  | line 10
                  | line 11
                  | line 12
                  note: no repair: "docker network remove" requires at least 1 argument.
                content/failing.rst:9: failed   curl -s localhost:8080/ \\ …
                  the output does not match the sample at line 12
                  output:
                  | <html>
                  | 404 <File> not found
                  diff:
                  --- content/failing.rst (documented)
                  +++ actual output
                  @@ -12,2 +1,2 @@
                   <html>
                  -using container aliases & more
                  +404 <File> not found
                content/failing.rst:20: failed   docker run -it busybox
                  still running at its deadline of 60.0s; killed (raise the deadline with --timeout)
                  output:
                  | waiting
                content/failing.rst:23: skipped  brew install jq
                  skipped: needs brew, which is not installed
                content/failing.rst:25: not-run  echo never
                  not run: --fail-fast stopped the lesson at line 20
                content/failing.rst:3:1: warning: unknown directive "foo"
                content/failing.rst: 5 runnable: 0 passed, 0 ran, 0 repaired, 3 failed, 1 skipped; 1 not run; 0 leaks; 60.3s
                content/broken.rst:4: not-run  docker network create networking-test
                content/broken.rst: could not run the lesson: network networking-test already exists; remove it or rename it in the lesson
                content/broken.rst: 1 runnable: 0 passed, 0 ran, 0 repaired, 0 failed; 1 not run; 0 leaks; 10 ms
                course: 6 runnable: 0 passed, 0 ran, 0 repaired, 3 failed, 1 skipped; 2 not run; 0 leaks; 60.3s (2 lessons, Docker engine 20.10.24)
                """);
    }

    @Test
    void plainOutputHasNoColourNorCarriageReturnEvenWhenColourIsAsked() {
        String text = plain(Results.course(Results.failing(), Results.networking()));
        assertThat(text).doesNotContain("\u001b").doesNotContain("\r");
    }

    @Test
    void terminalShowsALiveProgressLineAndClearsItBeforeEachFinalLine() {
        StringWriter text = new StringWriter();
        AtomicLong nanos = new AtomicLong();
        ConsoleReport report = new ConsoleReport(new PrintWriter(text), true, false, 60, nanos::get);
        LessonResult lesson = Results.networking();
        report.lessonStarted(lesson.plan());
        report.stepStarted(lesson.steps().get(0).step());
        nanos.addAndGet(1_200_000_000L);
        report.tick();
        report.stepFinished(lesson.steps().get(0));
        report.stepStarted(lesson.steps().get(2).step());

        String first = "[1/3] content/docker-networking.rst:45 docker network… 0 ms";
        String ticked = "[1/3] content/docker-networking.rst:45 docker network… 1.2s";
        String second = "[2/3] content/docker-networking.rst:241 docker exec c… 0 ms";
        assertThat(List.of(first, ticked, second)).allMatch(l -> l.length() == 59); // shortened to fit 60 columns
        assertThat(text.toString()).isEqualTo("\r" + first + "\r" + ticked
                + "\r" + " ".repeat(ticked.length()) + "\r"
                + "content/docker-networking.rst:45: ran      docker network ls\n"
                + "\r" + second);
    }

    @Test
    void terminalColoursStatusesAndDiffLines() {
        StringWriter text = new StringWriter();
        ConsoleReport report = new ConsoleReport(new PrintWriter(text), true, true);
        LessonResult lesson = Results.failing();
        report.stepFinished(lesson.steps().get(1));
        assertThat(text.toString())
                .contains("content/failing.rst:9: \u001b[1;31mfailed  \u001b[0m curl")
                .contains("  \u001b[31m-using container aliases & more\u001b[0m\n")
                .contains("  \u001b[32m+404 <File> not found\u001b[0m\n")
                .contains("  \u001b[36m@@ -12,2 +1,2 @@\u001b[0m\n")
                .contains("   <html>\n");
    }

    @Test
    void setupProgressIsAPlainLineOffATerminal() {
        StringWriter text = new StringWriter();
        new ConsoleReport(new PrintWriter(text), false, false).setupProgress("building image launchcodedevops/simple-http");
        assertThat(text.toString()).isEqualTo("building image launchcodedevops/simple-http\n");
    }

    @Test
    void escapeSequencesFromOutputCommandsAndFileNamesAreShownEscapedNotObeyed() {
        java.nio.file.Path hostile = java.nio.file.Path.of("content/x\u001b]0;owned\u0007.rst");
        var step = Results.run(hostile, 3, "printf '\u001b[2J'");
        String output = "\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u001b]0;title\u0007\rgone\n";
        var failed = new dev.docproof.run.StepResult(step, new dev.docproof.run.Outcome.ExitCode(2, null),
                new dev.docproof.run.Output(output, output, ""), 2, java.time.Duration.ofMillis(10), List.of());
        StringWriter text = new StringWriter();
        ConsoleReport report = new ConsoleReport(new PrintWriter(text), true, true);

        report.report(Results.course(Results.lesson(hostile, List.of(failed), List.of(), java.time.Duration.ZERO,
                (String) null, List.of())));

        String shown = text.toString().replaceAll("\u001b\\[(0|31|32|33|36|2|1;31)m", "");
        assertThat(shown).doesNotContain("\u001b").doesNotContain("\u0007");
        // The output's tail is shown as a terminal would leave it (escapes rendered away, the line overwritten).
        assertThat(shown).contains("content/x\\x1b]0;owned\\x07.rst:3:", "printf '\\x1b[2J'", "  | gone\n");
    }

    @Test
    void theSuggestedFixCommandQuotesThePathForTheShell() {
        var step = Results.run(java.nio.file.Path.of("my lessons/it's.md"), 4, "docker network remove ");
        var repaired = new dev.docproof.run.StepResult(step, new dev.docproof.run.Outcome.Repaired(
                new dev.docproof.repair.Repair("docker network remove ", "docker network remove n", "n created at line 2"),
                new dev.docproof.run.Outcome.Ran()), dev.docproof.run.Output.NONE, 0, java.time.Duration.ofMillis(5),
                List.of());
        StringWriter text = new StringWriter();
        new ConsoleReport(new PrintWriter(text), false, false).stepFinished(repaired);

        assertThat(text.toString()).contains("run `docproof fix 'my lessons/it'\\''s.md'` to write it back");
    }

    @Test
    void onATerminalTheProgressLineNamesTheOtherLessonsRunningAndOffItNothingChanges() {
        LessonResult lesson = Results.networking();
        List<java.nio.file.Path> running = List.of(lesson.plan().lesson().source(), java.nio.file.Path.of("content/b.rst"));
        StringWriter terminal = new StringWriter();
        ConsoleReport live = new ConsoleReport(new PrintWriter(terminal), true, false, 200, () -> 0L);
        live.lessonsRunning(running);
        live.stepStarted(lesson.steps().get(0).step());
        assertThat(terminal.toString()).endsWith("content/docker-networking.rst:45 docker network ls 0 ms"
                + " | also running: b.rst");

        StringWriter plain = new StringWriter();
        ConsoleReport log = new ConsoleReport(new PrintWriter(plain), false, false);
        log.lessonsRunning(running);
        log.stepStarted(lesson.steps().get(0).step());
        assertThat(plain.toString()).isEmpty();
    }
}
