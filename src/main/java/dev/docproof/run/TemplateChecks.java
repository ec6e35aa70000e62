package dev.docproof.run;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.verify.StaleLines;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template's sample compared with what the run printed for it: its instances' output, or its own when it was
 * run bound ({@link Outcome.Bound}). A sample line nothing printed is a stale sample, found at that line, with
 * the line that printed otherwise and the closest line it printed as evidence; a bound run that failed is a
 * finding of its own. Instances that did not run say nothing. Pure.
 */
public final class TemplateChecks {

    private TemplateChecks() {}

    /** @param instances per template, the runnable steps that instantiate it */
    public static List<Finding> staleSamples(LessonResult lesson, Map<Step, List<Step>> instances) {
        List<Finding> findings = new ArrayList<>();
        instances.forEach((template, found) -> {
            StepResult own = lesson.resultOf(template);
            if (own != null && own.outcome() instanceof Outcome.Bound bound) {
                findings.addAll(boundRun(lesson, own, bound));
                return;
            }
            if (template.sample().isEmpty()) {
                return;
            }
            List<StepResult> ran = lesson.steps().stream()
                    .filter(r -> found.contains(r.step()) && r.exitCode() != null).toList();
            if (ran.isEmpty()) {
                return;
            }
            List<List<StaleLines.Stale>> perInstance = ran.stream().map(stale(template)).toList();
            for (StaleLines.Stale stale : perInstance.get(0)) {
                boolean staleEverywhere = perInstance.stream()
                        .allMatch(list -> list.stream().anyMatch(s -> s.index() == stale.index()));
                if (staleEverywhere) {
                    Step instance = ran.get(0).step();
                    findings.add(finding(lesson, template, "`" + firstLine(instance.command()) + "`",
                            "its instance at line " + instance.line(), stale));
                }
            }
        });
        return findings;
    }

    /** What the template's own bound run shows: a failure, or the sample lines it did not print. */
    private static List<Finding> boundRun(LessonResult lesson, StepResult result, Outcome.Bound bound) {
        Step template = result.step();
        String command = "`" + firstLine(bound.command()) + "`";
        String evidence = "run bound as " + command + ", " + bound.evidence();
        if (bound.ran() instanceof Outcome.Failed failed && !(failed instanceof Outcome.Mismatch)) {
            String printed = result.output().merged().strip().lines().findFirst().map(l -> "; it printed `" + l + "`")
                    .orElse("");
            return List.of(new Finding(template.span(), Finding.Kind.BOUND_RUN_FAILED, "template `"
                    + firstLine(template.command()) + "` " + failed.describe() + " when run bound", Optional.empty(),
                    Optional.of(evidence + printed)));
        }
        if (template.sample().isEmpty() || result.exitCode() == null) {
            return List.of();
        }
        return stale(template).apply(result).stream()
                .map(stale -> finding(lesson, template, command, evidence + "; it", stale)).toList();
    }

    private static java.util.function.Function<StepResult, List<StaleLines.Stale>> stale(Step template) {
        return r -> StaleLines.of(template.sample(), r.output().merged(), r.output().stdout(), r.output().stderr());
    }

    /**
     * @param command what ran, as the message names it
     * @param who     what printed otherwise, as the evidence starts ({@code its instance at line 13})
     */
    private static Finding finding(LessonResult lesson, Step template, String command, String who,
                                   StaleLines.Stale stale) {
        int line = template.sample().firstLine() + stale.index();
        String documented = stale.documented();
        int offset = documented.length() - documented.stripLeading().length();
        int column = lesson.plan().blocks().stream().filter(b -> b.steps().contains(template)).findFirst()
                .map(b -> b.block().columnOf(offset)).orElse(offset + 1);
        String evidence = who + " printed "
                + stale.closest().map(l -> "`" + l.strip() + "` instead").orElse("nothing");
        return new Finding(new SourceSpan(template.span().file(), line, column), Finding.Kind.STALE_SAMPLE,
                "stale sample: `" + documented.strip() + "` is never printed by " + command,
                Optional.empty(), Optional.of(evidence));
    }

    private static String firstLine(String command) {
        return command.lines().findFirst().orElse("");
    }
}
