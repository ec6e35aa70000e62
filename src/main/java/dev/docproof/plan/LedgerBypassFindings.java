package dev.docproof.plan;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.shell.LedgerBypass;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps a run would send to the engine around the lesson's labelling socket ({@link LedgerBypass}): what
 * they create is not recorded in the ledger, so no report names it as a leak and docproof does not remove it.
 * Only steps that run are looked at (a template or a skipped step sends nothing). Pure.
 */
final class LedgerBypassFindings {

    private static final String CONSEQUENCE = "what it creates is not recorded in the lesson's ledger, so it is"
            + " never reported as a leak and, with --isolation host, never removed (the next run is refused a name it took)";

    private LedgerBypassFindings() {}

    static List<Finding> of(Plan plan) {
        List<Finding> findings = new ArrayList<>();
        for (PlannedBlock block : plan.blocks()) {
            for (Step step : block.steps()) {
                if (step.kind() != StepKind.RUN || step.marks().skip() != null) {
                    continue;
                }
                OpenText open = OpenText.of(step.command());
                for (LedgerBypass.Bypass bypass : LedgerBypass.of(open.commands())) {
                    String written = step.command().substring(bypass.word().start(), bypass.word().end());
                    findings.add(new Finding(CommandFindings.blockPosition(block.block(), step, bypass.word().start()),
                            Finding.Kind.LEDGER_BYPASS, message(bypass.way(), written), Optional.empty(), Optional.empty()));
                }
            }
        }
        return findings;
    }

    private static String message(LedgerBypass.Way way, String written) {
        return switch (way) {
            case HOST_OPTION, CONTEXT_OPTION -> "`docker " + written + "` talks to an engine around docproof's ledger: "
                    + CONSEQUENCE + "; leave the option out: the lesson's DOCKER_HOST already leads to the engine";
            case HOST_FOR_COMMAND -> "`" + written + "` sends this command to an engine around docproof's ledger: "
                    + CONSEQUENCE + "; leave the assignment out: the lesson's DOCKER_HOST already leads to the engine";
            case HOST_CHANGED, HOST_UNSET -> "`" + (way == LedgerBypass.Way.HOST_UNSET ? "unset " : "") + written
                    + "` sends every later docker command of the lesson around docproof's ledger (docproof points"
                    + " DOCKER_HOST at the lesson's labelling socket): " + CONSEQUENCE + "; leave DOCKER_HOST as the"
                    + " lesson's shell has it, or show this line in a block marked `docproof: skip`";
            case CONTEXT_SWITCHED -> "`docker " + written + " use` switches the docker client's context, so a reader's"
                    + " later commands go to that context's engine; in the lesson's shell DOCKER_HOST (docproof's labelling"
                    + " socket) overrides it, so the later steps do not reach the engine a reader's would, and with"
                    + " --isolation host it changes this machine's docker configuration; show it in a block marked"
                    + " `docproof: skip`";
        };
    }
}
