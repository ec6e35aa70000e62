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
 * A template's sample compared with what its instances printed in the run: a sample line that no instance
 * printed is a stale sample, found at that line, with the instance's line and the closest line it printed
 * as evidence. Instances that did not run say nothing. Pure.
 */
public final class TemplateChecks {

    private TemplateChecks() {}

    /** @param instances per template, the runnable steps that instantiate it */
    public static List<Finding> staleSamples(LessonResult lesson, Map<Step, List<Step>> instances) {
        List<Finding> findings = new ArrayList<>();
        instances.forEach((template, found) -> {
            if (template.sample().isEmpty()) {
                return;
            }
            List<StepResult> ran = lesson.steps().stream()
                    .filter(r -> found.contains(r.step()) && r.exitCode() != null).toList();
            if (ran.isEmpty()) {
                return;
            }
            List<List<StaleLines.Stale>> perInstance = ran.stream().map(r -> StaleLines.of(template.sample(),
                    r.output().merged(), r.output().stdout(), r.output().stderr())).toList();
            for (StaleLines.Stale stale : perInstance.get(0)) {
                boolean staleEverywhere = perInstance.stream()
                        .allMatch(list -> list.stream().anyMatch(s -> s.index() == stale.index()));
                if (staleEverywhere) {
                    findings.add(finding(lesson, template, ran.get(0).step(), stale));
                }
            }
        });
        return findings;
    }

    private static Finding finding(LessonResult lesson, Step template, Step instance, StaleLines.Stale stale) {
        int line = template.sample().firstLine() + stale.index();
        String documented = stale.documented();
        int offset = documented.length() - documented.stripLeading().length();
        int column = lesson.plan().blocks().stream().filter(b -> b.steps().contains(template)).findFirst()
                .map(b -> b.block().columnOf(offset)).orElse(offset + 1);
        String evidence = "its instance at line " + instance.line() + " printed "
                + stale.closest().map(l -> "`" + l.strip() + "` instead").orElse("nothing");
        return new Finding(new SourceSpan(template.span().file(), line, column),
                Finding.Kind.STALE_SAMPLE,
                "stale sample: `" + stale.documented().strip() + "` is never printed by `"
                        + instance.command().lines().findFirst().orElse("") + "`",
                Optional.empty(), Optional.of(evidence));
    }
}
