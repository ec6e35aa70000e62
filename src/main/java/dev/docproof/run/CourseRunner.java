package dev.docproof.run;

import dev.docproof.docker.Engine;
import dev.docproof.docker.EngineException;
import dev.docproof.docker.Ledger;
import dev.docproof.docker.LedgerEntry;
import dev.docproof.docker.LedgerNames;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.repair.GapRepair;
import dev.docproof.verify.MatchResult;
import dev.docproof.verify.Matcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs planned lessons against the Docker engine: makes sure the engine answers and the images are
 * provisioned, then runs each lesson in its own shell session with a ledger of engine resources.
 */
public final class CourseRunner {

    /** The engine a run talks to: its version, a ledger per lesson, and what to close at the end. */
    record EngineLink(String version, Supplier<Ledger> newLedger, AutoCloseable connection) implements AutoCloseable {
        @Override
        public void close() {
            try {
                connection.close();
            } catch (Exception e) {
                // the run is over; an engine connection that fails to close has nothing left to lose
            }
        }
    }

    @FunctionalInterface
    interface EngineConnector {
        EngineLink connect() throws EngineException;
    }

    @FunctionalInterface
    interface SampleMatcher {
        MatchResult match(Sample sample, Path file, String merged, String stdout, String stderr);
    }

    @FunctionalInterface
    interface Repairer {
        GapRepair.Proposal propose(Step step, String output, List<LedgerEntry> ledger);
    }

    /** What the runner calls in other rooms; tests hand in their own. */
    record Collaborators(EngineConnector engine, SampleMatcher matcher, Repairer repairer) {}

    static final Collaborators DEFAULT = new Collaborators(CourseRunner::connectEngine, Matcher::match, GapRepair::propose);

    private CourseRunner() {}

    public static CourseResult run(List<Plan> plans, RunSettings settings, RunListener listener) {
        return run(plans, settings, listener, DEFAULT);
    }

    static CourseResult run(List<Plan> plans, RunSettings settings, RunListener listener, Collaborators with) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<LessonResult> results = new ArrayList<>();
        String version = null;
        listener.setupProgress("connecting to the Docker engine");
        try (EngineLink link = with.engine().connect()) {
            version = link.version();
            provisionImages(link, plans, settings, listener);
            for (Plan plan : plans) {
                if (!plan.lesson().readable()) {
                    results.add(notRun(plan, unreadable(plan), listener));
                    continue;
                }
                results.add(new LessonRun(plan, settings, listener, with, link.newLedger().get()).run());
            }
        } catch (EngineException e) {
            for (Plan plan : plans.subList(results.size(), plans.size())) {
                results.add(notRun(plan, e.getMessage(), listener));
            }
        }
        return new CourseResult(results, version, started, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static EngineLink connectEngine() throws EngineException {
        Engine engine = Engine.connect();
        return new EngineLink(engine.serverVersion(), () -> new Ledger(engine.client()), engine);
    }

    /**
     * The single place where a run makes sure the lessons' images are on the engine before any lesson
     * starts. Image provisioning from {@code settings.contentDir()} belongs to the docker room; until it
     * is wired here, this checks that every image a runnable step starts a container from is present
     * (docproof never pulls: no registry may be reachable, and a pull hangs).
     */
    private static void provisionImages(EngineLink link, List<Plan> plans, RunSettings settings, RunListener listener)
            throws EngineException {
        Set<String> images = new LinkedHashSet<>();
        for (Plan plan : plans) {
            for (Step step : plan.steps()) {
                if (step.kind() == StepKind.RUN) {
                    images.addAll(LedgerNames.imagesUsed(step.command()));
                }
            }
        }
        if (images.isEmpty()) {
            return;
        }
        listener.setupProgress("checking the lessons' images: " + String.join(", ", images));
        List<String> missing = link.newLedger().get().missingImages(List.copyOf(images));
        if (!missing.isEmpty()) {
            throw new EngineException("the engine lacks the image" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + " that the lesson" + (plans.size() == 1 ? "" : "s")
                    + " start containers from, and docproof never pulls. Build "
                    + (missing.size() == 1 ? "it" : "them") + " from the recipes under "
                    + (settings.contentDir() == null ? Path.of("content") : settings.contentDir()).resolve("images")
                    + " and run again.");
        }
    }

    private static String unreadable(Plan plan) {
        return plan.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).findFirst()
                .map(Diagnostic::toString).orElse(plan.lesson().source() + ": the lesson could not be read");
    }

    /** A lesson that could not run at all: every step not run, the reason as its set-up error. */
    static LessonResult notRun(Plan plan, String setupError, RunListener listener) {
        listener.lessonStarted(plan);
        List<StepResult> steps = plan.steps().stream().map(StepResult::notRun).toList();
        steps.forEach(listener::stepFinished);
        LessonResult r = new LessonResult(plan, steps, List.of(), List.of(), plan.diagnostics(), Instant.now(),
                Duration.ZERO, setupError);
        listener.lessonFinished(r);
        return r;
    }
}
