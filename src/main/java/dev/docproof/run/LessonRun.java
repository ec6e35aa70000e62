package dev.docproof.run;

import dev.docproof.docker.EngineException;
import dev.docproof.docker.Ledger;
import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.LedgerNames;
import dev.docproof.shell.LedgerSkip;
import dev.docproof.docker.LedgerSnapshot;
import dev.docproof.shell.ResourceKind;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.repair.GapRepair;
import dev.docproof.verify.MatchResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One lesson: name check, one shell session and one ledger, the steps in document order, clean-up. */
final class LessonRun {

    private final Plan plan;
    private final RunSettings settings;
    private final RunListener listener;
    private final CourseRunner.Collaborators with;
    private final Ledger ledger;
    private volatile Step current;
    private volatile Path workDir;
    /** Set once a step may have changed what a utility's name runs: from then on every step is snapshotted. */
    private boolean lookupMayChange;
    /** What each step (with its repair) printed, by line: evidence of the ids it created. */
    private final Map<Integer, String> printed = new ConcurrentHashMap<>();
    /** The names the lesson's commands give what they create. */
    private final Set<String> named = ConcurrentHashMap.newKeySet();
    /** The commands each step ran (with its repair), by line. */
    private final Map<Integer, String> commands = new ConcurrentHashMap<>();

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
        String setupError = null;
        CompletableFuture<ShellSession> opening = null;
        try {
            workDir = Files.createTempDirectory("docproof-lesson-");
            // bash starts while the engine is asked what it holds: neither waits for the other.
            Path dir = workDir;
            opening = CompletableFuture.supplyAsync(() -> {
                try {
                    return ShellSession.start(dir, settings.maxOutput());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            LedgerSnapshot before = ledger.begin();
            setupError = nameClashes(before);
            if (setupError == null) {
                runSteps(opened(opening), results, leaks);
            }
        } catch (EngineException e) {
            setupError = e.getMessage();
        } catch (IOException | UncheckedIOException e) {
            setupError = "cannot start the lesson's shell (bash): " + e.getMessage();
        } finally {
            if (opening != null) {
                try {
                    opened(opening).close();
                } catch (IOException | UncheckedIOException notStarted) {
                    // nothing to close
                }
            }
            if (workDir != null) {
                deleteTree(workDir);
            }
        }
        // Steps the run never reached (set-up error, a failure mid-way) are reported as not run.
        for (Step step : plan.steps().subList(results.size(), plan.steps().size())) {
            StepResult r = StepResult.notRun(step);
            results.add(r);
            if (setupError != null) {
                listener.stepFinished(r);
            }
        }
        LessonResult result = new LessonResult(plan, results, leaks,
                ledger.entries().stream().filter(this::evidentlyTheLessons).toList(), plan.diagnostics(), started,
                Duration.ofNanos(System.nanoTime() - t0), setupError);
        listener.lessonFinished(result);
        return result;
    }

    /** The set-up error naming every resource the lesson would create that the engine already has, else null. */
    private String nameClashes(LedgerSnapshot before) {
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
        return clashes.stream().map(c -> plan.lesson().source() + ":" + c.line() + ": " + c.message())
                .collect(Collectors.joining("\n"));
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
        Integer stoppedAt = null;
        // On Ctrl-C the session's own hook ends the shell; this one removes what the lesson created so far.
        Thread interrupted = new Thread(this::removeOnInterrupt, "docproof-ledger-cleanup");
        Runtime.getRuntime().addShutdownHook(interrupted);
        Interrupts.whileRunning(session::endShell);
        try {
            for (Step step : plan.steps()) {
                current = step;
                StepResult r;
                if (step.kind() == StepKind.TEMPLATE) {
                    r = StepResult.notRun(step);
                } else if (Interrupts.requested() != null) {
                    r = new StepResult(step, Status.NOT_RUN, null, 0, false, Output.NONE, null, null,
                            "not run: the run was interrupted (SIG" + Interrupts.requested() + ")");
                } else if (stoppedAt != null) {
                    r = new StepResult(step, Status.NOT_RUN, null, 0, false, Output.NONE, null, null,
                            "not run: --fail-fast stopped the lesson at line " + stoppedAt);
                } else {
                    listener.stepStarted(step);
                    r = runStep(session, step);
                    if (r.status() == Status.FAILED && settings.failFast()) {
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
            // The shell goes first, so nothing it started can create resources behind the clean-up; its
            // files are removed while the engine removes what the lesson left.
            session.endShell();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(session::close, task -> {
                Thread t = new Thread(task, "docproof-session-close");
                t.setDaemon(true);
                t.start();
            });
            try {
                for (Ledger.Removal removal : ledger.removeLeftBehind(this::evidentlyTheLessons)) {
                    LedgerEntry e = removal.entry();
                    leaks.add(new Leak(e.resource().kind(), e.resource().name(), e.createdAtLine(), removal.removed()));
                }
            } finally {
                closing.join();
            }
        }
    }

    private void removeOnInterrupt() {
        Step step = current;
        if (step != null) {
            record(step);
        }
        // The interrupted step's output is not known yet: what appeared during it counts as the lesson's.
        ledger.removeLeftBehind(e -> step != null && e.createdAtLine() == step.line() || evidentlyTheLessons(e));
        deleteTree(workDir);
    }

    /**
     * Whether the evidence says the lesson created this resource: its commands name it, the step it
     * appeared in printed its name or id (as {@code docker run -d} and {@code docker network create} do),
     * or that step can create that kind of resource (a script or {@code make} can create anything; a step
     * that runs docker itself only what its subcommands create). Anything else appeared while the step
     * ran but came from elsewhere on a shared engine (another user's run): it is left alone.
     */
    private boolean evidentlyTheLessons(LedgerEntry e) {
        if (e.createdAtLine() == 0) {
            return true; // a pre-existing resource the lesson removed: a fact about the lesson, never removed again
        }
        String name = e.resource().name();
        String id = e.resource().id();
        String out = printed.getOrDefault(e.createdAtLine(), "");
        return named.contains(name) || out.contains(name) || out.contains(id.substring(0, Math.min(12, id.length())))
                || canCreate(commands.getOrDefault(e.createdAtLine(), ""), e.resource().kind());
    }

    /**
     * Whether a step that ran {@code commands} can have created a resource of this kind that its text does
     * not name: a script, {@code make} or compose can create anything; {@code docker run|create} without
     * {@code --name} a container with a generated name; a volume can come from {@code docker volume create}
     * or a {@code -v} of {@code run|create}. A network always gets its name from the command.
     */
    private static boolean canCreate(String commands, ResourceKind kind) {
        if (!commands.contains("docker") || commands.contains("compose")) {
            return true;
        }
        return switch (kind) {
            case CONTAINER -> LedgerNames.imagesUsed(commands).size() > LedgerNames.plannedNames(commands).stream()
                    .filter(n -> n.kind() == ResourceKind.CONTAINER).count();
            case NETWORK -> false;
            case VOLUME -> commands.matches("(?s).*\\b(volume\\s+create|run|create)\\b.*");
            default -> true;
        };
    }

    private void noteOutput(Step step, String command, ShellSession.Execution e) {
        LedgerNames.plannedNames(command).forEach(n -> named.add(n.name()));
        printed.merge(step.line(), e.output().merged(), String::concat);
        commands.merge(step.line(), command + "\n", String::concat);
    }

    private StepResult runStep(ShellSession session, Step step) {
        ShellSession.Execution e = session.run(step.command(), settings.stepTimeout());
        noteOutput(step, step.command(), e);
        String ledgerProblem = recordAfter(step, step.command());
        Interrupts.Signal signal = Interrupts.requested();
        if (signal != null) {
            StepResult stopped = Verdicts.interrupted(step, e, signal);
            return ledgerProblem == null ? stopped : withReason(stopped, ledgerProblem);
        }
        StepResult r = judge(step, e);
        if (r.status() == Status.FAILED && settings.repair() && !r.timedOut()) {
            r = repair(session, step, r);
        }
        if (ledgerProblem != null) {
            r = withReason(r, ledgerProblem);
        }
        return r;
    }

    private StepResult judge(Step step, ShellSession.Execution e) {
        MatchResult match = null;
        if (!e.timedOut() && e.exitCode() == 0) {
            match = step.sample().isEmpty() ? Verdicts.NO_SAMPLE
                    : with.matcher().match(step.sample(), plan.lesson().source(), e.output().merged(),
                    e.output().stdout(), e.output().stderr());
        }
        return Verdicts.verdict(step, e, match, settings.stepTimeout());
    }

    /**
     * Records what {@code command} (the step's, or its repair) did to the engine, unless it provably did
     * nothing to it: see {@link LedgerSkip} for when a snapshot is skipped and why that is sound.
     */
    private String recordAfter(Step step, String command) {
        boolean engineFree = !lookupMayChange && LedgerSkip.engineFree(command);
        lookupMayChange |= LedgerSkip.mayChangeLater(command);
        return engineFree ? null : record(step);
    }

    /** Attributes what the step created or removed to it; a ledger that cannot see is said, not fatal. */
    private String record(Step step) {
        try {
            ledger.record(step.line(), step.section());
            return null;
        } catch (EngineException e) {
            return "the ledger could not list the engine's resources after this step: " + e.getMessage();
        }
    }

    /**
     * Whether an earlier step wrote the resource's name: a name the engine made up (a container run without
     * {@code --name}, an anonymous volume) changes every run, so written into the lesson it would break it.
     */
    private boolean namedByTheLessonBefore(LedgerEntry entry, Step failing) {
        Pattern word = Pattern.compile("(?<![\\w.-])" + Pattern.quote(entry.resource().name()) + "(?![\\w.-])");
        return plan.steps().stream().filter(s -> s.line() < failing.line())
                .anyMatch(s -> word.matcher(s.command()).find());
    }

    private StepResult repair(ShellSession session, Step step, StepResult failed) {
        List<LedgerEntry> soFar = ledger.entries().stream().filter(this::evidentlyTheLessons)
                .filter(e -> namedByTheLessonBefore(e, step)).toList();
        GapRepair.Proposal proposal = with.repairer().propose(step, failed.output().merged(), soFar);
        if (proposal instanceof GapRepair.Proposal.None none) {
            String candidates = none.candidates().isEmpty() ? ""
                    : " (candidates: " + none.candidates().stream()
                    .map(c -> c.resource().kind().jsonName() + " " + c.resource().name() + " from line " + c.createdAtLine())
                    .collect(Collectors.joining(", ")) + ")";
            return withReason(failed, "no repair: " + none.reason() + candidates);
        }
        var fill = ((GapRepair.Proposal.Fill) proposal).repair();
        ShellSession.Execution e = session.run(fill.command(), settings.stepTimeout());
        noteOutput(step, fill.command(), e);
        String ledgerProblem = recordAfter(step, fill.command());
        StepResult again = judge(step, e);
        if (again.status() == Status.PASSED) {
            String reason = "repaired: ran `" + fill.command() + "` instead (" + fill.evidence() + ");"
                    + " run `docproof fix` to write the repair back" + (ledgerProblem == null ? "" : "; " + ledgerProblem);
            return new StepResult(step, Status.REPAIRED, again.exitCode(), failed.durationMs() + again.durationMs(),
                    false, again.output(), again.match(), fill, reason);
        }
        return withReason(failed, "the repair `" + fill.command() + "` (" + fill.evidence() + ") failed too: "
                + again.reason());
    }

    private static StepResult withReason(StepResult r, String more) {
        String reason = r.reason() == null ? more : r.reason() + "\n" + more;
        return new StepResult(r.step(), r.status(), r.exitCode(), r.durationMs(), r.timedOut(), r.output(), r.match(),
                r.repair(), reason);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // what a lesson left in its own scratch directory is not worth failing the run for
        }
    }
}
