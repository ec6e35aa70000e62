package dev.docproof.run;

import dev.docproof.docker.Engine;
import dev.docproof.docker.EngineSetup;
import dev.docproof.docker.ImageProvisioner;
import dev.docproof.docker.ImageRecipes;
import dev.docproof.shell.ImageRef;
import dev.docproof.shell.ComposeFiles;
import dev.docproof.shell.WrittenTexts;
import dev.docproof.docker.EngineException;
import dev.docproof.docker.Ledger;
import dev.docproof.docker.Leftovers;
import dev.docproof.docker.NameLocks;
import dev.docproof.docker.RunFolder;
import dev.docproof.docker.SandboxFolders;
import dev.docproof.docker.SandboxReaper;
import dev.docproof.shell.LedgerEntry;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.LessonImages;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.repair.GapRepair;
import dev.docproof.verify.MatchResult;
import dev.docproof.verify.Matcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs planned lessons against the Docker engine: makes sure the engine answers and the images are
 * provisioned, then runs each lesson in its own shell session with a ledger of engine resources.
 */
public final class CourseRunner {

    /**
     * The engine a run talks to: its version, the engine each lesson is opened on, how the lessons' images
     * get there, and what to close at the end.
     */
    record EngineLink(String version, Engine engine, PlaceOpener places, ImageSupply images, AutoCloseable connection)
            implements AutoCloseable {

        /** Lessons on this machine against an engine whose images are only checked for presence, never built. */
        EngineLink(String version, Engine engine, AutoCloseable connection) {
            this(version, engine, (plan, names) -> HostPlace.open(engine, plan, names),
                    (images, alsoUsed) -> Ledger.missingImages(engine, images), connection);
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (Exception e) {
                // the run is over; an engine connection that fails to close has nothing left to lose
            }
        }
    }

    /** Opens the place one lesson runs in: a folder on this machine, or a fresh sandbox. */
    @FunctionalInterface
    interface PlaceOpener {
        LessonPlace open(Plan plan, List<NameLocks.Name> names) throws EngineException, NameLocks.HeldException;

        /** The lessons that will be opened, in order, {@code jobs} at a time: a place may make theirs ready ahead. */
        default void expect(List<Plan> plans, int jobs) {}

        /**
         * The result of the whole lesson run by a docproof in its place (a sandbox on an engine of another machine),
         * telling {@code listener}; null when the lesson runs from here, step by step, in the place {@link #open} gives.
         */
        default LessonResult runThere(Plan plan, RunListener listener) {
            return null;
        }
    }

    @FunctionalInterface
    interface EngineConnector {
        EngineLink connect(RunListener listener) throws EngineException;
    }

    /** Makes sure the named images are on the engine (building them from recipes), never pulling implicitly. */
    @FunctionalInterface
    interface ImageSupply {
        /**
         * Makes sure the images that can be had offline are on the engine (present, or built from a recipe);
         * returns those that cannot: absent, with no recipe. Steps that start containers from those are skipped.
         * {@code alsoUsed} (what the lessons' Dockerfiles build from, and what their steps name without starting a
         * container from it: {@code docker tag}, {@code history}, ...) go along where the lessons run when the engine
         * has them or a recipe makes them; a build whose base is missing is skipped, saying why.
         */
        List<String> ensure(List<String> images, List<String> alsoUsed) throws EngineException;
    }

    @FunctionalInterface
    interface SampleMatcher {
        MatchResult match(Sample sample, Path file, String merged, String stdout, String stderr);
    }

    @FunctionalInterface
    interface Repairer {
        GapRepair.Proposal propose(Step step, String output, List<LedgerEntry> ledger);
    }

    /**
     * Reads the results file a docproof inside a lesson's sandbox wrote ({@code --json}) as the result of {@code plan},
     * checking that it ran the lesson as read here. It is the report room's: the command line hands it in.
     */
    @FunctionalInterface
    public interface ResultsReader {
        LessonResult read(Path file, Plan plan) throws IOException;

        /** Where no sandbox runs on an engine of another machine. */
        ResultsReader NONE = (file, plan) -> {
            throw new IOException("this command reads no results of a docproof inside a sandbox");
        };
    }

    /** What the runner calls in other rooms; tests hand in their own. */
    record Collaborators(EngineConnector engine, SampleMatcher matcher, Repairer repairer) {}

    

    private CourseRunner() {}

    /** Where engine set-up writes apt's and dockerd's logs. */
    private static final Path SETUP_LOG_DIR = Path.of("target");

    public static CourseResult run(List<Plan> plans, RunSettings settings, RunListener listener) {
        return run(plans, settings, listener, EarlyEngine.NONE);
    }

    /** As {@link #run(List, RunSettings, RunListener)}, using (and closing) a connection begun earlier. */
    public static CourseResult run(List<Plan> plans, RunSettings settings, RunListener listener, EarlyEngine early) {
        return run(plans, settings, listener, early, ResultsReader.NONE);
    }

    /**
     * As {@link #run(List, RunSettings, RunListener, EarlyEngine)}; {@code results} reads what docproof writes in a
     * sandbox on an engine of another machine.
     */
    public static CourseResult run(List<Plan> plans, RunSettings settings, RunListener listener, EarlyEngine early,
                                   ResultsReader results) {
        return run(plans, settings, listener, new Collaborators(l -> connectEngine(l, settings, early, results),
                Matcher::match, GapRepair::propose));
    }

    /**
     * A connection to an engine that already answers, begun on another thread while the caller does other
     * work (reading and planning the lessons); it also warms what the first ledger snapshot needs. When no
     * engine answers it yields nothing, and the run goes through {@link EngineSetup} as usual, which may
     * start one and says what it does.
     */
    public static final class EarlyEngine implements AutoCloseable {

        static final EarlyEngine NONE = new EarlyEngine(CompletableFuture.completedFuture(null));

        /** No early connection: the run connects when it starts. */
        public static EarlyEngine none() {
            return NONE;
        }

        private final CompletableFuture<Engine> connecting;
        private boolean taken;

        private EarlyEngine(CompletableFuture<Engine> connecting) {
            this.connecting = connecting;
        }

        public static EarlyEngine begin() {
            return new EarlyEngine(CompletableFuture.supplyAsync(() -> {
                try {
                    Engine engine = Engine.connect();
                    engine.client().listContainersCmd().withShowAll(true).exec();
                    engine.dataRoot(); // asked now, while the lessons are read: a lesson's disk floor needs it
                    return engine;
                } catch (EngineException notNow) {
                    return null; // EngineSetup.ensure tries again and explains
                }
            }, task -> {
                Thread t = new Thread(task, "docproof-engine-connect");
                t.setDaemon(true);
                t.start();
            }));
        }

        /** The engine, once connected, or null; the caller owns it from now on. */
        synchronized Engine take() {
            taken = true;
            return connecting.join();
        }

        /** Closes a connection nobody took (e.g. no lesson was found). */
        @Override
        public synchronized void close() {
            if (!taken) {
                taken = true;
                connecting.thenAccept(engine -> {
                    if (engine != null) {
                        engine.close();
                    }
                });
            }
        }
    }

    static CourseResult run(List<Plan> plans, RunSettings settings, RunListener listener, Collaborators with) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<LessonResult> results = new ArrayList<>();
        String version = null;
        if (Interrupts.requested() != null) {
            // Stopped while the lessons were read: no engine to set up or ask, every lesson reported not reached.
            plans.forEach(plan -> results.add(notReached(plan, listener)));
            return new CourseResult(results, null, started, Duration.ofNanos(System.nanoTime() - t0));
        }
        listener.setupProgress("connecting to the Docker engine");
        try (EngineLink link = with.engine().connect(listener)) {
            version = link.version();
            // What dead runs left and the lessons' images are separate questions to the engine: asked at once.
            CompletableFuture<List<String>> recovering = CompletableFuture.supplyAsync(() -> recoverDeadRuns(link.engine()));
            provisionImages(link, plans, listener);
            removedAfterDeadRuns(recovering).forEach(listener::notice);
            int jobs = settings.isolation() == Isolation.SANDBOX ? settings.jobs() : 1;
            if (Interrupts.requested() == null) {
                link.places().expect(plans.stream().filter(p -> p.lesson().readable() && StepGate.mayRun(p)).toList(), jobs);
            }
            results.addAll(LessonJobs.run(plans, jobs, listener, (plan, heard) -> {
                if (!plan.lesson().readable()) {
                    return notRun(plan, new SetupError(SetupError.Kind.UNREADABLE, unreadable(plan)), heard);
                }
                if (Interrupts.requested() != null) {
                    return notReached(plan, heard);
                }
                LessonResult there = link.places().runThere(plan, heard);
                return there != null ? there : new LessonRun(plan, settings, heard, with, link.places()).run();
            }));
        } catch (EngineException e) {
            for (Plan plan : plans.subList(results.size(), plans.size())) {
                results.add(notRun(plan, new SetupError(SetupError.Kind.ENGINE, e.getMessage()), listener));
            }
        }
        return new CourseResult(results, version, started, Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Gets an engine that answers (starting one where docproof may) and provisions images from the
     * recipes in {@code images/} beside the lessons, else in {@code content/images}.
     */
    private static EngineLink connectEngine(RunListener listener, RunSettings settings, EarlyEngine early,
                                            ResultsReader results) throws EngineException {
        // The recipes are read and hashed while the connection completes (the first hash loads Java's providers).
        CompletableFuture<ImageRecipes> recipes = CompletableFuture.supplyAsync(() -> {
            try {
                return ImageRecipes.discover(recipeRoot(settings));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Engine connected = early.take();
        Engine engine;
        if (connected != null) {
            engine = connected;
            listener.setupProgress(EngineSetup.describe(engine) + ", used as it is");
        } else {
            engine = EngineSetup.ensure(SETUP_LOG_DIR, listener::setupProgress);
        }
        if (settings.isolation() != Isolation.SANDBOX) {
            PlaceOpener places = settings.isolation() == Isolation.INSIDE ? (plan, names) -> InsidePlace.open(engine, plan, settings.sandboxMemory())
                    : (plan, names) -> HostPlace.open(engine, plan, names);
            return new EngineLink(engine.serverVersion(), engine, places,
                    (names, alsoUsed) -> {
                        List<String> missing = provision(engine, withAlsoUsed(names, alsoUsed), recipes, settings, listener);
                        return names.stream().filter(missing::contains).toList();
                    }, engine);
        }
        SandboxLink sandboxes = new SandboxLink(engine, SETUP_LOG_DIR, listener, settings, results);
        return new EngineLink(engine.serverVersion(), engine, sandboxes, (names, alsoUsed) -> {
            // A base with a recipe is built like any lesson image; one missing with none makes its build skipped.
            List<String> all = withAlsoUsed(names, alsoUsed);
            List<String> missing = provision(engine, all, recipes, settings, listener);
            sandboxes.prepare(all.stream().filter(n -> !missing.contains(n)).map(ImageRef::parse).toList());
            return names.stream().filter(missing::contains).toList();
        }, () -> {
            sandboxes.close();
            engine.close();
        });
    }

    /** The images as named, then those also used not among them (by canonical name). */
    private static List<String> withAlsoUsed(List<String> images, List<String> alsoUsed) {
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>();
        for (String image : images) {
            if (seen.add(ImageRef.parse(image).canonical())) {
                all.add(image);
            }
        }
        alsoUsed.stream().filter(b -> seen.add(ImageRef.parse(b).canonical())).forEach(all::add);
        return all;
    }

    /** Provisions the images that are present or have a recipe; returns those that have neither. */
    private static List<String> provision(Engine engine, List<String> names, CompletableFuture<ImageRecipes> recipes,
                                          RunSettings settings, RunListener listener) throws EngineException {
        try {
            ImageProvisioner provisioner = new ImageProvisioner(engine, recipes.join(), SETUP_LOG_DIR,
                    listener::setupProgress);
            Map<String, ImageProvisioner.State> states = new LinkedHashMap<>();
            for (String name : names) {
                states.put(name, provisioner.state(ImageRef.parse(name)));
            }
            provisioner.ensure(names.stream().filter(n -> states.get(n) != ImageProvisioner.State.PRESENT
                    && states.get(n) != ImageProvisioner.State.MISSING).map(ImageRef::parse).toList());
            return names.stream().filter(n -> states.get(n) == ImageProvisioner.State.MISSING).toList();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException unreadable) {
                throw new EngineException("cannot read the image recipes under " + recipeRoot(settings) + ": "
                        + unreadable.getCause().getMessage(), unreadable.getCause());
            }
            throw e;
        }
    }


    private static Path recipeRoot(RunSettings settings) {
        Path beside = settings.contentDir() == null ? null : settings.contentDir().resolve("images");
        return beside != null && Files.isDirectory(beside) ? beside : ImageRecipes.DEFAULT_ROOT;
    }

    /** The single place where a run makes sure the lessons' images are on the engine before any lesson starts. */
    private static void provisionImages(EngineLink link, List<Plan> plans, RunListener listener)
            throws EngineException {
        Set<String> images = new LinkedHashSet<>();
        Set<String> alsoUsed = new LinkedHashSet<>();
        for (Plan plan : plans) {
            images.addAll(preconditions(plan));
            alsoUsed.addAll(alsoUsed(plan));
        }
        if (!images.isEmpty()) {
            listener.setupProgress("checking the lessons' images: " + String.join(", ", images));
        }
        List<String> missing = link.images().ensure(List.copyOf(images), List.copyOf(alsoUsed));
        if (!missing.isEmpty()) {
            listener.setupProgress("not on the engine, and content/images has no recipe: " + String.join(", ", missing)
                    + "; the steps that start containers from " + (missing.size() == 1 ? "it" : "them")
                    + " are skipped (docproof never pulls)");
        }
    }

    /**
     * The images a run of these lessons puts into the sandboxes' image store, those the engine has: what
     * their steps start containers from, what their Dockerfiles build from, and what their steps otherwise name
     * ({@code docker tag}, {@code history}, {@code image inspect}, ...), so that a lesson reads in its sandbox the
     * images it would read on this machine.
     */
    public static List<ImageRef> sandboxImages(Engine engine, List<Plan> plans) throws EngineException {
        Set<String> names = new LinkedHashSet<>();
        for (Plan plan : plans) {
            names.addAll(preconditions(plan));
            names.addAll(alsoUsed(plan));
        }
        List<String> missing = Ledger.missingImages(engine, List.copyOf(names));
        return names.stream().filter(n -> !missing.contains(n)).map(ImageRef::parse).toList();
    }

    /**
     * The images a lesson's steps start containers from, or pull, that it does not make itself first: needed before
     * it runs. A pulled one counts: offline, the pull cannot run, and the image is provided from content/images instead.
     */
    static List<String> preconditions(Plan plan) {
        return LessonImages.needed(plan, true).stream().map(LessonImages.Use::image).distinct().toList();
    }

    /**
     * The images a lesson uses without needing them to start: what its files build from or run, and what its steps
     * name without starting a container from it ({@link LessonImages#named}). Each goes where the lesson runs when
     * the engine has it; one missing fails only the step that uses it, as it would on this machine.
     */
    private static List<String> alsoUsed(Plan plan) {
        Set<String> images = new LinkedHashSet<>(fileImages(plan));
        LessonImages.named(plan).forEach(use -> images.add(use.image()));
        return List.copyOf(images);
    }

    /**
     * The images the files the lesson writes name: what its Dockerfiles build from and what its Compose files'
     * services run. The files are those of its file steps, of its here-documents ({@code cat > Dockerfile <<'EOF'},
     * {@code docker build - <<EOF}) and of what it echoes into files (see {@link WrittenTexts}). A {@code FROM} or
     * {@code image:} line in any of them counts: one that is no Dockerfile's or Compose file's costs only an image
     * in the sandboxes' store, one missed fails the build or the pull. The course's files it starts with count too
     * (their Dockerfiles and Compose files, see {@link CourseFiles#buildFiles}).
     */
    static List<String> fileImages(Plan plan) {
        Set<String> images = new LinkedHashSet<>();
        for (String text : CourseFiles.buildFiles(plan.files())) {
            ImageProvisioner.parents(text.lines().toList()).forEach(b -> images.add(b.canonical()));
            ComposeFiles.images(text).forEach(i -> images.add(ImageRef.parse(i).canonical()));
        }
        for (Step step : plan.steps()) {
            if (step.kind() == StepKind.RUN && step.marks().skip() == null) {
                for (String text : WrittenTexts.of(step.command())) {
                    ImageProvisioner.parents(text.lines().toList()).forEach(b -> images.add(b.canonical()));
                    ComposeFiles.images(text).forEach(i -> images.add(ImageRef.parse(i).canonical()));
                }
            }
        }
        return List.copyOf(images);
    }

    /**
     * Removes what runs killed earlier left on this engine and machine (their owner process is gone): their
     * sandboxes, and what their lessons created on the engine and in folders, since a lesson must not be
     * refused for names a dead run still holds. Returns what it removed, in sentences.
     */
    private static List<String> recoverDeadRuns(Engine engine) {
        List<String> removed = new ArrayList<>();
        for (SandboxReaper.Found orphan : SandboxReaper.reap(engine.client())) {
            removed.add("removed the " + orphan.describe() + ", left by a run that ended without cleaning up");
        }
        // A run killed after making a sandbox's folder and before its container: no label names that folder.
        for (SandboxFolders.Left folder : SandboxFolders.reap(RunFolder.defaultTemp())) {
            removed.add("removed the " + folder.describe() + ", left by a run that ended without cleaning up");
        }
        try {
            Leftovers.recover(engine.client(), engine.uri().toString(), RunFolder.defaultTemp())
                    .forEach(r -> removed.add(r.describe()));
        } catch (EngineException e) {
            throw new CompletionException(e);
        }
        return removed;
    }

    private static List<String> removedAfterDeadRuns(CompletableFuture<List<String>> recovering) throws EngineException {
        try {
            return recovering.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof EngineException engineGone) {
                throw engineGone;
            }
            throw e;
        }
    }

    private static String unreadable(Plan plan) {
        return plan.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).findFirst()
                .map(Diagnostic::toString).orElse(plan.lesson().source() + ": the lesson could not be read");
    }

    /** A lesson the run did not reach because it was interrupted: every step not run, saying so. */
    private static LessonResult notReached(Plan plan, RunListener listener) {
        return told(notReachedResult(plan), listener);
    }

    static LessonResult notReachedResult(Plan plan) {
        return noStepRun(plan, new Outcome.NotRun(Outcome.NotRun.Why.AFTER_INTERRUPT, 0), null);
    }

    /** A lesson that could not run at all: every step not run, the reason as its set-up error. */
    static LessonResult notRun(Plan plan, SetupError setupError, RunListener listener) {
        return told(notRunResult(plan, setupError), listener);
    }

    static LessonResult notRunResult(Plan plan, SetupError setupError) {
        return noStepRun(plan, Outcome.NotRun.LESSON_NOT_RUN, setupError);
    }

    private static LessonResult noStepRun(Plan plan, Outcome.NotRun why, SetupError setupError) {
        List<StepResult> steps = plan.steps().stream().map(s -> StepResult.notRun(s, s.kind() == StepKind.TEMPLATE
                ? Outcome.NotRun.TEMPLATE : why)).toList();
        return new LessonResult(plan, steps, List.of(), List.of(), plan.diagnostics(), Instant.now(), Duration.ZERO,
                setupError);
    }

    private static LessonResult told(LessonResult result, RunListener listener) {
        listener.lessonStarted(result.plan());
        result.steps().forEach(listener::stepFinished);
        listener.lessonFinished(result);
        return result;
    }
}
