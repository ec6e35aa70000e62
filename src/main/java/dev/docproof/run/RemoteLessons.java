package dev.docproof.run;

import dev.docproof.docker.EngineException;
import dev.docproof.docker.RemoteSandbox;
import dev.docproof.docker.RemoteSandboxImage;
import dev.docproof.docker.Sandboxes;
import dev.docproof.lesson.CourseFile;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.StepKind;
import dev.docproof.plan.CourseConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lessons in sandboxes on an engine of another machine. docproof runs each lesson inside its sandbox
 * ({@link Isolation#INSIDE}), as it would here: the sandbox gets the lesson's course folder, the course's
 * {@code docproof.yml} and its files at the same paths as on this machine, and the results docproof writes there are
 * read back as this run's own, checked against the lesson as read here.
 */
final class RemoteLessons {

    /** Where the docproof inside writes its results. */
    private static final String RESULTS = "/run/docproof-results.json";
    /** A file this large is no lesson's text, include or configuration: it stays out of the sandbox. */
    private static final long LARGEST_COPIED = 10_000_000;
    /** How long a short command in the sandbox (a folder made, a signal passed on) may take. */
    private static final Duration SHORT_COMMAND = Duration.ofSeconds(5);
    /** Beyond the steps' own deadlines: the sandbox's docproof starting, and the lesson's engine set-up. */
    private static final Duration MARGIN = Duration.ofMinutes(10);

    private final Sandboxes<RemoteSandbox> sandboxes;
    private final RunSettings settings;
    private final CourseRunner.ResultsReader results;
    /** The bytes each sandbox may use (0: unbounded), passed on so that a step killed for want of them says so. */
    private final long memory;

    RemoteLessons(Sandboxes<RemoteSandbox> sandboxes, RunSettings settings, CourseRunner.ResultsReader results,
                  long memory) {
        this.sandboxes = sandboxes;
        this.settings = settings;
        this.results = results;
        this.memory = memory;
    }

    LessonResult run(Plan plan, RunListener listener) {
        listener.lessonStarted(plan);
        LessonResult result;
        try {
            RemoteSandbox sandbox = sandboxes.start(SandboxLink.lesson(plan));
            try {
                result = runIn(sandbox, plan);
            } finally {
                sandboxes.discard(sandbox);
            }
        } catch (EngineException e) {
            result = failed(plan, e.getMessage());
        }
        result.steps().forEach(listener::stepFinished);
        listener.lessonFinished(result);
        return result;
    }

    private LessonResult runIn(RemoteSandbox sandbox, Plan plan) {
        Path here = Path.of("").toAbsolutePath();
        Path lesson = here.resolve(plan.lesson().source()).normalize();
        Path local = null;
        try {
            // One upload, however many files; the staged links go at once, not left to a run killed later.
            Path staged = stage(copied(plan, lesson));
            try {
                sandbox.copyIn(staged, "/");
            } finally {
                ScratchFolder.delete(staged);
            }
            // docproof starts there in this run's working folder, which holds none of the lesson's files when the
            // lesson is elsewhere
            sandbox.run(List.of("mkdir", "-p", here.toString()), "/", SHORT_COMMAND);
            // A signal here goes on to docproof inside: it stops the lesson's step and still writes its results.
            Runnable stop = () -> sandbox.run(List.of("pkill", "-" + Interrupts.requested().name(), "-f",
                    "^" + RemoteSandboxImage.RUNTIME + " "), "/", SHORT_COMMAND);
            RemoteSandbox.Ran ran;
            Interrupts.whileRunning(stop);
            try {
                if (Interrupts.requested() != null) {
                    return CourseRunner.notReachedResult(plan);
                }
                ran = sandbox.run(command(plan), here.toString(), deadline(plan));
            } finally {
                Interrupts.doneRunning(stop);
            }
            local = Files.createTempFile("docproof-results-", ".json");
            try {
                sandbox.copyOut(RESULTS, local);
            } catch (RuntimeException none) {
                if (Interrupts.requested() != null) {
                    return CourseRunner.notReachedResult(plan);
                }
                return failed(plan, plan.lesson().source() + ": docproof in the lesson's sandbox "
                        + sandbox.containerId() + (ran.exitCode() == null ? " did not end within " + deadline(plan).toMinutes()
                        + " min" : " ended with status " + ran.exitCode()) + " and wrote no results; its output ends with:\n"
                        + ran.output().strip());
            }
            try {
                return results.read(local, plan);
            } catch (IOException differs) {
                return failed(plan, plan.lesson().source() + ": docproof in the lesson's sandbox read it otherwise than"
                        + " here, most likely because a file it includes was not copied in (hidden, in _build or a build"
                        + " folder, over 10 MB, behind a folder link, or outside the lesson's course folder): move that"
                        + " file into the course folder, or run on this machine's engine. What differed: "
                        + differs.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            return failed(plan, plan.lesson().source() + ": the lesson's sandbox " + sandbox.containerId()
                    + " could not run it: " + e.getMessage());
        } finally {
            if (local != null) {
                local.toFile().delete();
            }
        }
    }

    /**
     * A folder holding {@code paths} (files, and folders with all in them) at their absolute paths below it: linked
     * where they are on its disk, copied elsewhere.
     */
    static Path stage(List<Path> paths) throws IOException {
        Path root = Files.createTempDirectory("docproof-remote-files-");
        for (Path path : paths) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Path to = root.resolve(file.toString().substring(1));
                    if (Files.exists(to)) {
                        continue;
                    }
                    Files.createDirectories(to.getParent());
                    try {
                        Files.createLink(to, file);
                    } catch (IOException | UnsupportedOperationException otherDisk) {
                        Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        return root;
    }

    /** docproof as the run here was started, for this lesson alone, inside the sandbox. */
    private List<String> command(Plan plan) {
        List<String> command = new ArrayList<>(List.of(RemoteSandboxImage.COMMAND, "check", "--isolation", "inside",
                "--json", RESULTS, "--timeout", settings.stepTimeout().toMillis() + "ms",
                "--max-output", Long.toString(settings.maxOutput()), "--min-free-disk", Long.toString(settings.minFreeDisk())));
        if (memory > 0) {
            command.addAll(List.of("--sandbox-memory", Long.toString(memory)));
        }
        if (settings.failFast()) {
            command.add("--fail-fast");
        }
        if (!settings.repair()) {
            command.add("--no-repair");
        }
        if (settings.showSecrets()) {
            command.add("--show-secrets");
        }
        command.add(plan.lesson().source().toString());
        return command;
    }

    /** Long enough for every step to use its whole deadline, and for docproof and the lesson's engine to start. */
    private Duration deadline(Plan plan) {
        Duration steps = plan.steps().stream().filter(s -> s.kind() != StepKind.TEMPLATE)
                .map(s -> s.marks().timeout() != null ? s.marks().timeout() : settings.stepTimeout())
                .reduce(Duration.ZERO, Duration::plus);
        return steps.multipliedBy(2).plus(MARGIN); // a step's repair may take its deadline once more
    }

    /**
     * What the lesson is read and run with, at their paths here: the files of its course folder the readers may read
     * (its includes, Sphinx's {@code conf.py}; no hidden ones, nothing larger than a lesson's text could be), each
     * {@code docproof.yml} above it, and the course files its plan brings in.
     */
    static List<Path> copied(Plan plan, Path lesson) throws IOException {
        List<Path> copied = new ArrayList<>();
        Path folder = courseFolder(lesson);
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(f -> Files.isRegularFile(f) && !hidden(folder.relativize(f)) && size(f) <= LARGEST_COPIED)
                    .forEach(copied::add);
        }
        for (Path up = lesson.getParent(); up != null; up = up.getParent()) {
            Path config = up.resolve(CourseConfig.FILE_NAME);
            if (!config.startsWith(folder) && Files.isRegularFile(config)) {
                copied.add(config);
            }
        }
        if (!copied.contains(lesson)) {
            copied.add(lesson);
        }
        for (CourseFile file : plan.files()) {
            copied.add(file.source().toAbsolutePath().normalize());
        }
        return copied;
    }

    /** The Sphinx project the lesson stands in (the nearest folder above it holding {@code conf.py}), else its folder. */
    private static Path courseFolder(Path lesson) {
        for (Path up = lesson.getParent(); up != null; up = up.getParent()) {
            if (Files.isRegularFile(up.resolve("conf.py"))) {
                return up;
            }
        }
        return lesson.getParent();
    }

    /** Build output and installed packages: no lesson reads its text from there, and they hold thousands of files. */
    private static final Set<String> NOT_COPIED = Set.of("_build", "target", "node_modules", "__pycache__", "venv");

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".") || NOT_COPIED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static LessonResult failed(Plan plan, String why) {
        return CourseRunner.notRunResult(plan, new SetupError(SetupError.Kind.SANDBOX, why));
    }
}
