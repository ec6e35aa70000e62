package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;

import java.nio.file.Path;
import java.util.List;

/** Finds lesson files under the paths a user names and reads each with the reader for its format. */
public final class LessonFiles {

    /** The lesson files found, and diagnostics for paths that hold none or do not exist. */
    public record Discovery(List<Path> files, List<Diagnostic> diagnostics) {}

    private LessonFiles() {}

    /** Lesson files (.rst, .md, .markdown, .adoc, .asciidoc) under each path, in a stable order. */
    public static Discovery discover(List<Path> paths) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Reads one file: undecodable bytes, a missing file and the like become diagnostics, never exceptions. */
    public static Lesson read(Path file) {
        throw new UnsupportedOperationException("not built yet");
    }
}
