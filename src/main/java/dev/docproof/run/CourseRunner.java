package dev.docproof.run;

import dev.docproof.lesson.Plan;

import java.util.List;

/**
 * Runs planned lessons against the Docker engine: makes sure the engine answers and the images are
 * provisioned, then runs each lesson in its own shell session with a ledger of engine resources.
 */
public final class CourseRunner {

    private CourseRunner() {}

    public static CourseResult run(List<Plan> plans, RunSettings settings, RunListener listener) {
        throw new UnsupportedOperationException("not built yet");
    }
}
