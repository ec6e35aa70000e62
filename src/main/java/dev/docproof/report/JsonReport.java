package dev.docproof.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.run.CourseResult;
import dev.docproof.run.Leak;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Interrupts;
import dev.docproof.run.Outcome;
import dev.docproof.run.Shard;
import dev.docproof.run.StepResult;
import dev.docproof.run.Tally;
import dev.docproof.verify.MatchResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The machine-readable report: one object per lesson with its steps and leaks. Field names are a contract
 * for CI scripts; new fields may be added, none renamed. Outputs are kept raw (carriage returns and all),
 * so nothing the step printed is lost.
 *
 * <p>It is also the results file {@code docproof merge} reads back ({@link JsonResults}): {@code format} and
 * {@code formatVersion} say what it is, {@code shard} which share of the course it holds, {@code interrupted}
 * whether a signal stopped the run, each lesson's
 * {@code sourceSha256} which text of the lesson ran, and each step's {@code outcome} and {@code noteDetails}
 * every field of its records. The other fields are the readable projection CI scripts use.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** What {@code format} names: a docproof results file. */
    public static final String FORMAT = "docproof-results";
    /** Raised only when a reader of the previous version would misread a file; added fields do not raise it. */
    public static final int FORMAT_VERSION = 1;

    private JsonReport() {}

    /**
     * What a results file says of the run besides its lessons.
     *
     * @param shard       the share of the course it ran ({@code --shard K/N}); null for the whole course
     * @param interrupted the signal that stopped the run; null when it ran to its end
     */
    public record Scope(Shard shard, Interrupts.Signal interrupted) {
        public static final Scope WHOLE = new Scope(null, null);
    }

    /** Writes the report of a whole run; the writer is flushed, not closed. */
    public static void write(CourseResult course, Writer out) throws IOException {
        write(course, Scope.WHOLE, out);
    }

    /** Writes the report of a run of {@code scope}; the writer is flushed, not closed. */
    public static void write(CourseResult course, Scope scope, Writer out) throws IOException {
        MAPPER.writeValue(out, toTree(course, scope));
        out.write('\n');
        out.flush();
    }

    public static String toJson(CourseResult course) {
        try {
            return MAPPER.writeValueAsString(toTree(course, Scope.WHOLE)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode toTree(CourseResult course, Scope scope) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        Shard shard = scope.shard();
        root.set("shard", shard == null ? null
                : MAPPER.createObjectNode().put("index", shard.index()).put("count", shard.count()));
        root.put("interrupted", scope.interrupted() == null ? null : signalName(scope.interrupted()));
        root.put("engineVersion", course.engineVersion());
        root.put("started", course.started() == null ? null : course.started().toString());
        root.put("durationMs", course.duration() == null ? 0 : course.duration().toMillis());
        root.put("duration", course.duration() == null ? null : course.duration().toString());
        root.set("summary", summary(Summary.of(course)));
        ArrayNode lessons = root.putArray("lessons");
        course.lessons().forEach(l -> lessons.add(lesson(l)));
        return root;
    }

    private static ObjectNode lesson(LessonResult result) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("source", SpanJson.path(result.plan().lesson().source()));
        node.put("sourceSha256", SourceDigest.of(result.plan().lesson().source()));
        node.put("title", result.plan().lesson().title());
        node.put("started", result.started() == null ? null : result.started().toString());
        node.put("durationMs", result.duration() == null ? 0 : result.duration().toMillis());
        node.put("duration", result.duration() == null ? null : result.duration().toString());
        node.put("setupError", result.setupError() == null ? null : result.setupError().message());
        node.put("setupErrorKind", result.setupError() == null ? null
                : result.setupError().kind().name().toLowerCase().replace('_', '-'));
        node.set("summary", summary(Summary.of(result)));
        ArrayNode steps = node.putArray("steps");
        result.steps().forEach(s -> steps.add(step(s)));
        ArrayNode leaks = node.putArray("leaks");
        for (Leak leak : result.leaks()) {
            leaks.addObject()
                    .put("kind", leak.kind().jsonName())
                    .put("name", leak.name())
                    .put("line", leak.line())
                    .put("removed", leak.removed());
        }
        ArrayNode ledger = node.putArray("ledger");
        result.ledger().forEach(e -> ledger.add(OutcomeJson.ledgerEntry(e)));
        ArrayNode findings = node.putArray("findings");
        result.findings().forEach(f -> findings.add(Findings.jsonWithSpan(f)));
        ArrayNode diagnostics = node.putArray("diagnostics");
        for (Diagnostic d : result.diagnostics()) {
            SpanJson.put(diagnostics.addObject(), d.span())
                    .put("severity", d.severity().name().toLowerCase())
                    .put("message", d.message());
        }
        return node;
    }

    private static ObjectNode step(StepResult result) {
        // file and includedFrom: a step an include brought in stands in the included file, not the lesson's
        ObjectNode node = SpanJson.put(MAPPER.createObjectNode(), result.step().span());
        node.put("lastLine", result.step().lastLine());
        node.put("section", result.step().section());
        node.put("command", result.step().command());
        node.put("kind", result.step().kind().jsonName());
        node.put("status", result.status().jsonName());
        node.put("exitCode", result.exitCode());
        node.put("durationMs", result.durationMs());
        node.put("duration", result.duration().toString());
        node.put("timedOut", result.outcome() instanceof Outcome.TimedOut);
        node.put("reason", result.outcome().describe());
        ArrayNode notes = node.putArray("notes");
        result.notes().forEach(n -> notes.add(n.describe()));
        node.set("outcome", OutcomeJson.write(result.outcome()));
        ArrayNode noteDetails = node.putArray("noteDetails");
        result.notes().forEach(n -> noteDetails.add(OutcomeJson.write(n)));
        node.put("output", result.output().merged());
        node.put("stdout", result.output().stdout());
        node.put("stderr", result.output().stderr());
        ArrayNode sample = node.putArray("sample");
        result.step().sample().lines().forEach(sample::add);
        node.put("sampleLine", result.step().sample().isEmpty() ? null : result.step().sample().firstLine());
        MatchResult match = result.match();
        node.put("match", match == null ? null : match.outcome().name().toLowerCase().replace('_', '-'));
        strings(node.putArray("drift"), match == null ? List.of() : match.drift());
        strings(node.putArray("abridged"), match == null ? List.of() : match.abridged());
        node.put("diff", match == null ? null : match.diff());
        if (result.repair() != null) {
            node.putObject("repair")
                    .put("originalCommand", result.repair().originalCommand())
                    .put("command", result.repair().command())
                    .put("evidence", result.repair().evidence());
        }
        if (result.outcome() instanceof Outcome.Bound bound) {
            node.putObject("binding").put("command", bound.command()).put("evidence", bound.evidence());
        }
        return node;
    }

    /** {@code SIGINT}. */
    static String signalName(Interrupts.Signal signal) {
        return "SIG" + signal.name();
    }

    private static ObjectNode summary(Summary summary) {
        Tally tally = summary.tally();
        return MAPPER.createObjectNode()
                .put("runnable", tally.runnable())
                .put("passed", tally.passed())
                .put("ran", tally.ran())
                .put("repaired", tally.repaired())
                .put("bound", tally.bound())
                .put("failed", tally.failed())
                .put("skipped", tally.skipped())
                .put("notRun", tally.notRun())
                .put("templates", tally.templates())
                .put("leaks", summary.leaks())
                .put("durationMs", summary.duration().toMillis());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
