package dev.docproof.lesson;

import java.util.List;

/**
 * The output a lesson documents under a command; {@code lines.get(i)} stands at {@code firstLine + i}. Below a block
 * of several commands it shows what they print together: {@code earlierSteps} is how many steps before its own,
 * in that block, may have printed part of it (0: its own step's output alone).
 */
public record Sample(List<String> lines, int firstLine, int earlierSteps) {

    public static final Sample NONE = new Sample(List.of(), 0);

    public Sample {
        lines = List.copyOf(lines);
    }

    public Sample(List<String> lines, int firstLine) {
        this(lines, firstLine, 0);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
