package dev.docproof.run;

import dev.docproof.shell.LedgerEntry;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one lesson run produced. {@code setupError} is set when the lesson could not be run at all
 * (engine, images, a name already taken); its steps are then all not-run.
 */
public record LessonResult(Plan plan, List<StepResult> steps, List<Leak> leaks, List<LedgerEntry> ledger,
                           List<Diagnostic> diagnostics, Instant started, Duration duration, String setupError) {

    public LessonResult {
        steps = List.copyOf(steps);
        leaks = List.copyOf(leaks);
        ledger = List.copyOf(ledger);
        diagnostics = List.copyOf(diagnostics);
    }

    public long count(Status status) {
        return steps.stream().filter(s -> s.status() == status).count();
    }
}
