package dev.docproof.run;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.shell.LedgerEntry;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The resources a step may be completed with, repaired or bound: those the ledger saw the lesson make whose name
 * an earlier step wrote. A name the engine made up (a container run without {@code --name}, an anonymous
 * volume) changes every run, so written into the lesson, or shown as a template's binding, it would mislead.
 */
final class NamedByLesson {

    private final Plan plan;

    NamedByLesson(Plan plan) {
        this.plan = plan;
    }

    List<LedgerEntry> before(List<LedgerEntry> ledger, Step step) {
        return ledger.stream().filter(e -> namedByTheLessonBefore(e, step)).toList();
    }

    private boolean namedByTheLessonBefore(LedgerEntry entry, Step step) {
        Pattern word = Pattern.compile("(?<![\\w.-])" + Pattern.quote(entry.resource().name()) + "(?![\\w.-])");
        return plan.steps().stream().filter(s -> s.line() < step.line())
                .anyMatch(s -> word.matcher(s.command()).find());
    }
}
