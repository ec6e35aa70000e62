package dev.docproof.run;

import dev.docproof.docker.Ledger;
import dev.docproof.docker.LessonEngine;
import dev.docproof.docker.Sandbox;
import dev.docproof.lesson.CourseFile;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.shell.Listings;
import dev.docproof.shell.ResourceKind;
import dev.docproof.shell.UntilStopped;
import dev.docproof.shell.ShellWords;
import dev.docproof.verify.ColumnListing;
import dev.docproof.verify.MatchResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a command for a step in the lesson's session, tells the ledger what it did, and judges it: the one
 * way both a step and its repair are run.
 */
final class StepRunner {

    /**
     * One run of a command: what it did, its outcome, and what else there is to say about it (why a failure shows,
     * a request to the engine still unanswered when the step was cut short).
     */
    record Attempt(ShellSession.Execution execution, Outcome outcome, List<Note> notes) {}

    private static final Duration ENV = Duration.ofSeconds(5);

    private final ShellSession session;
    private final LessonPlace place;
    private final LessonEngine engine;
    private final Ledger ledger;
    private final RunSettings settings;
    private final CourseRunner.SampleMatcher matcher;
    private final Path lessonFile;
    /** The lesson's results so far: a sample below a block of several commands may show their output too. */
    private final List<StepResult> done;
    /** The course's files the lesson's working folder started with. */
    private final List<CourseFile> broughtIn;

    StepRunner(ShellSession session, LessonPlace place, RunSettings settings, CourseRunner.SampleMatcher matcher,
               Plan plan, List<StepResult> done) {
        this.session = session;
        this.place = place;
        this.engine = place.engine();
        this.ledger = engine.ledger();
        this.settings = settings;
        this.matcher = matcher;
        this.lessonFile = plan.lesson().source();
        this.broughtIn = plan.files();
        this.done = done;
    }

    Attempt run(Step step, String command) {
        ledger.stepStarted(step.line(), step.section());
        Map<String, String> env = step.marks().env();
        if (!env.isEmpty()) {
            // The variables are the step's own: what they were before is put back after it.
            session.ask("__dp_env_saved=$(declare -p " + String.join(" ", env.keySet()) + " 2>/dev/null); export "
                    + env.entrySet().stream().map(v -> v.getKey() + "=" + ShellWords.quote(v.getValue()))
                    .collect(Collectors.joining(" ")), ENV);
        }
        Sandbox.MemoryMark memory = place.memoryMark();
        // A command that prints until a person stops it runs as long as a learner watches it, then gets their Ctrl-C.
        Duration watched = UntilStopped.in(command) && step.marks().background() == null && Interrupts.requested() == null
                ? (step.marks().timeout() != null ? step.marks().timeout() : UntilStopped.WATCHED) : null;
        ShellSession.Execution ran = watched == null ? session.run(command, deadline(step))
                : stoppedLikeCtrlC(session.run("__dp_stop_after " + Math.max(1, watched.toSeconds()) + "\n" + command
                + "\n__dp_stop_cancel $?", watched.plus(AFTER_CTRL_C)));
        Awaited awaited = watched == null ? awaitServer(step, command, ran) : new Awaited(ran, null);
        ShellSession.Execution e = awaited.execution();
        // Asked of a step that failed only: a process killed for want of memory fails the step that waited for it.
        boolean outOfMemory = memory != null && !Integer.valueOf(0).equals(e.exitCode())
                && place.killedForMemorySince(memory, e.exitCode() == null ? -1 : e.exitCode());
        if (!env.isEmpty()) {
            session.ask("unset " + String.join(" ", env.keySet()) + "; eval \"$__dp_env_saved\"; unset __dp_env_saved", ENV);
        }
        // A step cut short may have been waiting for the engine: say so, and whether the engine stopped answering.
        Note engineNote = e.timedOut() || Interrupts.requested() != null ? engine.unanswered(step.line())
                .map(u -> new Note.EngineUnanswered(u.engine(), u.request(), u.waited(), u.answersPing()))
                .orElse(null) : null;
        MatchResult match = null;
        if (!e.timedOut() && Verdicts.exitedAsExpected(step, e.exitCode()) && !step.sample().isEmpty()
                && !step.marks().ignoreOutput()) {
            match = BlockSample.match(step, e.output(), done,
                    o -> matcher.match(step.sample(), lessonFile, o.merged(), o.stdout(), o.stderr()));
            if (!match.matched() && Listings.inColumnsAtATerminal(command)
                    && ColumnListing.sameNames(step.sample(), e.output().stdout())) {
                match = new MatchResult(MatchResult.Outcome.MATCHED, List.of(), List.of(), null);
            }
        }
        Outcome outcome = Verdicts.outcome(step, e, match, deadline(step));
        List<Note> notes = new ArrayList<>();
        Note shown = Verdicts.failureShown(step, e, outcome, () -> matcher.match(step.sample(),
                lessonFile, e.output().merged(), e.output().stdout(), e.output().stderr()));
        if (shown != null) {
            notes.add(shown);
        }
        if (engineNote != null) {
            notes.add(engineNote);
        }
        if (outOfMemory) {
            notes.add(new Note.OutOfMemory(place.memoryLimit()));
        }
        if (awaited.starting() != null) {
            notes.add(awaited.starting());
        }
        if (watched != null && !e.timedOut() && e.duration().compareTo(watched) >= 0) {
            notes.add(new Note.StoppedLikeCtrlC(watched));
        }
        List<String> outliving = outcome instanceof Outcome.TimedOut ? ledger.entries().stream()
                .filter(en -> en.createdAtLine() == step.line() && en.present()
                        && en.resource().kind() == ResourceKind.CONTAINER)
                .map(en -> en.resource().name()).toList() : List.of();
        if (!outliving.isEmpty()) {
            notes.add(new Note.OutlivedBy(outliving));
        }
        Note placeNote = outcome instanceof Outcome.ExitCode ? place.failureExplained(e.output()) : null;
        if (placeNote != null) {
            notes.add(placeNote);
        }
        if (outcome instanceof Outcome.Mismatch && OtherBuilder.shows(step.sample(), e.output())) {
            notes.add(new Note.OtherBuilder());
        }
        if (outcome instanceof Outcome.ExitCode && e.output().stderr().contains("the input device is not a TTY")) {
            notes.add(new Note.TerminalWanted());
        }
        Note beside = settings.workingFolder() == null ? BesideTheLesson.note(command, outcome, lessonFile, broughtIn)
                : null;
        if (beside != null) {
            notes.add(beside);
        }
        return new Attempt(e, outcome, notes);
    }

    /** How long a request may wait for a server the lesson started just before to answer, and how often it asks. */
    private static final Duration SERVER_START = Duration.ofSeconds(5);
    private static final Duration SERVER_POLL = Duration.ofMillis(500);
    /** How many steps back a container counts as started just before. */
    private static final int JUST_BEFORE = 3;

    /** A step's run, after it waited for a server that was starting ({@code starting}: the note; null when it did not). */
    private record Awaited(ShellSession.Execution execution, Note.ServerStarting starting) {}

    /**
     * Runs {@code command} again while it finds no server answering ({@link ServerStart}) and a container the lesson
     * started just before runs, as a learner typing the next command gives the server that time.
     */
    private Awaited awaitServer(Step step, String command, ShellSession.Execution first) {
        List<String> started = ServerStart.notAnswering(command, first) ? startedJustBefore() : List.of();
        ShellSession.Execution ran = first;
        long waited = 0;
        while (!started.isEmpty() && waited < SERVER_START.toMillis() && ServerStart.notAnswering(command, ran)
                && Interrupts.requested() == null) {
            sleep(SERVER_POLL);
            waited += SERVER_POLL.toMillis();
            ran = session.run(command, deadline(step));
        }
        return new Awaited(ran, started.isEmpty() || ServerStart.notAnswering(command, ran) ? null
                : new Note.ServerStarting(started, Duration.ofMillis(waited)));
    }

    /** The containers the lesson's last few steps started that are still there. */
    private List<String> startedJustBefore() {
        List<Integer> lines = done.subList(Math.max(0, done.size() - JUST_BEFORE), done.size()).stream()
                .map(r -> r.step().line()).toList();
        return ledger.entries().stream().filter(en -> lines.contains(en.createdAtLine()) && en.present()
                && en.resource().kind() == ResourceKind.CONTAINER).map(en -> en.resource().name()).toList();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long a command may take to end after its Ctrl-C before it is killed as at a deadline. */
    private static final Duration AFTER_CTRL_C = Duration.ofSeconds(10);
    /** The status of a process ended by SIGINT (128 + 2). */
    private static final int INTERRUPTED = 130;

    /** A command ended by the Ctrl-C it was meant to get has done what the lesson asked of it. */
    private static ShellSession.Execution stoppedLikeCtrlC(ShellSession.Execution e) {
        return Integer.valueOf(INTERRUPTED).equals(e.exitCode()) && Interrupts.requested() == null
                ? new ShellSession.Execution(e.output(), 0, e.duration(), e.timedOut(), e.note(), e.diskShort()) : e;
    }

    /** The step's own deadline (a marker, the course config), else the run's. */
    Duration deadline(Step step) {
        return step.marks().timeout() != null ? step.marks().timeout() : settings.stepTimeout();
    }
}
