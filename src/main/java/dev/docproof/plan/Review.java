package dev.docproof.plan;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.shell.CliModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A planned lesson reviewed without running it: each template's instances among its runnable steps, and
 * the findings that need no run.
 */
public record Review(Plan plan, Map<Step, List<Step>> instances, List<Finding> findings) {

    public Review {
        Map<Step, List<Step>> copy = new LinkedHashMap<>();
        instances.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        instances = java.util.Collections.unmodifiableMap(copy);
        findings = List.copyOf(findings);
    }

    public static Review of(Plan plan, Map<String, CliModel> clis) {
        Map<Step, List<Step>> instances = TemplateInstances.of(plan);
        return new Review(plan, instances, StaticFindings.of(plan, instances, clis));
    }

    /** The instances of {@code template}, none for a runnable step. */
    public List<Step> instancesOf(Step template) {
        return instances.getOrDefault(template, List.of());
    }
}
