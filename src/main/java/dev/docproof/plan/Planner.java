package dev.docproof.plan;

import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Plan;

/** Turns a lesson's shell code blocks into steps, in document order. Pure. */
public final class Planner {

    private Planner() {}

    public static Plan plan(Lesson lesson) {
        throw new UnsupportedOperationException("not built yet");
    }
}
