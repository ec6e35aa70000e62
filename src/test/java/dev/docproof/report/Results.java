package dev.docproof.report;

import dev.docproof.shell.ResourceKind;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.repair.Repair;
import dev.docproof.run.CourseResult;
import dev.docproof.run.Leak;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Note;
import dev.docproof.run.Outcome;
import dev.docproof.run.Output;
import dev.docproof.run.SetupError;
import dev.docproof.run.Status;
import dev.docproof.run.StepResult;
import dev.docproof.verify.MatchResult;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Result values as a run would produce them, for the rendering tests. */
final class Results {

    static final Path NETWORKING = Path.of("content/docker-networking.rst");
    static final Path FAILING = Path.of("content/failing.rst");
    static final Path BROKEN = Path.of("content/broken.rst");
    static final Instant STARTED = Instant.parse("2026-11-30T11:46:04Z");

    static final String CURL = "docker exec client curl -v server:8080/message";
    static final String DIFF = """
            --- content/failing.rst (documented)
            +++ actual output
            @@ -12,2 +1,2 @@
             <html>
            -using container aliases & more
            +404 <File> not found
            """;

    private Results() {}

    static Step step(Path file, int line, StepKind kind, String command, Sample sample) {
        return new Step(new SourceSpan(file, line, 3), line, kind, command, sample, "Custom Network Example");
    }

    static Step run(Path file, int line, String command) {
        return step(file, line, StepKind.RUN, command, Sample.NONE);
    }

    static MatchResult matched(List<String> drift, List<String> abridged) {
        return new MatchResult(MatchResult.Outcome.MATCHED, drift, abridged, null);
    }

    static StepResult passed(Step step, long millis, String stdout, MatchResult match) {
        return new StepResult(step, new Outcome.Passed(match, step.sample().firstLine()), new Output(stdout, stdout, ""),
                0, Duration.ofMillis(millis), List.of());
    }

    static StepResult ran(Step step, long millis, String stdout) {
        return new StepResult(step, new Outcome.Ran(), new Output(stdout, stdout, ""), 0, Duration.ofMillis(millis),
                List.of());
    }

    static LessonResult lesson(Path file, List<StepResult> steps, List<Leak> leaks, Duration duration, String setupError,
                               List<Diagnostic> diagnostics) {
        return lesson(file, steps, leaks, duration, setupError == null ? null
                : new SetupError(SetupError.Kind.NAME_TAKEN, setupError), diagnostics);
    }

    static LessonResult lesson(Path file, List<StepResult> steps, List<Leak> leaks, Duration duration,
                               SetupError setupError, List<Diagnostic> diagnostics) {
        Node.CodeBlock block = new Node.CodeBlock(new SourceSpan(file, 1, 1), "bash", Map.of(), List.of(), 2);
        Plan plan = new Plan(new Lesson(file, Lesson.Format.RST, "A lesson", List.of(block), List.of()),
                List.of(new PlannedBlock(block, steps.stream().map(StepResult::step).toList())), diagnostics);
        return new LessonResult(plan, steps, leaks, List.of(), diagnostics, STARTED, duration, setupError);
    }

    /** The course lesson: passed, drifted, template, repaired, with a leak. */
    static LessonResult networking() {
        Step ls = run(NETWORKING, 45, "docker network ls");
        Step inspect = step(NETWORKING, 52, StepKind.TEMPLATE, "docker network inspect <network name>", Sample.NONE);
        Step curl = step(NETWORKING, 241, StepKind.RUN, CURL, new Sample(List.of(
                "...", "* Connected to server (172.28.0.2) port 8080 (#0)", "> GET /message HTTP/1.1",
                "> Host: server:8080", "...", "<", "using container aliases works!"), 246));
        Step remove = run(NETWORKING, 262, "docker network remove ");
        return lesson(NETWORKING, List.of(
                        ran(ls, 120, "NETWORK ID     NAME      DRIVER    SCOPE\n"),
                        StepResult.notRun(inspect, Outcome.NotRun.TEMPLATE),
                        new StepResult(curl, new Outcome.Passed(matched(List.of("line 247: 172.28.0.2 → 172.18.0.3"),
                                List.of("after line 251: 3 actual lines not shown in the sample (stderr, from \"{ [31 bytes data]\")")),
                                246),
                                new Output("* Closing connection 0\nusing container aliases works!\n",
                                        "using container aliases works!\n", "* Closing connection 0\n"),
                                0, Duration.ofMillis(312), List.of()),
                        new StepResult(remove, new Outcome.Repaired(new Repair("docker network remove ",
                                "docker network remove networking-test",
                                "network networking-test created at line 194, still present"), new Outcome.Ran()),
                                new Output("networking-test\n", "networking-test\n", ""), 0, Duration.ofMillis(95),
                                List.of())),
                List.of(new Leak(ResourceKind.NETWORK, "my-network", 152, true)), Duration.ofMillis(23_400), (String) null, List.of());
    }

    /** Failures of every kind: exit code with output, mismatch with diff, deadline, then a step left unrun. */
    static LessonResult failing() {
        StringBuilder longOutput = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            longOutput.append("line ").append(i).append('\n');
        }
        Step exit = run(FAILING, 5, "docker network remove");
        Step mismatch = step(FAILING, 9, StepKind.RUN, "curl -s localhost:8080/ \\\n  -H 'Accept: */*'",
                new Sample(List.of("<html>", "using container aliases & more"), 12));
        Step slow = run(FAILING, 20, "docker run -it busybox");
        Step skip = run(FAILING, 23, "brew install jq");
        Step after = run(FAILING, 25, "echo never");
        return lesson(FAILING, List.of(
                        new StepResult(exit, new Outcome.ExitCode(1, null),
                                new Output(longOutput.toString(), "", longOutput.toString()), 1, Duration.ofMillis(40),
                                List.of(new Note.NoRepair("\"docker network remove\" requires at least 1 argument.",
                                        List.of()))),
                        new StepResult(mismatch, new Outcome.Mismatch(new MatchResult(MatchResult.Outcome.MISMATCHED,
                                List.of(), List.of(), DIFF), 12),
                                new Output("<html>\n404 <File> not found\u001b[0m\u0007\n", "<html>\n404 <File> not found\u001b[0m\u0007\n", ""),
                                0, Duration.ofMillis(50), List.of()),
                        new StepResult(slow, new Outcome.TimedOut(Duration.ofSeconds(60), null),
                                new Output("waiting\n", "waiting\n", ""), null, Duration.ofMillis(60_000), List.of()),
                        new StepResult(skip, new Outcome.Skipped("needs brew, which is not installed"), Output.NONE,
                                null, Duration.ZERO, List.of()),
                        StepResult.notRun(after, new Outcome.NotRun(Outcome.NotRun.Why.AFTER_FAIL_FAST, 20))),
                List.of(), Duration.ofMillis(60_300), (String) null,
                List.of(Diagnostic.warning(new SourceSpan(FAILING, 3, 1), "unknown directive \"foo\"")));
    }

    static LessonResult broken() {
        Step first = run(BROKEN, 4, "docker network create networking-test");
        return lesson(BROKEN, List.of(StepResult.notRun(first, Outcome.NotRun.LESSON_NOT_RUN)), List.of(), Duration.ofMillis(10),
                "network networking-test already exists; remove it or rename it in the lesson", List.of());
    }

    static CourseResult course(LessonResult... lessons) {
        return new CourseResult(List.of(lessons), "20.10.24", STARTED, Duration.ofMillis(
                List.of(lessons).stream().mapToLong(l -> l.duration().toMillis()).sum()));
    }
}
