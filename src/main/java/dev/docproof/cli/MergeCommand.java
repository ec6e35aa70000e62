package dev.docproof.cli;

import dev.docproof.lesson.Plan;
import dev.docproof.report.ConsoleReport;
import dev.docproof.report.JsonReport;
import dev.docproof.report.JsonResults;
import dev.docproof.report.ResultsException;
import dev.docproof.report.ShardMerge;
import dev.docproof.run.CourseResult;
import dev.docproof.run.Interrupts;
import dev.docproof.site.AsciidoctorBoot;
import dev.docproof.site.SiteModel;
import dev.docproof.site.SiteRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combines the results of a course's shards (each `check --shard K/N --json FILE`) into what one"
                + " unsharded run reports: the console summary, the exit status, one JUnit folder, one JSON file and,"
                + " with --site, the verified site. Lessons are read again from PATH; their outcomes come from the"
                + " results, which must be of the same lesson text.",
        footer = {"", "Exit status: as `check` over the whole course: 0 every runnable step passed, 1 some step"
                + " failed or a lesson could not be read whole, 2 a lesson could not be set up, or the results cannot"
                + " be merged (not docproof results, a"
                + " shard missing or given twice, a lesson run twice or never, a lesson changed since it ran)."})
final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "The lesson files or folders the shards ran"
            + " (default: content).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--results", arity = "1..*", required = true, paramLabel = "FILE",
            description = "The shards' JSON results, or folders holding them (every .json file inside).")
    List<Path> results = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the merged results as JSON to FILE.")
    Path json;

    @Option(names = "--junit", paramLabel = "DIR", description = "Also write JUnit XML reports into DIR.")
    Path junit;

    @Option(names = "--site", description = "Also render the verified site, as `docproof site` would from one run.")
    boolean site;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the site goes (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "site");

    @Option(names = "--root", paramLabel = "DOC", description = "The site's root document (as for `site`).")
    String root;

    @Option(names = "--strict",
            description = "Repairs, skipped steps, abridged samples and leaked resources count as failures.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AsciidoctorBoot boot = site ? AsciidoctorBoot.start() : null;
        // Caught until the last file is written: a signal then lets the reports and the site be finished, never half.
        try (SignalCatcher signals = SignalCatcher.install()) {
            CourseInput input = CourseInput.read(paths, err,
                    "no lesson to merge: name the .rst, .md or .adoc files, or folders, the shards ran");
            if (input == null) {
                return Main.SETUP_ERROR;
            }
            CourseResult course;
            List<JsonResults.Read> shards;
            try {
                shards = read(resultFiles(), input.plans());
                course = ShardMerge.merge(input.plans(), shards);
            } catch (ResultsException e) {
                e.problems().forEach(p -> err.println("docproof: " + p));
                err.println("docproof: nothing was merged");
                return Main.SETUP_ERROR;
            }
            boolean terminal = System.console() != null;
            new ConsoleReport(stdout, terminal, terminal && System.getenv("NO_COLOR") == null).report(course);
            stdout.flush();
            // An interrupted shard makes the merge what an interrupted run is: the same exit status, and saying so.
            JsonResults.Read interrupted = shards.stream().filter(s -> s.interrupted() != null).findFirst().orElse(null);
            if (!ReportFiles.write(course, new JsonReport.Scope(null, interrupted == null ? null : interrupted.interrupted()),
                    List.of(), json, junit, strict, err)) {
                return Main.SETUP_ERROR;
            }
            int code = CourseRun.verdict(course, strict, err);
            if (interrupted != null) {
                err.println("docproof: " + interrupted.describe() + " was interrupted by SIG" + interrupted.interrupted()
                        + ": its steps not reached were not run; run that shard again for the whole course's verdicts");
                code = interrupted.interrupted().exitStatus();
            }
            if (boot != null) {
                Path index = new SiteRenderer(boot, Main.version(), false).render(
                        SiteModel.ofRun(input.plans(), course, input.layout(root)), out,
                        warning -> err.println("docproof: " + warning));
                err.flush();
                stdout.println("Site written to " + index);
            }
            Interrupts.Signal signal = Interrupts.requested();
            if (signal != null) {
                err.println(CourseRun.afterRun(signal, "the merged reports" + (site ? " and the site" : "")));
                return signal.exitStatus();
            }
            return code;
        } catch (IOException e) {
            err.println("docproof: cannot write the site to " + out + ": " + e.getMessage());
            err.println("Check that the folder is writable, or choose another with --out DIR.");
            return Main.SETUP_ERROR;
        } finally {
            if (boot != null) {
                boot.close();
            }
        }
    }

    /** The files named, each folder standing for the .json files it holds, by name. */
    private List<Path> resultFiles() throws ResultsException {
        List<Path> files = new ArrayList<>();
        for (Path named : results) {
            if (!Files.isDirectory(named)) {
                files.add(named);
                continue;
            }
            try (Stream<Path> inside = Files.list(named)) {
                List<Path> json = inside.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                        .sorted().toList();
                if (json.isEmpty()) {
                    throw new ResultsException(named + ": a folder with no .json results in it; name the shards'"
                            + " results after --results, and the lesson PATHs before it"
                            + " (docproof merge content --results shard-*.json)");
                }
                files.addAll(json);
            } catch (IOException e) {
                throw new ResultsException(named + ": cannot list it (" + e.getMessage() + ")");
            }
        }
        return files;
    }

    /** The file {@code path} names, links resolved; where it is, when it no longer exists. */
    private static Path where(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException gone) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** Every file read against the lessons read now; the problems of all of them at once. */
    private static List<JsonResults.Read> read(List<Path> files, List<Plan> plans) throws ResultsException {
        // By where the file is, so a shard that named the course `content` and a merge naming it `./content`, by its
        // absolute path or through a symbolic link agree.
        Map<Path, Plan> bySource = new LinkedHashMap<>();
        plans.forEach(p -> bySource.putIfAbsent(where(p.lesson().source()), p));
        List<JsonResults.Read> read = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                read.add(JsonResults.read(file, source -> bySource.get(where(source))));
            } catch (ResultsException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ResultsException(Collections.unmodifiableList(problems));
        }
        return read;
    }
}
