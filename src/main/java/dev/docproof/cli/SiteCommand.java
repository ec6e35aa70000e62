package dev.docproof.cli;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.run.CourseResult;
import dev.docproof.run.CourseRunner;
import dev.docproof.run.LessonResult;
import dev.docproof.run.RunListener;
import dev.docproof.run.RunSettings;
import dev.docproof.run.Status;
import dev.docproof.site.AsciidoctorBoot;
import dev.docproof.site.SiteModel;
import dev.docproof.site.SiteRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "site", mixinStandardHelpOptions = true,
        description = "Runs the lessons and renders a verified HTML site: every command with its verdict and output.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every step passed or was repaired", "1:a lesson has failures", "2:usage or set-up error"})
final class SiteCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Lesson files or folders (default: content).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where the site goes (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "site");

    @Option(names = "--no-run", description = "Render without running anything: every step shows as not verified.")
    boolean noRun;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Deadline of each step, e.g. 30s, 2m, 500ms (default: 60s).")
    Duration timeout = RunSettings.DEFAULT_STEP_TIMEOUT;

    @Option(names = "--strict", description = "Drift, abridged samples and leaks count as failures.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AsciidoctorBoot boot = AsciidoctorBoot.start()) { // boots while the lessons run
            Lessons lessons = Lessons.load(paths, err);
            if (lessons == null) {
                return Main.SETUP_ERROR;
            }
            SiteModel site;
            int code;
            if (noRun) {
                site = SiteModel.unverified(lessons.plans(), Instant.now());
                code = lessons.unreadable() ? Main.FAILURES : Main.OK;
            } else {
                CourseResult course = CourseRunner.run(lessons.plans(), settings(lessons), progress(err));
                site = SiteModel.ofRun(lessons.plans(), course);
                code = exitCode(course, strict);
            }
            Path index = new SiteRenderer(boot, version(), false).render(site, this.out);
            out.println("Site written to " + index);
            return code;
        } catch (IOException e) {
            err.println("docproof: cannot write the site to " + this.out + ": " + e.getMessage());
            err.println("Check that the folder is writable, or choose another with --out DIR.");
            return Main.SETUP_ERROR;
        }
    }

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    RunSettings settings(Lessons lessons) {
        return new RunSettings(timeout, false, true, lessons.contentDir());
    }

    static RunListener progress(PrintWriter err) {
        return new RunListener() {
            @Override
            public void setupProgress(String message) {
                err.println(message);
            }

            @Override
            public void lessonFinished(LessonResult result) {
                err.printf("%s: %d passed, %d failed, %d repaired, %d not run%n", result.plan().lesson().source(),
                        result.count(Status.PASSED), result.count(Status.FAILED), result.count(Status.REPAIRED),
                        result.count(Status.NOT_RUN));
            }
        };
    }

    /** 2 when a lesson could not be run at all, 1 when a step failed (or, with --strict, drifted or leaked), else 0. */
    static int exitCode(CourseResult course, boolean strict) {
        boolean setup = course.lessons().stream().anyMatch(r -> r.setupError() != null);
        if (setup) {
            return Main.SETUP_ERROR;
        }
        boolean failed = course.lessons().stream().anyMatch(r -> r.count(Status.FAILED) > 0
                || r.diagnostics().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR));
        boolean warned = course.lessons().stream().anyMatch(r -> !r.leaks().isEmpty() || r.steps().stream()
                .anyMatch(s -> s.match() != null && (!s.match().drift().isEmpty() || !s.match().abridged().isEmpty())));
        return failed || strict && warned ? Main.FAILURES : Main.OK;
    }

    /** The lessons named on the command line, read and planned. */
    record Lessons(List<Path> files, List<Plan> plans, boolean unreadable, Path contentDir) {

        /** Null (after saying why on {@code err}) when no lesson was found. */
        static Lessons load(List<Path> paths, PrintWriter err) {
            List<Path> named = paths.isEmpty() ? List.of(Path.of("content")) : paths;
            LessonFiles.Discovery discovery = LessonFiles.discover(named);
            discovery.diagnostics().forEach(d -> err.println(d));
            if (discovery.files().isEmpty()) {
                err.println("docproof: no lesson files (.rst, .md, .adoc) found in " + named);
                return null;
            }
            List<Plan> plans = new ArrayList<>();
            boolean unreadable = false;
            for (Path file : discovery.files()) {
                Lesson lesson = LessonFiles.read(file);
                Plan plan = Planner.plan(lesson);
                plan.diagnostics().forEach(d -> err.println(d));
                unreadable |= !lesson.readable();
                plans.add(plan);
            }
            Path first = named.get(0);
            Path contentDir = first.toFile().isDirectory() ? first
                    : first.toAbsolutePath().getParent() == null ? Path.of(".") : first.toAbsolutePath().getParent();
            return new Lessons(discovery.files(), plans, unreadable, contentDir);
        }
    }

    /** 60s, 2m, 500ms, 1h, or a bare number of seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            try {
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                } else if (v.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                } else if (v.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                } else if (v.endsWith("h")) {
                    return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (try 30s, 2m or 500ms)");
            }
        }
    }
}
