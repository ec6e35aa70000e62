package dev.docproof.repair;

import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.ShellWords;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fills a missing argument of a failed step from what the lesson itself created. Pure.
 *
 * <p>The Docker CLI's usage error names the command; {@link CommandShape#KNOWN} says which kind of resource
 * each of its arguments is; the ledger says which resources of that kind the lesson created and still had
 * when the step ran. Only a single clear candidate becomes a repair, by the rule a binding follows too
 * ({@link LessonMade}): one created in the step's own section before one created elsewhere, then the most
 * recently created. Anything less certain is refused with the candidates named, because a wrong guess written
 * back into a lesson is worse than a reported gap.
 */
public final class GapRepair {

    /** What the evidence allows: a repaired command to try, or why there is none. */
    public sealed interface Proposal {
        record Fill(Repair repair) implements Proposal {}

        /**
         * Not a gap at all: a template, or a failure whose output has no missing-argument error. Nothing to report:
         * a step failing for any other reason is no repair that did not happen.
         */
        record NoGap() implements Proposal {}

        /** No gap recognised, no candidate, or a tie: {@code candidates} lists what was considered. */
        record None(String reason, List<LedgerEntry> candidates) implements Proposal {
            public None {
                candidates = List.copyOf(candidates);
            }
        }
    }

    private GapRepair() {}

    /**
     * @param output what the failed step printed (the engine's usage error says an argument is missing)
     * @param ledger the ledger as it stands when the step ran
     */
    public static Proposal propose(Step step, String output, List<LedgerEntry> ledger) {
        if (step.kind() != StepKind.RUN) {
            return new Proposal.NoGap(); // a template is never run, so it has nothing to repair
        }
        Optional<UsageError> error = UsageError.find(output);
        if (error.isEmpty()) {
            return new Proposal.NoGap();
        }
        CommandShape shape = CommandShape.named(error.get().command());
        if (shape == null) {
            return none("docproof does not know which arguments `docker " + error.get().command() + "` takes");
        }
        Invocation call = Invocation.find(step.command(), shape);
        if (call == null) {
            return none("the usage error names `docker " + shape.canonical()
                    + "`, which this step does not run without its arguments");
        }
        int missing = shape.arguments().size() - call.positionals().size();
        if (missing != 1) {
            return none("`" + call.text() + "` lacks " + missing + " arguments; docproof fills only a single gap");
        }
        List<Integer> holes = likeliestHoles(shape, call, ledger);
        if (holes.size() != 1) {
            return none("cannot tell which argument of `" + call.text() + "` is missing: `"
                    + call.positionals().get(0).text() + "` is not a resource the ledger knows");
        }
        int hole = holes.get(0);
        Argument needed = shape.arguments().get(hole);
        if (!needed.fillable()) {
            return none("`" + call.text() + "` lacks its " + needed.noun() + ", which only the lesson's author knows");
        }
        return choose(step, call, hole, needed, ledger);
    }

    private static Proposal choose(Step step, Invocation call, int hole, Argument needed, List<LedgerEntry> ledger) {
        List<LedgerEntry> sameKind = ledger.stream().filter(e -> e.resource().kind() == needed.kind).toList();
        List<LedgerEntry> candidates = sameKind.stream().filter(e -> createdAndPresent(e, step.line())).toList();
        if (candidates.isEmpty()) {
            return new Proposal.None("`" + call.text() + "` needs a " + needed.noun() + ", and the lesson created none"
                    + " that still exists at line " + step.line() + whyNot(sameKind, step.line()), sameKind);
        }
        List<LedgerEntry> tied = LessonMade.best(candidates, step.section(), LedgerEntry::createdInSection,
                LedgerEntry::createdAtLine);
        LedgerEntry best = tied.get(0);
        if (tied.size() > 1) {
            return new Proposal.None("`" + call.text() + "` needs a " + needed.noun() + ", and " + tied.size()
                    + " created by the lesson fit equally well: " + names(tied), tied);
        }
        String name = best.resource().name();
        String repaired = call.insert(hole, name);
        String evidence = name + ": created at " + step.span().file() + ":" + best.createdAtLine() + " and still present";
        return new Proposal.Fill(new Repair(step.command(), repaired, evidence));
    }

    /** Created by the lesson before the step, and not yet removed when it ran (lines give the order of steps). */
    private static boolean createdAndPresent(LedgerEntry e, int stepLine) {
        return !e.preExisting() && e.createdAtLine() < stepLine && (e.present() || e.removedAtLine() > stepLine);
    }

    private static String whyNot(List<LedgerEntry> sameKind, int stepLine) {
        if (sameKind.isEmpty()) {
            return "";
        }
        List<String> notes = new ArrayList<>();
        for (LedgerEntry e : sameKind) {
            String name = e.resource().name();
            if (e.preExisting()) {
                notes.add(name + " existed before the lesson");
            } else if (e.createdAtLine() >= stepLine) {
                notes.add(name + " is created later, at line " + e.createdAtLine());
            } else {
                notes.add(name + " was removed at line " + e.removedAtLine());
            }
        }
        return " (" + String.join("; ", notes) + ")";
    }

    private static String names(List<LedgerEntry> entries) {
        return entries.stream().map(e -> e.resource().name() + " (line " + e.createdAtLine() + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * Where the missing argument goes. With n-1 of n arguments given, each hole position assigns the given
     * words to the other slots; a position is possible when every word can be what its slot needs, and the
     * likeliest positions are those where most words are resources the ledger knows by that name.
     */
    private static List<Integer> likeliestHoles(CommandShape shape, Invocation call, List<LedgerEntry> ledger) {
        List<Argument> slots = shape.arguments();
        List<ShellWords.Word> given = call.positionals();
        int bestScore = -1;
        List<Integer> best = new ArrayList<>();
        for (int hole = 0; hole < slots.size(); hole++) {
            int score = 0;
            boolean possible = true;
            for (int g = 0; g < given.size(); g++) {
                Argument slot = slots.get(g < hole ? g : g + 1);
                if (!slot.fillable()) {
                    continue; // a free word: possible, but no evidence
                }
                if (known(given.get(g).text(), slot, ledger)) {
                    score++;
                } else {
                    possible = false;
                }
            }
            if (!possible) {
                continue;
            }
            if (score > bestScore) {
                bestScore = score;
                best = new ArrayList<>();
            }
            if (score == bestScore) {
                best.add(hole);
            }
        }
        return best;
    }

    private static boolean known(String word, Argument slot, List<LedgerEntry> ledger) {
        return ledger.stream().anyMatch(e -> e.resource().kind() == slot.kind
                && (word.equals(e.resource().name()) || (word.length() >= 12 && e.resource().id() != null
                && e.resource().id().startsWith(word))));
    }

    private static Proposal none(String reason) {
        return new Proposal.None(reason, List.of());
    }
}
