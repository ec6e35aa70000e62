package dev.docproof.docker;

/**
 * The step of the lesson that was running when a request reached the lesson's engine proxy: what the answer
 * creates or removes is that step's, however late the engine answers (a stalled engine, a step killed at its
 * deadline, a request sent by a job the step left in the background).
 *
 * @param line    the step's line, 0 before the first step
 * @param section the section the step stands in, "" when none
 */
public record StepMark(int line, String section) {

    public static final StepMark NONE = new StepMark(0, "");

    public StepMark {
        section = section == null ? "" : section;
    }
}
