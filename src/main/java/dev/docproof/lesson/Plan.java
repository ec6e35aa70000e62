package dev.docproof.lesson;

import java.util.List;

/** A lesson and its shell blocks in document order; diagnostics include the reader's. */
public record Plan(Lesson lesson, List<PlannedBlock> blocks, List<Diagnostic> diagnostics) {

    public Plan {
        blocks = List.copyOf(blocks);
        diagnostics = List.copyOf(diagnostics);
    }

    public List<Step> steps() {
        return blocks.stream().flatMap(b -> b.steps().stream()).toList();
    }
}
