package dev.docproof.lesson;

import java.util.List;

/** A code block that holds shell commands, with the steps planned from it. */
public record PlannedBlock(Node.CodeBlock block, List<Step> steps) {

    public PlannedBlock {
        steps = List.copyOf(steps);
    }
}
