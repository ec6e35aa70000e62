package dev.docproof.plan;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.shell.CliModel;
import dev.docproof.shell.ReadOnly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What can be found in a lesson without running it: commands its CLIs do not accept ({@link CommandFindings}),
 * steps that talk to the engine around the ledger ({@link LedgerBypassFindings}), and templates that no
 * runnable step of the lesson instantiates ({@link TemplateInstances}), whose form and sample no run will check.
 * Pure.
 */
public final class StaticFindings {

    private StaticFindings() {}

    public static List<Finding> of(Plan plan, Map<String, CliModel> clis) {
        return of(plan, TemplateInstances.of(plan), clis);
    }

    public static List<Finding> of(Plan plan, Map<Step, List<Step>> instances, Map<String, CliModel> clis) {
        List<Finding> findings = new ArrayList<>(CommandFindings.of(plan, clis));
        findings.addAll(LedgerBypassFindings.of(plan));
        instances.forEach((template, found) -> {
            if (found.isEmpty()) {
                findings.add(new Finding(template.span(), Finding.Kind.UNVERIFIED_TEMPLATE,
                        "template `" + firstLine(template.command()) + "` is unverified: no runnable step of the lesson"
                                + " is an instance of it" + (bindable(template) ? "; it only reads, so a run binds it from"
                                + " evidence and runs it where it can"
                                : template.sample().isEmpty() ? "" : ", so its sample at line "
                                + template.sample().firstLine() + " is never compared"),
                        Optional.empty(), Optional.empty()));
            }
        });
        findings.sort(Comparator.comparingInt((Finding f) -> f.span().line()).thenComparingInt(f -> f.span().column()));
        return findings;
    }

    /** Whether a run may bind and run {@code template}: placeholders only (no elision), and it only reads. */
    public static boolean bindable(Step template) {
        return Templates.elision(template.command()).isEmpty() && !template.writesFile()
                && ReadOnly.onlyReads(OpenText.of(template.command()).text());
    }

    /** The command on one line: continuations joined, anything after a further line break (a here-document) elided. */
    static String firstLine(String command) {
        String joined = command.replaceAll("\\\\\n\\s*", "");
        int newline = joined.indexOf('\n');
        return newline < 0 ? joined : joined.substring(0, newline) + " ...";
    }
}
