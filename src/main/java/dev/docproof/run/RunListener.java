package dev.docproof.run;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;

import java.nio.file.Path;
import java.util.List;

/** Told of a run's progress as it happens, e.g. for a live progress line. */
public interface RunListener {

    RunListener NONE = new RunListener() {};

    default void lessonStarted(Plan plan) {}

    default void stepStarted(Step step) {}

    default void stepFinished(StepResult result) {}

    default void lessonFinished(LessonResult result) {}

    /** The lessons running at this moment, in the lessons' order, when several run at once. */
    default void lessonsRunning(List<Path> lessons) {}

    /** A set-up message (engine start, image build) worth showing while the user waits. */
    default void setupProgress(String message) {}

    /** Something the run did that the user must be told of and that stays in the output (a recovery). */
    default void notice(String message) {}
}
