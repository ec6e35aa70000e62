package dev.docproof.report;

import dev.docproof.run.CourseResult;

import java.io.IOException;
import java.io.Writer;

/** A run as JSON, for tools. */
public final class JsonReport {

    private JsonReport() {}

    public static void write(CourseResult result, Writer out) throws IOException {
        throw new UnsupportedOperationException("not built yet");
    }
}
