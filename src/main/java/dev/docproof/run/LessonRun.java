package dev.docproof.run;

import dev.docproof.docker.EngineException;
import dev.docproof.docker.Ledger;
import dev.docproof.docker.NameLocks;
import dev.docproof.docker.SandboxException;
import dev.docproof.lesson.CourseFile;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.plan.CourseConfig;
import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.LedgerNames;
import dev.docproof.shell.SwarmChanges;
import dev.docproof.docker.LedgerSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * One lesson: its name check, its shell session and ledger, the steps in document order, the clean-up.
 * Running a step is {@link StepRunner}'s, judging it {@link Verdicts}', repairing it {@link StepRepair}'s,
 * and deciding which resources are the lesson's the ledger's.
 */
final class LessonRun {

    private final Plan plan;
    private final RunSettings settings;
    private final RunListener listener;
    private final CourseRunner.Collaborators with;
    private final CourseRunner.PlaceOpener places;
    /** Where the lesson runs, with the engine as the lesson owns it there: labels, proxy, ledger. */
    private volatile LessonPlace place;
    private Ledger ledger;
    /** The line of the step during which the engine stopped answering, else null: no step runs after it. */
    private Integer engineGoneAt;
    /** The line of the step during which a disk fell under the floor, else null: no step runs after it. */
    private Integer diskShortAt;
    /** The lesson's background steps, stopped when it ends (or on an interrupt). */
    private volatile Backgrounds backgrounds;

    LessonRun(Plan plan, RunSettings settings, RunListener listener, CourseRunner.Collaborators with,
              CourseRunner.PlaceOpener places) {
        this.plan = plan;
        this.settings = settings;
        this.listener = listener;
        this.with = with;
        this.places = places;
    }

    LessonResult run() {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        listener.lessonStarted(plan);
        List<StepResult> results = new ArrayList<>();
        List<Leak> leaks = new ArrayList<>();
        SetupError setupError = null;
        if (StepGate.mayRun(plan)) {
            setupError = runInPlace(results, leaks);
        } else {
            for (Step step : plan.steps()) {
                StepResult r = StepResult.notRun(step, step.kind() == StepKind.TEMPLATE ? Outcome.NotRun.TEMPLATE
                        : new Outcome.Skipped(StepGate.skipReason(step)));
                results.add(r);
                listener.stepFinished(r);
            }
        }
        // Steps the run never reached (set-up error) are reported as not run.
        for (Step step : plan.steps().subList(results.size(), plan.steps().size())) {
            StepResult r = StepResult.notRun(step, step.kind() == StepKind.TEMPLATE ? Outcome.NotRun.TEMPLATE
                    : Outcome.NotRun.LESSON_NOT_RUN);
            results.add(r);
            listener.stepFinished(r);
        }
        LessonResult result = new LessonResult(plan, results, leaks, ledger == null ? List.of() : ledger.entries(), plan.diagnostics(), started,
                Duration.ofNanos(System.nanoTime() - t0), setupError);
        listener.lessonFinished(result);
        return result;
    }

    /** Opens the lesson's place and shell, runs the steps there and closes both; the set-up error, else null. */
    private SetupError runInPlace(List<StepResult> results, List<Leak> leaks) {
        SetupError setupError = settings.isolation() == Isolation.HOST ? swarmChanged() : null;
        if (setupError != null) {
            return setupError;
        }
        CompletableFuture<ShellSession> opening = null;
        try {
            LessonPlace where = places.open(plan, plannedNames());
            place = where;
            ledger = where.ledger();
            // bash starts while the engine is asked what it holds: neither waits for the other.
            opening = CompletableFuture.supplyAsync(() -> {
                try {
                    return where.openSession(settings.maxOutput(), settings.workingFolder());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            setupError = nameClashes(ledger.begin());
            if (setupError == null) {
                ShellSession session = opened(opening);
                DiskFloor floor = DiskFloor.of(settings.minFreeDisk(), where.disks(session));
                String shortage = floor.shortage();
                if (shortage != null) {
                    setupError = new SetupError(SetupError.Kind.DISK, plan.lesson().source() + ": not run: " + shortage
                            + ": free some space, or lower --min-free-disk (0 turns this off)");
                } else {
                    session.keepFree(floor);
                    setupError = bringInCourseFiles(where, session);
                    if (setupError == null) {
                        setupError = runSteps(session, results, leaks);
                    }
                }
            }
        } catch (NameLocks.HeldException e) {
            setupError = new SetupError(SetupError.Kind.NAME_TAKEN,
                    plan.lesson().source() + ":" + e.held().name().line() + ": " + e.getMessage());
        } catch (SandboxException e) {
            setupError = new SetupError(SetupError.Kind.SANDBOX, e.getMessage());
        } catch (EngineException e) {
            setupError = new SetupError(SetupError.Kind.ENGINE, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            String stopped = place == null ? null : place.stoppedWhy();
            setupError = stopped != null ? new SetupError(SetupError.Kind.SANDBOX, plan.lesson().source() + ": " + stopped)
                    : new SetupError(SetupError.Kind.SHELL, "cannot start the lesson's shell (bash): "
                    + (e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage()));
        } finally {
            if (opening != null) {
                opening.thenAccept(ShellSession::close).exceptionally(notStarted -> null).join();
            }
            if (place != null) {
                place.close();
            }
        }
        return setupError;
    }

    /**
     * The set-up error naming the first step that would change the swarm mode of this machine's engine, else null:
     * the change is every user's of the engine, and no label lets docproof undo it; a sandbox's engine is the lesson's.
     */
    private SetupError swarmChanged() {
        for (Step step : plan.steps()) {
            if (step.kind() == StepKind.RUN && step.marks().skip() == null) {
                Optional<String> change = SwarmChanges.in(step.command());
                if (change.isPresent()) {
                    return new SetupError(SetupError.Kind.SHARED_ENGINE, plan.lesson().source() + ":" + step.line()
                            + ": `" + change.get() + "` changes the swarm mode of this machine's engine for every user"
                            + " of it, which docproof cannot undo after the lesson; run the lesson in its sandbox"
                            + " (without --isolation host), or mark the step `docproof: skip`");
                }
            }
        }
        return null;
    }

    /** The names the lesson's steps give what they create, each with the step's line. */
    private List<NameLocks.Name> plannedNames() {
        List<NameLocks.Name> planned = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (step.kind() == StepKind.RUN) {
                LedgerNames.plannedNames(step.command()).forEach(n ->
                        planned.add(new NameLocks.Name(n.kind(), n.name(), step.line())));
            }
        }
        return planned;
    }

    /**
     * The set-up error naming every resource the lesson would create that the engine already has, else null. Image
     * names count on an engine others use: in a sandbox, only the lesson's own images are there to lose a name.
     */
    private SetupError nameClashes(LedgerSnapshot before) throws EngineException {
        List<Ledger.Clash> planned = plannedNames().stream()
                .map(n -> new Ledger.Clash(n.kind(), n.name(), n.line())).toList();
        List<Ledger.Clash> clashes = new ArrayList<>(Ledger.clashes(planned, before));
        if (place.engineShared()) {
            clashes.addAll(ledger.imageNamesTaken(planned));
            clashes.sort(java.util.Comparator.comparingInt(Ledger.Clash::line));
        }
        if (clashes.isEmpty()) {
            return null;
        }
        return new SetupError(SetupError.Kind.NAME_TAKEN, clashes.stream()
                .map(c -> plan.lesson().source() + ":" + c.line() + ": " + c.message()).collect(Collectors.joining("\n")));
    }

    private static ShellSession opened(CompletableFuture<ShellSession> opening) throws IOException {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException(e.getCause() == null ? e.toString() : e.getCause().toString(), e.getCause());
        }
    }

    /** Puts the course's files into the lesson's working folder, as the learner has them; the error, else null. */
    private SetupError bringInCourseFiles(LessonPlace where, ShellSession session) {
        for (CourseFile file : plan.files()) {
            try {
                where.bringIn(file, session);
            } catch (IOException | RuntimeException e) {
                return new SetupError(SetupError.Kind.COURSE_FILES, plan.lesson().source() + ": not run: cannot put the"
                        + " course file " + file.source() + " into the lesson's working folder (as " + file.target()
                        + "): " + e.getMessage() + "; check the file, or the files: list of " + CourseConfig.FILE_NAME);
            }
        }
        return null;
    }

    /** Runs the steps and removes what the lesson left; the error when the engine stopped answering, else null. */
    private SetupError runSteps(ShellSession session, List<StepResult> results, List<Leak> leaks) {
        backgrounds = new Backgrounds(session);
        StepRunner runner = new StepRunner(session, place, settings, with.matcher(), plan, results);
        StepRepair repair = new StepRepair(plan, ledger, with.repairer());
        // On Ctrl-C the session's own hook ends the shell; this one removes what the lesson created so far.
        Thread interrupted = new Thread(this::removeOnInterrupt, "docproof-ledger-cleanup");
        Runtime.getRuntime().addShutdownHook(interrupted);
        Runnable stop = session::endShell;
        Interrupts.whileRunning(stop);
        SetupError engineGone;
        try {
            Integer stoppedAt = null;
            StepGate gate = new StepGate(session, ledger, new Reachability(), plan);
            OutputShownAsCommands output = new OutputShownAsCommands(plan);
            for (Step step : plan.steps()) {
                StepResult r;
                if (step.marks().skip() == null && (Interrupts.requested() != null || stoppedAt != null)) {
                    // A step marked skip is still reported skipped: the marker says so, whatever the run did.
                    r = StepResult.notRun(step, step.kind() == StepKind.TEMPLATE ? Outcome.NotRun.TEMPLATE
                            : Interrupts.requested() != null
                            ? new Outcome.NotRun(Outcome.NotRun.Why.AFTER_INTERRUPT, stoppedAt == null ? 0 : stoppedAt)
                            : new Outcome.NotRun(engineGoneAt != null ? Outcome.NotRun.Why.AFTER_ENGINE_GONE
                            : diskShortAt != null ? Outcome.NotRun.Why.AFTER_DISK_SHORT
                            : Outcome.NotRun.Why.AFTER_FAIL_FAST, stoppedAt));
                } else {
                    StepResult previous = results.isEmpty() ? null : results.get(results.size() - 1);
                    Optional<String> printed = output.reason(step, previous);
                    StepGate.Decision decision = printed.isPresent() ? new StepGate.Decision.Skip(printed.get())
                            : gate.decide(step);
                    if (decision instanceof StepGate.Decision.Skip lacking) {
                        decision = output.outputRatherThanProgram(step, previous, lacking.reason())
                                .<StepGate.Decision>map(StepGate.Decision.Skip::new).orElse(decision);
                    }
                    if (decision instanceof StepGate.Decision.Template t) {
                        r = StepResult.notRun(step, Outcome.NotRun.TEMPLATE);
                        r = t.why() == null ? r : r.with(new Note.Unbound(t.why()));
                    } else if (decision instanceof StepGate.Decision.Skip skip) {
                        r = StepResult.notRun(step, new Outcome.Skipped(skip.reason()));
                    } else {
                        listener.stepStarted(step);
                        r = runStep(runner, repair, step, (StepGate.Decision.Run) decision);
                    }
                    // Where the lesson stopped stays the step it stopped at: a step marked skip after it changes nothing.
                    if (stoppedAt == null && (r.outcome() instanceof Outcome.Interrupted || engineGoneAt != null
                            || diskShortAt != null || r.outcome() instanceof Outcome.Failed && settings.failFast())) {
                        stoppedAt = step.line();
                    }
                }
                results.add(r);
                listener.stepFinished(r);
            }
        } finally {
            Interrupts.doneRunning(stop);
            backgrounds.close();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already at work
            }
            engineGone = cleanUp(session, leaks);
        }
        if (engineGone == null && engineGoneAt != null) {
            // It answers again, and what the lesson left is removed; still, the lesson was not verified.
            return new SetupError(SetupError.Kind.ENGINE, plan.lesson().source() + ":" + engineGoneAt + ": the engine at "
                    + place.engine().engineName() + " stopped answering during this step, so the lesson's later steps were"
                    + " not run; it answered again afterwards: run the lesson again");
        }
        return engineGone;
    }

    private StepResult runStep(StepRunner runner, StepRepair repair, Step step, StepGate.Decision.Run run) {
        if (step.marks().background() != null) {
            ledger.stepStarted(step.line(), step.section());
            Backgrounds.Start start = backgrounds.start(step, run.command(), runner.deadline(step));
            Outcome started = start.failure() == null ? new Outcome.Started(start.readiness())
                    : new Outcome.NotReady(start.failure());
            return new StepResult(step, bound(step, run, started), Verdicts.masked(start.output(), settings), null,
                    Duration.ZERO, List.of());
        }
        StepRunner.Attempt first = runner.run(step, run.command());
        List<Note> notes = first.notes();
        Interrupts.Signal signal = Interrupts.requested();
        if (signal != null) {
            return Verdicts.result(step, new Outcome.Interrupted("SIG" + signal), first.execution(), notes, settings);
        }
        Outcome outcome = step.writesFile() && first.outcome().succeeded()
                ? new Outcome.Written(step.marks().file()) : bound(step, run, first.outcome());
        StepResult r = Verdicts.result(step, outcome, first.execution(), notes, settings);
        if (engineStopped(r)) {
            engineGoneAt = step.line(); // a repair would only wait for it too
            return r;
        }
        if (first.execution().diskShort() != null) {
            diskShortAt = step.line(); // a repair, or any later step, would only fill the disk further
            return r;
        }
        if (run.binding() == null && r.outcome() instanceof Outcome.Failed && !(r.outcome() instanceof Outcome.TimedOut)
                && settings.repair()) {
            r = repair.attempt(runner, r);
        }
        return r;
    }

    /**
     * Whether the engine stopped answering during this step: the step was cut short waiting for an engine that no
     * longer answers a ping. Then every later step would only wait out its deadline the same way. (An engine the
     * lesson stops itself, `systemctl stop docker`, fails its next commands at once, as on the learner's machine.)
     */
    private static boolean engineStopped(StepResult r) {
        List<Note.EngineUnanswered> waiting = r.notes().stream()
                .filter(Note.EngineUnanswered.class::isInstance).map(Note.EngineUnanswered.class::cast).toList();
        return !waiting.isEmpty() && waiting.stream().noneMatch(Note.EngineUnanswered::answersPing);
    }

    private static Outcome bound(Step step, StepGate.Decision.Run run, Outcome outcome) {
        return run.binding() == null ? outcome
                : new Outcome.Bound(run.command(), run.binding(), outcome, step.kind() == StepKind.TEMPLATE);
    }

    /**
     * The shell goes first, so nothing it started can create resources behind the clean-up; its files are
     * removed while the engine removes what the lesson left.
     */
    private SetupError cleanUp(ShellSession session, List<Leak> leaks) {
        session.endShell();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(session::close, task -> {
            Thread t = new Thread(task, "docproof-session-close");
            t.setDaemon(true);
            t.start();
        });
        try {
            for (Ledger.Removal removal : place.removeLeftBehind()) {
                LedgerEntry e = removal.entry();
                leaks.add(new Leak(e.resource().kind(), e.resource().name(), e.createdAtLine(), removal.removed()));
            }
            return null;
        } catch (EngineException e) {
            List<LedgerEntry> left = ledger.entries().stream().filter(en -> !en.preExisting() && en.present()).toList();
            String stopped = place.stoppedWhy();
            if (stopped != null) {
                left.forEach(en -> leaks.add(new Leak(en.resource().kind(), en.resource().name(), en.createdAtLine(), true)));
                return new SetupError(SetupError.Kind.SANDBOX, plan.lesson().source() + ": " + stopped);
            }
            // Still there as far as anyone knows: reported, not removed; the labels let the next run remove them.
            left.forEach(en -> leaks.add(new Leak(en.resource().kind(), en.resource().name(), en.createdAtLine(), false)));
            List<Ledger.UnansweredCreate> unanswered = ledger.unansweredCreates();
            return new SetupError(SetupError.Kind.ENGINE, plan.lesson().source() + ": " + e.getMessage()
                    + (left.isEmpty() ? "" : "\nLeft on the engine, labelled with this run, for the next run to remove once"
                    + " it answers again: " + left.stream().map(en -> en.resource().kind().jsonName() + " "
                    + en.resource().name() + " (line " + en.createdAtLine() + ")").collect(Collectors.joining(", ")) + ".")
                    + (unanswered.isEmpty() ? "" : "\nCreated perhaps, labelled with this run (the engine never answered"
                    + " the request), for the next run to remove if it is there: " + unanswered.stream()
                    .map(Ledger.UnansweredCreate::describe).collect(Collectors.joining(", ")) + "."));
        } finally {
            closing.join();
        }
    }

    private void removeOnInterrupt() {
        Backgrounds running = backgrounds;
        if (running != null) {
            running.killFromHere();
        }
        place.removeAfterInterrupt();
    }
}
