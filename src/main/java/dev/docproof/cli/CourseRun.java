package dev.docproof.cli;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Finding;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.plan.Review;
import dev.docproof.lesson.Plan;
import dev.docproof.report.ConsoleReport;
import dev.docproof.report.StrictFailures;
import dev.docproof.report.JsonResults;
import dev.docproof.run.CourseResult;
import dev.docproof.run.CourseRunner;
import dev.docproof.run.Interrupts;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Outcome;
import dev.docproof.run.Status;
import dev.docproof.run.TemplateChecks;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the lessons of a {@link CourseInput} with the console report, writes the reports asked for and
 * chooses the exit code: the part {@code check} and {@code site} share.
 */
final class CourseRun {

    private CourseRun() {}

    record Ran(CourseResult result, int exitCode) {}

    static Ran run(CourseInput input, RunOptions options, CourseRunner.EarlyEngine early, PrintWriter out,
                   PrintWriter err) {
        String problem = options.problem();
        if (problem != null) {
            err.println("docproof: " + problem);
            early.close();
            return new Ran(null, Main.SETUP_ERROR);
        }
        List<Plan> plans = options.shard == null ? input.plans() : options.shard.select(input.plans());
        if (plans.isEmpty()) {
            err.println("docproof: shard " + options.shard + " holds none of the " + input.plans().size()
                    + " lessons; nothing to run");
            early.close();
            // Its results file still says so, so that a merge sees every shard of the split.
            Ran none = nothingRun(Main.OK);
            return options.writeReports(none.result(), input.files(), err) ? none : new Ran(none.result(), Main.SETUP_ERROR);
        }
        boolean terminal = System.console() != null;
        ConsoleReport console = new ConsoleReport(out, terminal, terminal && System.getenv("NO_COLOR") == null);
        // What the plans alone show (the CLI checks: client versions, help pages) is worked out while the lessons run.
        CompletableFuture<Reviewed> reviewing = CompletableFuture.supplyAsync(() -> Reviewed.of(plans), task -> {
            Thread t = new Thread(task, "docproof-review");
            t.setDaemon(true);
            t.start();
        });
        // Caught until every report is written: a signal after the lessons ran still gets whole reports.
        try (SignalCatcher signals = SignalCatcher.install()) {
            CourseResult ran = Progress.whileRunning(console, terminal,
                    () -> CourseRunner.run(plans, options.settings(input), console, early, JsonResults::lessonOf));
            return reported(ran, input.files(), Interrupts.requested(), reviewing, console, options, out, err);
        }
    }

    private static Ran reported(CourseResult ran, List<Path> course, Interrupts.Signal duringRun,
                                CompletableFuture<Reviewed> reviewing,
                                ConsoleReport console, RunOptions options, PrintWriter out, PrintWriter err) {
        Reviewed reviewed = reviewing.join();
        reviewed.helps().printNotes(err);
        CourseResult result = withFindings(ran, reviewed::review);
        result.lessons().forEach(console::findings);
        console.courseFinished(result);
        out.flush();

        if (!options.writeReports(result, course, err)) {
            return new Ran(result, Main.SETUP_ERROR);
        }
        Interrupts.Signal interrupted = Interrupts.requested();
        if (interrupted != null) {
            setupErrors(result, err);
            err.println(duringRun == null ? afterRun(interrupted, "the reports") : duringRun(result, interrupted));
            return new Ran(result, interrupted.exitStatus());
        }
        return new Ran(result, verdict(result, options.strict, err));
    }

    /** What a signal that came while the lessons ran says, by what it stopped. */
    static String duringRun(CourseResult result, Interrupts.Signal signal) {
        List<Outcome> outcomes = result.lessons().stream().flatMap(l -> l.steps().stream()).map(r -> r.outcome()).toList();
        boolean anyRan = outcomes.stream().anyMatch(o -> !(o instanceof Outcome.NotRun || o instanceof Outcome.Skipped));
        // One that came while a lesson was cleaned up after its last step stopped no step.
        boolean cutShort = outcomes.stream().anyMatch(o -> o instanceof Outcome.Interrupted
                || o instanceof Outcome.NotRun notRun && notRun.why() == Outcome.NotRun.Why.AFTER_INTERRUPT);
        String by = "docproof: interrupted by SIG" + signal;
        return !anyRan ? by + " before any step ran: every step is reported not run"
                : !cutShort ? by + " once every step had run: what the lessons created was removed"
                : by + ": the running step was stopped, what the lesson created was removed, and the steps not reached"
                + " were not run";
    }

    /** What a signal that came once the lessons had run says: {@code what} was finished first. */
    static String afterRun(Interrupts.Signal signal, String what) {
        return "docproof: interrupted by SIG" + signal + " while " + what + " were written: they were finished first";
    }

    /**
     * What a finished run ends with, after its reports are written: its set-up errors and its repairs told on
     * {@code err}, and the exit code. A merge of shards ends the same way.
     */
    static int verdict(CourseResult result, boolean strict, PrintWriter err) {
        setupErrors(result, err);
        int code = exitCode(result, strict);
        // With no failed step, no step report shows why the run fails: a CI job would be red with no reason given.
        boolean noStepFailed = code == Main.FAILURES && count(result, Status.FAILED) == 0;
        long misread = misread(result);
        if (noStepFailed && misread > 0) {
            err.println("docproof: no step failed, but " + misread + (misread == 1 ? " lesson holds" : " lessons hold")
                    + " reading errors (the `error:` lines above): what could not be read was not checked; correct the"
                    + " lesson text");
        }
        String strictFailures = StrictFailures.counted(result.lessons());
        if (noStepFailed && strict && !strictFailures.isEmpty()) {
            err.println("docproof: no step failed, but --strict counts " + strictFailures + " as failures");
        }
        long repaired = count(result, Status.REPAIRED);
        if (code == Main.OK && repaired > 0) {
            err.println("docproof: warning: " + repaired + (repaired == 1 ? " step passes" : " steps pass")
                    + " only after a repair; run `docproof fix` to write the repair back into the lesson");
        }
        return code;
    }

    private static void setupErrors(CourseResult result, PrintWriter err) {
        result.lessons().stream().filter(l -> l.setupError() != null)
                .forEach(l -> err.println("docproof: " + l.setupError()));
    }

    /** The review of each plan against the CLIs of this machine. */
    private record Reviewed(CliHelps helps, Map<Plan, Review> reviews) {
        static Reviewed of(List<Plan> plans) {
            CliHelps helps = CliHelps.load();
            Map<Plan, Review> reviews = new IdentityHashMap<>();
            plans.forEach(plan -> reviews.put(plan, Review.of(plan, helps.models())));
            return new Reviewed(helps, reviews);
        }

        Review review(Plan plan) {
            return reviews.computeIfAbsent(plan, p -> Review.of(p, helps.models()));
        }
    }

    /** Each lesson with its findings: what its CLIs' help and its templates' instances show. */
    private static CourseResult withFindings(CourseResult result, Function<Plan, Review> reviews) {
        List<LessonResult> lessons = result.lessons().stream().map(lesson -> {
            Review review = reviews.apply(lesson.plan());
            // A template run bound is verified by its run, whatever the plan alone could say.
            Set<SourceSpan> bound = lesson.steps().stream().filter(r -> r.outcome() instanceof Outcome.Bound)
                    .map(r -> r.step().span()).collect(Collectors.toSet());
            List<Finding> findings = new ArrayList<>(review.findings().stream()
                    .filter(f -> !(f.kind() == Finding.Kind.UNVERIFIED_TEMPLATE && bound.contains(f.span()))).toList());
            findings.addAll(TemplateChecks.staleSamples(lesson, review.instances()));
            findings.sort(Comparator.comparingInt((Finding f) -> f.span().line()).thenComparingInt(f -> f.span().column()));
            return lesson.withFindings(findings);
        }).toList();
        return new CourseResult(lessons, result.engineVersion(), result.started(), result.duration());
    }

    private static Ran nothingRun(int exitCode) {
        return new Ran(new CourseResult(List.of(), null, Instant.now(), Duration.ZERO), exitCode);
    }

    /**
     * The contract: 2 when a lesson could not run (set-up error), 1 when a runnable step failed or a lesson holds a
     * reading error (with {@code strict}, also a repaired or skipped step, an abridged sample, a leaked resource or a warning finding),
     * else 0.
     */
    static int exitCode(CourseResult result, boolean strict) {
        if (result.lessons().isEmpty() || result.lessons().stream().anyMatch(l -> l.setupError() != null)) {
            return Main.SETUP_ERROR;
        }
        if (count(result, Status.FAILED) > 0 || misread(result) > 0) {
            return Main.FAILURES;
        }
        if (strict && !StrictFailures.counted(result.lessons()).isEmpty()) {
            return Main.FAILURES;
        }
        return Main.OK;
    }

    /** The lessons a reader could not read whole (an error diagnostic), which `plan` fails on too. */
    private static long misread(CourseResult result) {
        return result.lessons().stream().filter(l -> l.setupError() == null && l.diagnostics().stream()
                .anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR)).count();
    }

    private static long count(CourseResult result, Status status) {
        return result.lessons().stream().mapToLong(l -> l.tally().count(status)).sum();
    }
}
