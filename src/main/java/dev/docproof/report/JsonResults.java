package dev.docproof.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.FileNameCharset;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.run.Interrupts;
import dev.docproof.run.Leak;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Output;
import dev.docproof.run.SetupError;
import dev.docproof.run.Shard;
import dev.docproof.run.StepResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a results file {@link JsonReport} wrote back into the run's own records. The lessons are not taken
 * from the file: each is the one read from the checkout now ({@code plans}), and its steps are given the
 * outcomes the file holds, after checking that the lesson is the one that ran (the same bytes, the same steps).
 */
public final class JsonResults {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResults() {}

    /**
     * One results file.
     *
     * @param shard       which share of the course it holds; null for a whole run
     * @param interrupted the signal that stopped that run before its end; null when it ran to its end
     * @param lessons     in the order the file holds them
     */
    public record Read(Path file, Shard shard, Interrupts.Signal interrupted, String engineVersion, Instant started,
                       Duration duration, List<LessonResult> lessons) {

        public Read {
            lessons = List.copyOf(lessons);
        }

        /** {@code shard 2/4 (results/shard-2.json)}. */
        public String describe() {
            return (shard == null ? "the whole run" : "shard " + shard) + " (" + file + ")";
        }
    }

    /**
     * @param plans the lesson read now at a path (normalized, as written in the file), null when the course has
     *              no such lesson
     * @throws ResultsException when the file is not docproof results, or its lessons are not the course's now
     */
    public static Read read(Path file, Function<Path, Plan> plans) throws ResultsException {
        JsonIn root = JsonIn.root(file, tree(file));
        if (!root.node().isObject() || !JsonReport.FORMAT.equals(root.node().path("format").asText(null))) {
            throw new ResultsException(file + ": not a docproof results file (it has no \"format\": \""
                    + JsonReport.FORMAT + "\"): give the files `docproof check --shard K/N --json FILE` wrote"
                    + " (a docproof older than `merge` does not write them)");
        }
        int version = root.integer("formatVersion");
        if (version < 1 || version > JsonReport.FORMAT_VERSION) {
            throw root.field("formatVersion").problem("results format " + version + ", but this docproof reads format "
                    + JsonReport.FORMAT_VERSION + ": merge with the docproof version that ran the shards");
        }
        Shard shard = shard(root.field("shard"));
        // Results from before runs recorded their signal have no such field: those runs were not interrupted.
        Interrupts.Signal interrupted = root.optional("interrupted").isNull() ? null
                : root.choice("interrupted", Interrupts.Signal.values(), JsonReport::signalName);
        List<JsonIn> written = root.list("lessons", in -> in);
        ofThisCourse(file, written, plans);
        List<LessonResult> lessons = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonIn lesson : written) {
            try {
                lessons.add(lesson(lesson, plans));
            } catch (ResultsException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ResultsException(problems);
        }
        return new Read(file, shard, interrupted, root.textOrNull("engineVersion"), root.instantOrNull("started"),
                root.durationOrNull("duration"), lessons);
    }

    /**
     * The one lesson of a results file, read against {@code plan}: what a docproof inside a lesson's sandbox wrote
     * for it ({@link dev.docproof.run.CourseRunner.ResultsReader}).
     *
     * @throws IOException when the file is not that lesson's results, saying why
     */
    public static LessonResult lessonOf(Path file, Plan plan) throws IOException {
        Path source = plan.lesson().source().normalize();
        try {
            List<LessonResult> lessons = read(file, p -> p.equals(source) ? plan : null).lessons();
            if (lessons.size() != 1 || lessons.get(0).plan() != plan) {
                throw new IOException(file + " holds " + lessons.size() + " lessons' results, not those of " + source);
            }
            return lessons.get(0);
        } catch (ResultsException e) {
            throw new IOException(String.join("; ", e.problems()), e);
        }
    }

    /**
     * Refuses, in one line rather than one a lesson, a file none of whose lessons the course holds: a whole file of
     * another course would otherwise bury every other problem.
     */
    private static void ofThisCourse(Path file, List<JsonIn> written, Function<Path, Plan> plans) throws ResultsException {
        List<String> foreign = new ArrayList<>();
        for (JsonIn lesson : written) {
            String source = lesson.node().path("source").asText(null);
            // A name no file can have is not the course's either; reading the lesson then says why.
            if (source != null && FileNameCharset.path(source).map(p -> plans.apply(p.normalize())).isEmpty()) {
                foreign.add(source);
            }
        }
        if (written.size() > 1 && foreign.size() == written.size()) {
            throw new ResultsException(file + ": none of its " + foreign.size() + " lessons is among the lessons merged ("
                    + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                    + (foreign.size() > 3 ? " and " + (foreign.size() - 3) + " more" : "") + "): these are the results"
                    + " of another course, or of other lesson PATHs: name the same lessons as the shards did");
        }
    }

    private static JsonNode tree(Path file) throws ResultsException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ResultsException(file + ": no such file: give the files `docproof check --shard K/N --json FILE`"
                    + " wrote, or a folder holding them");
        } catch (IOException e) {
            throw new ResultsException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new ResultsException(file + ": empty: the shard's results were not written (a run stopped before its"
                    + " reports, or a copy or an upload that did not finish); give the shard's whole results, or run"
                    + " that shard again");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return node == null ? MAPPER.missingNode() : node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr());
            if (e instanceof JsonEOFException || at != null && blankFrom(bytes, at.getByteOffset())) {
                throw new ResultsException(where + ": the results end before they are whole: the file was cut short (a"
                        + " copy or an upload that did not finish, or a run stopped while writing it); give the shard's"
                        + " whole results, or run that shard again");
            }
            throw new ResultsException(where + ": not JSON (" + e.getOriginalMessage() + "): give the files"
                    + " `docproof check --json FILE` wrote");
        } catch (IOException e) {
            throw new ResultsException(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /** Whether nothing but blanks follows {@code offset}: where the parser stopped short is the file's end. */
    private static boolean blankFrom(byte[] bytes, long offset) {
        if (offset < 0) {
            return false;
        }
        for (long i = offset; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[(int) i])) {
                return false;
            }
        }
        return true;
    }

    private static Shard shard(JsonIn in) throws ResultsException {
        if (in.isNull()) {
            return null;
        }
        int index = in.integer("index");
        int count = in.integer("count");
        if (count < 1 || index < 1 || index > count) {
            throw in.problem("shard " + index + "/" + count + " is no shard: K/N needs 1 <= K <= N");
        }
        return new Shard(index, count);
    }

    private static LessonResult lesson(JsonIn in, Function<Path, Plan> plans) throws ResultsException {
        String source = in.text("source");
        Plan plan = plans.apply(in.path("source").normalize());
        if (plan == null) {
            throw new ResultsException(in.file() + ": " + in.pointer() + ": the lesson " + source + " is not among the"
                    + " lessons merged: " + (source.indexOf('\uFFFD') >= 0
                    ? "its name lost characters (\uFFFD) in the locale of the run that wrote it, which read file names"
                    + " as ASCII: " + FileNameCharset.advice()
                    : "name the same lesson PATHs as the shards did, from the same folder"));
        }
        String ran = in.textOrNull("sourceSha256");
        String now = SourceDigest.of(plan.lesson().source());
        if (ran == null ? now != null : !ran.equals(now)) {
            throw new ResultsException(source + ": changed since " + in.file() + " was written (its SHA-256 then "
                    + ran + ", now " + now + "): merge the results of a run of this very text; run the shards and"
                    + " the merge on the same commit");
        }
        List<StepResult> steps = steps(in, plan);
        String setupError = in.textOrNull("setupError");
        return new LessonResult(plan, steps, in.list("leaks", JsonResults::leak),
                in.list("ledger", OutcomeJson::ledgerEntry), in.list("diagnostics", JsonResults::diagnostic),
                in.instantOrNull("started"), in.durationOrNull("duration"),
                setupError == null ? null : new SetupError(in.choice("setupErrorKind", SetupError.Kind.values(),
                        JsonIn::jsonName), setupError),
                in.list("findings", Findings::read));
    }

    /** The lesson's steps now, each with the outcome the file holds for it; the steps must be the ones that ran. */
    private static List<StepResult> steps(JsonIn lesson, Plan plan) throws ResultsException {
        List<JsonIn> written = lesson.list("steps", in -> in);
        List<Step> now = plan.steps();
        Path source = plan.lesson().source();
        for (int i = 0; i < Math.max(written.size(), now.size()); i++) {
            Step step = i < now.size() ? now.get(i) : null;
            JsonIn ran = i < written.size() ? written.get(i) : null;
            if (step == null || ran == null || step.line() != ran.integer("line")
                    || !step.command().equals(ran.text("command")) || !step.kind().jsonName().equals(ran.text("kind"))) {
                String was = ran == null ? "no step" : "`" + Texts.oneLine(ran.text("command")) + "` at line " + ran.integer("line");
                String is = step == null ? "no step" : "`" + Texts.oneLine(step.command()) + "` at line " + step.line();
                throw new ResultsException(source + ":" + (step != null ? step.line() : ran.integer("line"))
                        + ": step " + (i + 1) + " of the lesson is " + is + " now, but " + lesson.file() + " ran " + was
                        + ": a file the lesson includes or the course's docproof.yml changed since; run the shards"
                        + " and the merge on the same commit");
            }
        }
        List<StepResult> steps = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            steps.add(step(written.get(i), now.get(i)));
        }
        return steps;
    }

    private static StepResult step(JsonIn in, Step step) throws ResultsException {
        return new StepResult(step, OutcomeJson.read(in.field("outcome")),
                new Output(in.text("output"), in.text("stdout"), in.text("stderr")), in.integerOrNull("exitCode"),
                in.durationOrNull("duration"), in.list("noteDetails", OutcomeJson::readNote));
    }

    private static Leak leak(JsonIn in) throws ResultsException {
        return new Leak(OutcomeJson.resourceKind(in), in.text("name"), in.integer("line"), in.bool("removed"));
    }

    private static Diagnostic diagnostic(JsonIn in) throws ResultsException {
        return new Diagnostic(SpanJson.read(in), in.choice("severity", Diagnostic.Severity.values(), JsonIn::jsonName),
                in.text("message"));
    }
}
