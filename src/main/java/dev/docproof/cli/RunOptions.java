package dev.docproof.cli;

import dev.docproof.report.JsonReport;
import dev.docproof.run.CourseResult;
import dev.docproof.run.Interrupts;
import dev.docproof.run.Shard;
import dev.docproof.run.RunSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** How lessons are run and reported, shared by the commands that run them ({@code check}, {@code site}). */
final class RunOptions {

    @Mixin
    SessionOptions session = new SessionOptions();

    @Option(names = "--fail-fast", description = "Stop a lesson at its first failed step.")
    boolean failFast;

    @Option(names = "--strict",
            description = "Repairs, skipped steps, abridged samples and leaked resources count as failures.")
    boolean strict;

    @Option(names = "--show-secrets", description = "Show credential-looking values in step output unmasked;"
            + " refused where the CI variable is set, since reports there are shared.")
    boolean showSecrets;

    @Option(names = "--no-repair", description = "Do not repair failed steps from the engine's evidence.")
    boolean noRepair;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardConverter.class,
            description = "Run only shard K of N: a stable share of the lessons, balanced by their runnable steps,"
                    + " for one of N CI runners.")
    Shard shard;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--junit", paramLabel = "DIR", description = "Also write JUnit XML reports into DIR.")
    Path junit;

    RunSettings settings(CourseInput input) {
        return session.settings(input.contentDir(), failFast, !noRepair, showSecrets);
    }

    /** Null when the options fit together; else what is wrong, for a usage error. */
    String problem() {
        return problem(System.getenv("CI"));
    }

    /** @param ci the CI variable as set, null when it is not */
    String problem(String ci) {
        String placing = session.problem();
        if (placing != null) {
            return placing;
        }
        return showSecrets && ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")
                ? "--show-secrets is for a local run only, and CI is set: reports made here are shared" : null;
    }

    /** Reads K/N. */
    static final class ShardConverter implements picocli.CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            return Shard.parse(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not a shard: write K/N, shard K of N runners, with 1 <= K <= N (e.g. 2/4)"));
        }
    }

    /**
     * Writes the JSON and JUnit reports asked for, of a run of {@code course}'s lessons (or of this shard of them);
     * false, after saying why on {@code err}, when one cannot be.
     */
    boolean writeReports(CourseResult result, List<Path> course, PrintWriter err) {
        return ReportFiles.write(result, new JsonReport.Scope(shard, Interrupts.requested()),
                shard == null ? List.of() : course, json, junit, strict, err);
    }
}
