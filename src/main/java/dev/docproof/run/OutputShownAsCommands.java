package dev.docproof.run;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.verify.Matcher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Output a lesson shows in a block of commands without prompts, right under the command that printed it
 * ({@code docker run --rm alpine echo hi}, then {@code hi}): the planner reads every line of such a block as a
 * command, but the line is what the command before it printed. Told by the run, which has that output: a line that
 * matches one the command before it printed, as a sample line would (or the line before it, itself such output), is
 * not run.
 */
final class OutputShownAsCommands {

    /** The steps of blocks without prompts, each with the step before it in its block. */
    private final Map<Step, Step> before = new HashMap<>();
    /** The step whose output the lines after it show, for each line found to be such output. */
    private final Map<Step, StepResult> printedBy = new HashMap<>();

    OutputShownAsCommands(Plan plan) {
        for (PlannedBlock planned : plan.blocks()) {
            List<Step> steps = planned.steps();
            for (int i = 1; i < steps.size(); i++) {
                if (!prompted(planned, steps.get(i)) && steps.get(i).line() == steps.get(i - 1).lastLine() + 1) {
                    before.put(steps.get(i), steps.get(i - 1));
                }
            }
        }
    }

    /** Why {@code step} is not run, when it is output the step right before it printed or showed. */
    Optional<String> reason(Step step, StepResult previous) {
        return printer(step, previous).filter(printer -> step.kind() == StepKind.RUN && !step.command().contains("\n")
                && shows(step, printer.output())).map(printer -> taken(step, printer, "line " + step.line()
                + " is what line " + printer.step().line() + " printed, not a command"));
    }

    /**
     * A line the gate skips for want of its program, standing right under a command that printed, and whose program
     * word is capitalised as commands never are ({@code Docker version 24.0.6, build ed223bc} under
     * {@code docker --version}): the lesson's output, drifted, rather than a program to install.
     */
    Optional<String> outputRatherThanProgram(Step step, StepResult previous, String skipped) {
        String first = step.command().strip().split("\\s+", 2)[0];
        return printer(step, previous).filter(printer -> skipped.startsWith("needs the program")
                && first.chars().anyMatch(Character::isUpperCase) && !printer.output().merged().isBlank())
                .map(printer -> taken(step, printer, "line " + step.line() + " reads as what line "
                + printer.step().line() + " printed, not as a command (it " + skipped + ")"));
    }

    /** The step whose output {@code step} may show: the one right above it, or what that one showed the output of. */
    private Optional<StepResult> printer(Step step, StepResult previous) {
        Step prior = before.get(step);
        return prior == null || previous == null || previous.step() != prior ? Optional.empty()
                : Optional.of(printedBy.getOrDefault(prior, previous));
    }

    /** Equal but for blanks, or as a sample line matches: an id or a time the author's run printed stands for this run's. */
    private static boolean shows(Step step, Output printed) {
        String line = collapsed(step.command());
        return printed.merged().lines().map(OutputShownAsCommands::collapsed).anyMatch(line::equals)
                || Matcher.match(new Sample(List.of(step.command()), step.line()), step.span().file(), printed.merged(),
                printed.stdout(), printed.stderr()).matched();
    }

    private String taken(Step step, StepResult printer, String what) {
        printedBy.put(step, printer);
        return what + ": in a block that shows commands with their output, put `$ ` before each command, and its output"
                + " is compared";
    }

    private static boolean prompted(PlannedBlock planned, Step step) {
        List<String> lines = planned.block().lines();
        int at = step.line() - planned.block().firstLine();
        return at >= 0 && at < lines.size() && lines.get(at).stripLeading().startsWith("$");
    }

    private static String collapsed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
