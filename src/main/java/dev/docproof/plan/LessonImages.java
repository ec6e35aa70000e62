package dev.docproof.plan;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.shell.ImageRef;
import dev.docproof.shell.ImageReferences;
import dev.docproof.shell.ImagesMade;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The images a lesson needs the engine to have before it runs: those its runnable steps start containers from
 * (and, when asked, pull), except an image an earlier step makes itself ({@code docker build -t myapp .},
 * {@code docker tag}, {@code docker pull}). A lesson's own images are its business, not a precondition; a step
 * marked skip needs nothing. Pure.
 */
public final class LessonImages {

    /** An image as the step writes it, and the step. */
    public record Use(String image, Step step) {}

    private LessonImages() {}

    public static List<Use> needed(Plan plan, boolean withPulls) {
        Set<String> made = new HashSet<>();
        List<Use> needed = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (step.kind() != StepKind.RUN || step.marks().skip() != null) {
                continue;
            }
            for (String image : ImageReferences.asWritten(step.command(), withPulls)) {
                if (!made.contains(ImageRef.parse(image).canonical())) {
                    needed.add(new Use(image, step));
                }
            }
            ImagesMade.by(step.command()).forEach(image -> made.add(ImageRef.parse(image).canonical()));
        }
        return needed;
    }
}
