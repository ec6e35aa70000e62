package dev.docproof.lesson;

import java.util.List;

/**
 * A lesson and its shell blocks in document order; diagnostics include the reader's. {@code files}: what the course
 * puts into the lesson's working folder before its first step.
 */
public record Plan(Lesson lesson, List<PlannedBlock> blocks, List<Diagnostic> diagnostics, List<CourseFile> files) {

    public Plan {
        blocks = List.copyOf(blocks);
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
    }

    public Plan(Lesson lesson, List<PlannedBlock> blocks, List<Diagnostic> diagnostics) {
        this(lesson, blocks, diagnostics, List.of());
    }

    public List<Step> steps() {
        return blocks.stream().flatMap(b -> b.steps().stream()).toList();
    }
}
