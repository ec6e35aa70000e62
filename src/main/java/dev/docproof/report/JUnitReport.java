package dev.docproof.report;

import dev.docproof.run.CourseResult;

import java.io.IOException;
import java.nio.file.Path;

/** A run as JUnit XML files in a directory, one per lesson, for CI. */
public final class JUnitReport {

    private JUnitReport() {}

    public static void write(CourseResult result, Path dir) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }
}
