package dev.docproof.run;

import dev.docproof.docker.EngineException;
import dev.docproof.docker.Ledger;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.LedgerNames;
import dev.docproof.docker.LedgerSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final Ledger ledger;
    private volatile Step current;

    LessonRun(Plan plan, RunSettings settings, RunListener listener, CourseRunner.Collaborators with, Ledger ledger) {
        this.plan = plan;
        this.settings = settings;
        this.listener = listener;
        this.with = with;
        this.ledger = ledger;
    }

    LessonResult run() {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        listener.lessonStarted(plan);
        List<StepResult> results = new ArrayList<>();
        List<Leak> leaks = new ArrayList<>();
        SetupError setupError = null;
        // bash starts while the engine is asked what it holds: neither waits for the other.
        CompletableFuture<ShellSession> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return ShellSession.startInScratchFolder(settings.maxOutput());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            setupError = nameClashes(ledger.begin());
            if (setupError == null) {
                runSteps(opened(opening), results, leaks);
            }
        } catch (EngineException e) {
            setupError = new SetupError(SetupError.Kind.ENGINE, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            setupError = new SetupError(SetupError.Kind.SHELL, "cannot start the lesson's shell (bash): " + e.getMessage());
        } finally {
            opening.thenAccept(ShellSession::close);
        }
        // Steps the run never reached (set-up error) are reported as not run.
        for (Step step : plan.steps().subList(results.size(), plan.steps().size())) {
            StepResult r = StepResult.notRun(step, step.kind() == StepKind.TEMPLATE ? Outcome.NotRun.TEMPLATE
                    : Outcome.NotRun.LESSON_NOT_RUN);
            results.add(r);
            listener.stepFinished(r);
        }
        LessonResult result = new LessonResult(plan, results, leaks, ledger.lessons(), plan.diagnostics(), started,
                Duration.ofNanos(System.nanoTime() - t0), setupError);
        listener.lessonFinished(result);
        return result;
    }

    /** The set-up error naming every resource the lesson would create that the engine already has, else null. */
    private SetupError nameClashes(LedgerSnapshot before) {
        List<Ledger.Clash> planned = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (step.kind() == StepKind.RUN) {
                LedgerNames.plannedNames(step.command()).forEach(n ->
                        planned.add(new Ledger.Clash(n.kind(), n.name(), step.line())));
            }
        }
        List<Ledger.Clash> clashes = Ledger.clashes(planned, before);
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

    private void runSteps(ShellSession session, List<StepResult> results, List<Leak> leaks) {
        StepRunner runner = new StepRunner(session, ledger, settings, with.matcher(), plan.lesson().source());
        StepRepair repair = new StepRepair(plan, ledger, with.repairer());
        // On Ctrl-C the session's own hook ends the shell; this one removes what the lesson created so far.
        Thread interrupted = new Thread(this::removeOnInterrupt, "docproof-ledger-cleanup");
        Runtime.getRuntime().addShutdownHook(interrupted);
        Interrupts.whileRunning(session::endShell);
        try {
            Integer stoppedAt = null;
            for (Step step : plan.steps()) {
                current = step;
                StepResult r;
                if (step.kind() == StepKind.TEMPLATE) {
                    r = StepResult.notRun(step, Outcome.NotRun.TEMPLATE);
                } else if (step.marks().skip() != null) {
                    r = StepResult.notRun(step, new Outcome.Skipped(step.marks().skip().isBlank()
                            ? "a docproof: skip marker" : step.marks().skip()));
                } else if (Interrupts.requested() != null) {
                    r = StepResult.notRun(step, new Outcome.NotRun(Outcome.NotRun.Why.AFTER_INTERRUPT,
                            stoppedAt == null ? 0 : stoppedAt));
                } else if (stoppedAt != null) {
                    r = StepResult.notRun(step, new Outcome.NotRun(Outcome.NotRun.Why.AFTER_FAIL_FAST, stoppedAt));
                } else {
                    listener.stepStarted(step);
                    r = runStep(runner, repair, step);
                    if (r.outcome() instanceof Outcome.Interrupted
                            || r.outcome() instanceof Outcome.Failed && settings.failFast()) {
                        stoppedAt = step.line();
                    }
                }
                results.add(r);
                listener.stepFinished(r);
            }
        } finally {
            Interrupts.doneRunning();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already at work
            }
            cleanUp(session, leaks);
        }
    }

    private StepResult runStep(StepRunner runner, StepRepair repair, Step step) {
        StepRunner.Attempt first = runner.run(step, step.command());
        List<Note> notes = first.ledgerNote() == null ? List.of() : List.of(first.ledgerNote());
        Interrupts.Signal signal = Interrupts.requested();
        if (signal != null) {
            return Verdicts.result(step, new Outcome.Interrupted("SIG" + signal), first.execution(), notes);
        }
        StepResult r = Verdicts.result(step, first.outcome(), first.execution(), notes);
        if (r.outcome() instanceof Outcome.Failed && !(r.outcome() instanceof Outcome.TimedOut) && settings.repair()) {
            r = repair.attempt(runner, r);
        }
        return r;
    }

    /**
     * The shell goes first, so nothing it started can create resources behind the clean-up; its files are
     * removed while the engine removes what the lesson left.
     */
    private void cleanUp(ShellSession session, List<Leak> leaks) {
        session.endShell();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(session::close, task -> {
            Thread t = new Thread(task, "docproof-session-close");
            t.setDaemon(true);
            t.start();
        });
        try {
            for (Ledger.Removal removal : ledger.removeLessonsLeftBehind()) {
                LedgerEntry e = removal.entry();
                leaks.add(new Leak(e.resource().kind(), e.resource().name(), e.createdAtLine(), removal.removed()));
            }
        } finally {
            closing.join();
        }
    }

    private void removeOnInterrupt() {
        Step step = current;
        if (step != null) {
            try {
                ledger.record(step.line(), step.section());
            } catch (EngineException e) {
                // the engine cannot be seen: what the ledger already knows is removed
            }
        }
        ledger.removeAfterInterrupt(step == null ? -1 : step.line());
    }
}
