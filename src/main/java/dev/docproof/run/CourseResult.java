package dev.docproof.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A whole run over several lessons; {@code engineVersion} is null when nothing was run. */
public record CourseResult(List<LessonResult> lessons, String engineVersion, Instant started, Duration duration) {

    public CourseResult {
        lessons = List.copyOf(lessons);
    }
}
