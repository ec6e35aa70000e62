package dev.docproof.read;

import dev.docproof.lesson.Lesson;

import java.nio.file.Path;

/** Reads one lesson format into the shared model. Never throws on bad input: it reports diagnostics. */
public interface LessonReader {

    /** @param file the path to report in spans (as the user named it); {@code text} is its decoded content */
    Lesson read(Path file, String text);
}
