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
import java.util.function.Function;

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
        return unmade(plan, command -> ImageReferences.asWritten(command, withPulls));
    }

    /**
     * The images a lesson's runnable steps name without running them ({@link ImageReferences#namedAsWritten}), except
     * those an earlier step makes: what a lesson reads of the engine's images, where the engine may have them.
     */
    public static List<Use> named(Plan plan) {
        return unmade(plan, ImageReferences::namedAsWritten);
    }

    private static List<Use> unmade(Plan plan, Function<String, List<String>> images) {
        Set<String> made = new HashSet<>();
        List<Use> needed = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (step.kind() != StepKind.RUN || step.marks().skip() != null) {
                continue;
            }
            for (String image : images.apply(step.command())) {
                if (!made.contains(ImageRef.parse(image).canonical())) {
                    needed.add(new Use(image, step));
                }
            }
            ImagesMade.by(step.command()).forEach(image -> made.add(ImageRef.parse(image).canonical()));
        }
        return needed;
    }
}
