package dev.docproof.cli;

import dev.docproof.report.JUnitReport;
import dev.docproof.report.JsonReport;
import dev.docproof.run.CourseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/** The report files a run or a merge writes: {@code --json FILE} and {@code --junit DIR}. */
final class ReportFiles {

    private ReportFiles() {}

    /**
     * @param scope  the share of the course the result holds and whether the run was interrupted
     * @param json   null when not asked for, as {@code junit}
     * @param strict whether the run counts what {@code --strict} does as failures, which the JUnit report then shows
     * @return false, after saying why on {@code err}, when a report cannot be written
     */
    static boolean write(CourseResult result, JsonReport.Scope scope, Path json, Path junit, boolean strict,
                         PrintWriter err) {
        if (json != null) {
            try {
                Path parent = json.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer w = Files.newBufferedWriter(json)) {
                    JsonReport.write(result, scope, w);
                }
            } catch (IOException e) {
                err.println("docproof: cannot write the JSON report to " + json + ": " + e.getMessage());
                return false;
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
                JUnitReport.write(result, junit, strict);
            } catch (IOException e) {
                err.println("docproof: cannot write the JUnit reports into " + junit + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }
}
