package dev.docproof.run;

import dev.docproof.shell.LedgerEntry;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one lesson run produced. {@code setupError} is set when the lesson could not be run at all
 * (engine, images, a name already taken); its steps are then all not-run.
 */
public record LessonResult(Plan plan, List<StepResult> steps, List<Leak> leaks, List<LedgerEntry> ledger,
                           List<Diagnostic> diagnostics, Instant started, Duration duration,
                           SetupError setupError, List<Finding> findings) {

    public LessonResult {
        steps = List.copyOf(steps);
        leaks = List.copyOf(leaks);
        ledger = List.copyOf(ledger);
        diagnostics = List.copyOf(diagnostics);
        findings = List.copyOf(findings);
    }

    /** A result whose findings are not known yet (they are added once the lesson has run). */
    public LessonResult(Plan plan, List<StepResult> steps, List<Leak> leaks, List<LedgerEntry> ledger,
                        List<Diagnostic> diagnostics, Instant started, Duration duration, SetupError setupError) {
        this(plan, steps, leaks, ledger, diagnostics, started, duration, setupError, List.of());
    }

    public LessonResult withFindings(List<Finding> found) {
        return new LessonResult(plan, steps, leaks, ledger, diagnostics, started, duration, setupError, found);
    }

    /** The result of this step of the lesson, or null when the run has none for it. */
    public StepResult resultOf(Step step) {
        return steps.stream().filter(r -> r.step().equals(step)).findFirst().orElse(null);
    }

    public Tally tally() {
        return Tally.of(steps);
    }
}
