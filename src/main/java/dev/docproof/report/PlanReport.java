package dev.docproof.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Durations;
import dev.docproof.lesson.Need;
import dev.docproof.plan.StaticFindings;
import dev.docproof.plan.StepNeeds;
import dev.docproof.repair.Binding;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.plan.Review;
import dev.docproof.plan.Templates;
import dev.docproof.shell.FullScreen;
import dev.docproof.shell.UntilStopped;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code docproof plan} shows: per lesson its diagnostics, shell blocks and steps, as text or Json.MAPPER. */
public final class PlanReport {

    /** Made on first use: the text report needs no JSON mapper, which is costly to start. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private PlanReport() {}

    /** A human-readable listing; diagnostic lines read {@code file:line:column: severity: message}. */
    public static void text(List<Review> reviews, PrintWriter out) {
        boolean first = true;
        for (Review review : reviews) {
            Plan plan = review.plan();
            if (!first) {
                out.println();
            }
            first = false;
            out.println(plan.lesson().source() + ": " + summary(plan));
            plan.diagnostics().forEach(out::println);
            plan.files().forEach(f -> out.println("starts with the course's " + f.source() + " as " + f.target()));
            for (PlannedBlock block : plan.blocks()) {
                SourceSpan at = block.block().span();
                out.println("block at line " + at.inLesson().line() + " ("
                        + (block.block().language() == null ? "no language" : block.block().language()) + ")"
                        + (at.included() ? ": " + at.file() + " from line " + at.line() : ""));
                for (Step step : block.steps()) {
                    printStep(step, review.instancesOf(step), out);
                }
            }
            review.findings().forEach(out::println);
        }
    }

    private static String summary(Plan plan) {
        long run = plan.steps().stream().filter(s -> s.kind() == StepKind.RUN).count();
        long templates = plan.steps().size() - run;
        return plural(plan.blocks().size(), "shell block") + ", " + plural(run, "runnable step") + ", "
                + plural(templates, "template");
    }

    private static String lines(List<Step> steps) {
        return (steps.size() == 1 ? "line " : "lines ")
                + String.join(", ", steps.stream().map(s -> String.valueOf(s.line())).toList());
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static void printStep(Step step, List<Step> instances, PrintWriter out) {
        String head = String.format(Locale.ROOT, "  %5d %-8s ", step.line(), step.kind().jsonName());
        String indent = " ".repeat(head.length());
        String[] lines = step.command().split("\n", -1);
        out.println(head + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.println(indent + lines[i]);
        }
        Templates.reason(step.command()).filter(r -> step.kind() == StepKind.TEMPLATE)
                .ifPresent(reason -> out.println(indent + "(template: " + reason + ")"));
        if (step.writesFile()) {
            out.println(indent + "(writes the block to " + step.marks().file() + ")");
        }
        if (step.marks().background() != null) {
            String ready = step.marks().background().ready();
            out.println(indent + "(runs in the background until the lesson ends; ready when "
                    + (ready == null ? "its port listens" : "`" + ready + "` succeeds") + ")");
        }
        for (String marker : step.marks().written()) {
            out.println(indent + "(marker at line " + marker + ")");
        }
        // What the course's docproof.yml says, which no marker shows.
        if (step.marks().skip() != null && step.marks().written().stream().noneMatch(w -> w.contains(": skip"))) {
            out.println(indent + "(skipped: " + step.marks().skip() + ")");
        }
        if (step.marks().expectExit() != null && step.marks().written().stream().noneMatch(w -> w.contains("expect-exit"))) {
            out.println(indent + "(meant to exit with " + step.marks().expectExit() + ", as the `echo $?` after it shows)");
        }
        if (step.marks().timeout() != null && step.marks().written().stream().noneMatch(w -> w.contains(": timeout"))) {
            out.println(indent + "(deadline " + Durations.format(step.marks().timeout()) + ")");
        }
        List<Need> needs = StepNeeds.of(step);
        if (!needs.isEmpty()) {
            out.println(indent + "(needs " + needs.stream().map(Need::toString).collect(Collectors.joining(", ")) + ")");
        }
        if (step.kind() == StepKind.RUN) {
            FullScreen.in(step.command()).ifPresent(use -> out.println(indent + "(needs a person at a terminal: "
                    + use.program() + "; skipped when run)"));
            if (UntilStopped.in(step.command()) && step.marks().background() == null) {
                Duration watched = step.marks().timeout() != null ? step.marks().timeout() : UntilStopped.WATCHED;
                out.println(indent + "(prints until stopped: runs " + Durations.format(watched) + ", then gets Ctrl-C)");
            }
        }
        for (Binding.Slot slot : slots(step, instances)) {
            out.println(indent + "(binds " + slot.written() + (slot.authorValue() ? ", an id from the author's run," : "")
                    + " to the " + kindName(slot) + " the lesson made)");
        }
        if (!instances.isEmpty()) {
            out.println(indent + "(instances: " + lines(instances) + ")");
        }
        if (!step.sample().isEmpty()) {
            int earlier = step.sample().earlierSteps();
            out.println(indent + "sample at line " + step.sample().firstLine() + (earlier == 0 ? ""
                    : " (below the block: its output, or with that of up to " + earlier + " command"
                    + (earlier == 1 ? "" : "s") + " before it)") + ":");
            for (String line : step.sample().lines()) {
                out.println(indent + "| " + line);
            }
        }
    }

    /**
     * {@code {"diagnostics":[...], "lessons":[{"source":..., "diagnostics":[...], "blocks":[{"line":...,
     * "language":..., "steps":[{"line":..., "kind":"run", "command":..., "sample":[...]}]}]}]}}; the top-level
     * diagnostics are about the paths named (missing, holding no lessons), each with its "source".
     */
    public static void json(List<Review> reviews, List<Diagnostic> inputDiagnostics, PrintWriter out) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode inputs = root.putArray("diagnostics");
        for (Diagnostic d : inputDiagnostics) {
            inputs.add(diagnostic(d).put("source", d.span().file().toString()));
        }
        ArrayNode lessons = root.putArray("lessons");
        for (Review review : reviews) {
            Plan plan = review.plan();
            ObjectNode lesson = lessons.addObject();
            lesson.put("source", plan.lesson().source().toString());
            lesson.put("format", plan.lesson().format() == null ? null
                    : plan.lesson().format().name().toLowerCase(Locale.ROOT));
            lesson.put("title", plan.lesson().title());
            ArrayNode diagnostics = lesson.putArray("diagnostics");
            plan.diagnostics().forEach(d -> diagnostics.add(diagnostic(d)));
            ArrayNode files = lesson.putArray("files");
            plan.files().forEach(f -> files.addObject().put("source", f.source().toString()).put("target", f.target()));
            ArrayNode blocks = lesson.putArray("blocks");
            for (PlannedBlock block : plan.blocks()) {
                ObjectNode b = blocks.addObject();
                b.put("line", block.block().span().line());
                b.put("language", block.block().language());
                b.put("firstLine", block.block().firstLine());
                ArrayNode steps = b.putArray("steps");
                block.steps().forEach(step -> steps.add(step(step, review.instancesOf(step))));
            }
            ArrayNode findings = lesson.putArray("findings");
            review.findings().forEach(f -> findings.add(Findings.json(f)));
        }
        try {
            out.println(Json.MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings and numbers always serialises
        }
    }

    /**
     * What a run would try to bind: placeholders, and ids that look copied from the author's run. A template is bound
     * only to be run, which a run does only to one that nothing else checks and that only reads; any other stays as
     * written, so it shows no binding.
     */
    private static List<Binding.Slot> slots(Step step, List<Step> instances) {
        if (step.writesFile() || step.kind() == StepKind.TEMPLATE
                && (!instances.isEmpty() || !StaticFindings.bindable(step))) {
            return List.of();
        }
        return Binding.slots(step.command(), id -> false);
    }

    private static String kindName(Binding.Slot slot) {
        return slot.kind() == null ? "resource" : slot.kind().jsonName();
    }

    private static ObjectNode diagnostic(Diagnostic d) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("line", d.span().line());
        node.put("column", d.span().column());
        node.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
        node.put("message", d.message());
        return node;
    }

    private static ObjectNode step(Step step, List<Step> instances) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("line", step.line());
        node.put("column", step.span().column());
        node.put("lastLine", step.lastLine());
        node.put("kind", step.kind().jsonName());
        node.put("command", step.command());
        node.put("section", step.section());
        if (step.kind() == StepKind.TEMPLATE) {
            node.put("reason", Templates.reason(step.command()).orElse(null));
            ArrayNode lines = node.putArray("instances");
            instances.forEach(instance -> lines.add(instance.line()));
        }
        node.put("file", step.marks().file());
        node.put("skip", step.marks().skip());
        if (step.marks().background() != null) {
            node.putObject("background").put("ready", step.marks().background().ready());
        }
        if (step.marks().expectExit() != null) {
            node.put("expectExit", step.marks().expectExit());
        }
        if (step.marks().timeout() != null) {
            node.put("timeoutMs", step.marks().timeout().toMillis());
        }
        if (!step.marks().env().isEmpty()) {
            ObjectNode env = node.putObject("env");
            step.marks().env().forEach(env::put);
        }
        if (step.marks().ignoreOutput()) {
            node.put("ignoreOutput", true);
        }
        ArrayNode markers = node.putArray("markers");
        step.marks().written().forEach(markers::add);
        ArrayNode needs = node.putArray("needs");
        for (Need need : StepNeeds.of(step)) {
            needs.addObject().put("kind", need.kind().jsonName()).put("what", need.what());
        }
        ArrayNode bindings = node.putArray("bindings");
        for (Binding.Slot slot : slots(step, instances)) {
            bindings.addObject().put("written", slot.written()).put("kind", slot.kind() == null ? null : slot.kind().jsonName())
                    .put("authorValue", slot.authorValue());
        }
        ArrayNode sample = node.putArray("sample");
        step.sample().lines().forEach(sample::add);
        if (step.sample().isEmpty()) {
            node.putNull("sampleLine");
        } else {
            node.put("sampleLine", step.sample().firstLine());
        }
        node.put("sampleOfEarlierSteps", step.sample().earlierSteps());
        return node;
    }
}
