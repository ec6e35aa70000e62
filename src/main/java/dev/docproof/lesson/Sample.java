package dev.docproof.lesson;

import java.util.List;

/** The output a lesson documents under a command; {@code lines.get(i)} stands at {@code firstLine + i}. */
public record Sample(List<String> lines, int firstLine) {

    public static final Sample NONE = new Sample(List.of(), 0);

    public Sample {
        lines = List.copyOf(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
