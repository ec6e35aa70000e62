package dev.docproof.plan;

import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step whose exit status the lesson shows right after it: {@code false}, then {@code echo $?} with {@code 1} below
 * it, or {@code echo "exit code: $?"} with {@code exit code: 2}. The status shown is the one the step is meant to end
 * with, as a {@code docproof: expect-exit} marker would say; a marker before the step says the last word. Pure.
 */
final class ShownExitStatus {

    /** {@code echo $?}, {@code echo "exit code: $?"}, {@code echo 'status:' $?}: the text around it, quoted or not. */
    private static final Pattern ECHO_STATUS = Pattern.compile("echo\\s+(\"?)([^\"$`\\\\]*)\\$\\?([^\"$`\\\\]*)\\1\\s*");

    private ShownExitStatus() {}

    /** {@code blocks} with each step whose status the next step shows expecting that status. */
    static List<PlannedBlock> applied(List<PlannedBlock> blocks) {
        List<Step> all = blocks.stream().flatMap(b -> b.steps().stream()).toList();
        List<PlannedBlock> out = new ArrayList<>();
        int index = 0;
        for (PlannedBlock block : blocks) {
            List<Step> steps = new ArrayList<>();
            for (Step step : block.steps()) {
                Step next = index + 1 < all.size() ? all.get(index + 1) : null;
                Optional<Integer> shown = next == null ? Optional.empty() : shown(next);
                steps.add(shown.isPresent() && step.kind() == StepKind.RUN && step.marks().expectExit() == null
                        && shown.get() != 0 ? step.withMarks(step.marks().withExpectExit(shown.get())) : step);
                index++;
            }
            out.add(new PlannedBlock(block.block(), steps));
        }
        return out;
    }

    /** The status {@code step}, an {@code echo $?}, shows in its sample; empty when it is no such step. */
    static Optional<Integer> shown(Step step) {
        Matcher echo = ECHO_STATUS.matcher(step.command().strip());
        if (step.kind() != StepKind.RUN || !echo.matches() || step.sample().lines().size() != 1) {
            return Optional.empty();
        }
        Matcher status = Pattern.compile(Pattern.quote(echo.group(2).strip()) + "\\s*(\\d{1,3})\\s*"
                + Pattern.quote(echo.group(3).strip())).matcher(step.sample().lines().get(0).strip());
        return status.matches() ? Optional.of(Integer.parseInt(status.group(1))) : Optional.empty();
    }
}
