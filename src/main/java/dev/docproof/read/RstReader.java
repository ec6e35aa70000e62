package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.SourceSpan;

import java.nio.file.Path;
import java.util.List;

/** Placeholder until the reStructuredText reader is built: reads nothing and says so. */
public final class RstReader implements LessonReader {

    @Override
    public Lesson read(Path file, String text) {
        return new Lesson(file, Lesson.Format.RST, "", List.of(), List.of(Diagnostic.warning(
                new SourceSpan(file, 1, 1), "reStructuredText is not read yet; the lesson shows no blocks")));
    }
}
