package dev.docproof.cli;

import dev.docproof.report.JUnitReport;
import dev.docproof.report.JsonReport;
import dev.docproof.run.CourseResult;
import dev.docproof.run.Interrupts;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** The report files a run or a merge writes: {@code --json FILE} and {@code --junit DIR}. */
final class ReportFiles {

    private ReportFiles() {}

    /**
     * @param scope  the share of the course the result holds and whether the run was interrupted
     * @param split  for a shard, every lesson of the course it was cut from (see {@link JUnitReport}); else empty
     * @param json   null when not asked for, as {@code junit}
     * @param strict whether the run counts what {@code --strict} does as failures, which the JUnit report then shows
     * @return false, after saying why on {@code err}, when a report cannot be written (the others are still written)
     */
    static boolean write(CourseResult result, JsonReport.Scope scope, List<Path> split, Path json, Path junit,
                         boolean strict, PrintWriter err) {
        if (Interrupts.abandoned() != null) {
            return false; // ended at once: the reports would tell of a run half taken down
        }
        // Each report asked for is tried: one that cannot be written (its disk full) keeps none of the others from CI.
        boolean written = true;
        if (json != null) {
            try {
                writeWhole(json, w -> JsonReport.write(result, scope, w));
            } catch (IOException e) {
                err.println("docproof: cannot write the JSON report to " + json + ": " + e.getMessage());
                written = false;
            }
        }
        if (junit != null) {
            if (Files.exists(junit) && !Files.isDirectory(junit)) {
                err.println("docproof: cannot write the JUnit reports into " + junit + ": it is a file, not a folder;"
                        + " name a folder with --junit DIR");
                return false;
            }
            try {
                Files.createDirectories(junit);
                JUnitReport.write(result, scope.shard(), split, junit, strict);
            } catch (IOException e) {
                err.println("docproof: cannot write the JUnit reports into " + junit + ": " + e.getMessage());
                return false;
            }
        }
        return written;
    }

    /** Writes a report's text. */
    @FunctionalInterface
    interface Text {
        void write(Writer out) throws IOException;
    }

    /**
     * Writes {@code file} whole or not at all: the text goes to a file beside it, which then takes its place, so a run
     * stopped while writing (or a full disk) leaves the previous report as it was, never half of one for a merge to
     * refuse. A symlink is written through (the link stays); a report written before keeps its mode.
     */
    static void writeWhole(Path file, Text text) throws IOException {
        Path target = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(target); hops++) { // the file a link points to need not exist yet
            if (hops == 40) {
                throw new IOException("too many levels of symbolic links");
            }
            target = target.getParent().resolve(Files.readSymbolicLink(target)).normalize();
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".docproof-tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp)) {
                text.write(w);
            }
            Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--"));
            Replace.with(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
