package dev.docproof.report;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Finding;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.StepKind;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Leak;
import dev.docproof.run.Outcome;
import dev.docproof.run.Shard;
import dev.docproof.run.Status;
import dev.docproof.run.StepResult;
import dev.docproof.verify.MatchResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;

/**
 * JUnit XML in the layout Surefire writes, which CI test tabs read: one {@code TEST-<lesson>.xml} per lesson,
 * a testsuite per lesson, a testcase per runnable step named {@code line N: command}.
 *
 * <p>Templates are not testcases: they are illustrations that are never run by design, and as
 * {@code <skipped/>} they would show as ten pending tests on every build and teach readers to ignore the
 * skipped count. Their number is a suite property instead. A template run bound did run, so it is a testcase,
 * a success however it went (what it showed is a finding, as on the console). A runnable step that did not run (after a failure,
 * or when the lesson could not be set up) is {@code <skipped/>}, which is what it is. A repaired step passes,
 * with the repair in its {@code system-out}; a lesson that could not be set up gets a {@code lesson setup}
 * testcase with an {@code <error/>}, and one a reader could not read whole a failed {@code reading the lesson}.
 * With {@code --strict}, what it counts as failures in a lesson is a failed {@code --strict} testcase listing them.
 */
public final class JUnitReport {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** Longest readable part of a report's name: file systems take names of up to 255 bytes. */
    private static final int LONGEST_NAME = 200;

    private JUnitReport() {}

    /** Writes one file per lesson of a whole run into {@code dir} (created if needed); returns the files written. */
    public static List<Path> write(CourseResult course, Path dir) throws IOException {
        return write(course, null, List.of(), dir, false);
    }

    /**
     * As {@link #write(CourseResult, Path)}, for the run of {@code shard} (null: the whole course) cut from the
     * lessons {@code split} (empty for a whole run): reports are named apart as one run of them all would name them, so
     * shards writing into one folder never overwrite each other's, and a lesson keeps its report's name whichever
     * shard runs it. With
     * {@code strict}, what {@code --strict} counts as failures in a lesson is a failed {@code --strict} testcase of
     * it, so the report fails where the exit code does. The reports an earlier run of this share wrote into
     * {@code dir} that this one does not write again (a lesson since removed or renamed) are removed, so a CI test
     * tab never shows the verdicts of a lesson that is no longer there; see {@link JUnitFolder}.
     */
    public static List<Path> write(CourseResult course, Shard shard, List<Path> split, Path dir, boolean strict)
            throws IOException {
        Files.createDirectories(dir);
        Map<Path, Report> reports = new LinkedHashMap<>();
        Set<String> lessons = new LinkedHashSet<>();
        split.forEach(file -> lessons.add(nameOf(file)));
        course.lessons().forEach(lesson -> lessons.add(nameOf(lesson.plan().lesson().source())));
        // Compared without case: on the file systems of macOS and Windows, where CI artifacts are often opened,
        // A.md's report and a.md's would be one file.
        Map<String, Long> sharing = lessons.stream()
                .collect(Collectors.groupingBy(l -> fileName(l).toLowerCase(Locale.ROOT), Collectors.counting()));
        // CI tools group testcases by class: two lessons of one class name would show as one, their tests mixed.
        Map<String, Long> sharingClass = lessons.stream()
                .collect(Collectors.groupingBy(JUnitReport::className, Collectors.counting()));
        for (LessonResult lesson : course.lessons()) {
            String path = nameOf(lesson.plan().lesson().source());
            String name = fileName(path);
            boolean alone = sharing.get(name.toLowerCase(Locale.ROOT)) == 1 && name.length() <= LONGEST_NAME;
            Path file = dir.resolve(alone ? name : uniqueFileName(path));
            String className = className(path);
            if (sharingClass.get(className) > 1) {
                className += "_" + pathHash(path);
            }
            String suiteClass = className;
            reports.put(file, out -> write(course, lesson, suiteClass, JUnitFolder.runName(shard),
                    strict ? StrictFailures.of(lesson) : List.of(), out));
        }
        List<Path> written = writeWhole(reports);
        JUnitFolder.removeStale(dir, shard, written);
        return written;
    }

    /** Writes one report's text. */
    @FunctionalInterface
    interface Report {
        void write(Writer out) throws IOException;
    }

    /**
     * Writes every report beside the file it replaces, and only once all are written puts them in place: a run whose
     * reports cannot all be written (a full disk) leaves the previous run's as they were, none cut short or mixed with
     * this run's. A report written before keeps its mode.
     */
    static List<Path> writeWhole(Map<Path, Report> reports) throws IOException {
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, Report> report : reports.entrySet()) {
                Path file = report.getKey();
                Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".docproof-tmp");
                staged.put(file, temp);
                try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    report.getValue().write(out);
                }
                Files.setPosixFilePermissions(temp, Files.exists(file) ? Files.getPosixFilePermissions(file)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            for (Map.Entry<Path, Path> ready : staged.entrySet()) {
                try {
                    Files.move(ready.getValue(), ready.getKey(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(ready.getValue(), ready.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return List.copyOf(staged.keySet());
        } finally {
            for (Path temp : staged.values()) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** {@code TEST-content.docker-networking.rst.xml}. */
    static String fileName(String source) {
        return "TEST-" + source.replaceAll("[/\\\\]+", ".").replaceAll("[^A-Za-z0-9._-]", "_") + ".xml";
    }

    /**
     * For lessons whose paths read alike ({@code x y.md} and {@code x_y.md}, {@code A.md} and {@code a.md}), and
     * for a path too long to be a file name: the readable name (its end, when long) with a hash of the exact path,
     * so no lesson's report overwrites another's or cannot be written, and each keeps its name from run to run.
     */
    static String uniqueFileName(String source) {
        String name = fileName(source);
        String readable = name.substring(0, name.length() - ".xml".length());
        if (readable.length() > LONGEST_NAME) {
            // The lesson's own file name stands last: folders are dropped from the front.
            readable = "TEST-" + readable.substring(readable.length() - LONGEST_NAME + "TEST-".length());
        }
        return readable + "-" + pathHash(source) + ".xml";
    }

    /** Eight hex digits of the exact path's hash: the same for a lesson from run to run. */
    private static String pathHash(String source) {
        return HexFormat.of().formatHex(SourceDigest.sha256(source.getBytes(StandardCharsets.UTF_8)), 0, 4);
    }

    /**
     * {@code content.docker-networking_rst}: the path as a package, the file as a class. Letters and digits of every
     * script stay, as Java's own class names allow, so {@code Lektion ä.md} and {@code Lektion ö.md} stay apart.
     */
    static String className(String source) {
        String[] parts = source.replace('\\', '/').split("/");
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].replaceAll("[^\\p{L}\\p{N}_-]", "_");
            if (!part.isEmpty() && !part.equals("_")) {
                name.append(name.isEmpty() ? "" : ".").append(part);
            }
        }
        return name.toString();
    }

    /**
     * The path a lesson's report and class are named after: where it is from the working folder, so that it keeps
     * them whether the command line said {@code content}, {@code ./content} or {@code $PWD/content}.
     */
    static String nameOf(Path lesson) {
        Path here = Path.of("").toAbsolutePath();
        Path where = lesson.toAbsolutePath().normalize();
        return source(where.startsWith(here) ? here.relativize(where) : lesson.normalize());
    }

    private static String source(LessonResult lesson) {
        return source(lesson.plan().lesson().source());
    }

    private static String source(Path file) {
        return String.valueOf(file).replace('\\', '/');
    }

    private static void write(CourseResult course, LessonResult lesson, String className, String run,
                              List<String> strictFailures, Writer out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            suite(course, lesson, className, run, strictFailures, xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            out.write('\n');
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) {
                throw io; // the file's own failure (a full disk), said as such
            }
            throw new IOException("could not write the JUnit report: " + e.getMessage(), e);
        }
    }

    private static void suite(CourseResult course, LessonResult lesson, String className, String run,
                              List<String> strictFailures, XMLStreamWriter xml) throws XMLStreamException {
        String source = source(lesson);
        Summary summary = Summary.of(lesson);
        List<StepResult> cases = lesson.steps().stream().filter(JUnitReport::isTestcase).toList();
        boolean setupFailed = lesson.setupError() != null;
        // A lesson a reader could not read whole fails the run (as `plan` does); the setup error says it already.
        List<Diagnostic> readErrors = setupFailed ? List.of() : lesson.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        int readCase = readErrors.isEmpty() ? 0 : 1;
        int strictCase = strictFailures.isEmpty() ? 0 : 1;

        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(source));
        xml.writeAttribute("tests", String.valueOf(cases.size() + (setupFailed ? 1 : 0) + readCase + strictCase));
        xml.writeAttribute("failures", String.valueOf(summary.tally().failed() + readCase + strictCase));
        xml.writeAttribute("errors", String.valueOf(setupFailed ? 1 : 0));
        xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(s -> s.status() == Status.NOT_RUN
                || s.status() == Status.SKIPPED).count()));
        xml.writeAttribute("time", seconds(summary.duration().toMillis()));
        if (lesson.started() != null) {
            xml.writeAttribute("timestamp", TIMESTAMP.format(lesson.started()));
        }

        indent(xml, 1);
        xml.writeStartElement("properties");
        property(xml, "source", source);
        property(xml, JUnitFolder.RUN_PROPERTY, run);
        if (course.engineVersion() != null) {
            property(xml, "docker.engine.version", course.engineVersion());
        }
        property(xml, "templates", String.valueOf(summary.tally().templates()));
        property(xml, "leaks", String.valueOf(summary.leaks()));
        for (Finding finding : lesson.findings()) {
            property(xml, "finding", clean(finding.toString()));
        }
        indent(xml, 1);
        xml.writeEndElement();

        if (setupFailed) {
            testcase(xml, "lesson setup", className, source, 0, 0);
            indent(xml, 2);
            xml.writeStartElement("error");
            xml.writeAttribute("message", oneLine(lesson.setupError().message()));
            xml.writeAttribute("type", "setup-" + lesson.setupError().kind().name().toLowerCase().replace('_', '-'));
            xml.writeCharacters(clean(lesson.setupError().message()));
            xml.writeEndElement();
            indent(xml, 1);
            xml.writeEndElement();
        }
        if (!readErrors.isEmpty()) {
            // At the first error, in the file that holds it (an included one, maybe), as a step's testcase is.
            SourceSpan first = readErrors.get(0).span();
            lessonFailure(xml, "reading the lesson", className, source(first.file()), first.line(), "read-error",
                    readErrors.size() + (readErrors.size() == 1 ? " reading error" : " reading errors")
                            + ": what could not be read was not checked",
                    readErrors.stream().map(Diagnostic::toString).toList());
        }
        for (StepResult result : cases) {
            step(xml, result, className, source);
        }
        if (!strictFailures.isEmpty()) {
            lessonFailure(xml, "--strict", className, source, 0, "strict",
                    "--strict counts " + StrictFailures.counted(List.of(lesson)) + " as failures", strictFailures);
        }

        List<String> notes = new ArrayList<>();
        for (Leak leak : lesson.leaks()) {
            notes.add(source + ":" + leak.line() + ": leaked " + leak.kind().jsonName() + " " + leak.name()
                    + (leak.removed() ? " (removed after the lesson)" : " (still present: it could not be removed)"));
        }
        lesson.diagnostics().forEach(d -> notes.add(d.toString()));
        lesson.findings().forEach(f -> notes.add(f.toString()));
        if (!notes.isEmpty()) {
            indent(xml, 1);
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(String.join("\n", notes)));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
    }

    /** A runnable step, or a template that ran bound. */
    private static boolean isTestcase(StepResult result) {
        return result.step().kind() == StepKind.RUN || result.outcome() instanceof Outcome.Bound bound && bound.template();
    }

    /**
     * The failure a testcase reports: the step's own, or that of the command it ran as when it was bound; null for a
     * step that did not fail.
     */
    private static Outcome.Failed failure(Outcome outcome) {
        if (outcome instanceof Outcome.Failed failed) {
            return failed;
        }
        if (outcome instanceof Outcome.Bound bound && outcome.status() == Status.FAILED) {
            return failure(bound.ran());
        }
        return null;
    }

    /**
     * A testcase per runnable step. Both {@code passed} (output compared) and {@code ran} (exit 0, nothing to
     * compare) are successes; the first line of the testcase's output says which, and why.
     */
    private static void step(XMLStreamWriter xml, StepResult result, String className, String source)
            throws XMLStreamException {
        // A step an include brought in is at its line of the included file, which its testcase names, so that a CI
        // annotation points at the command and not at that line of the lesson.
        SourceSpan span = result.step().span();
        boolean included = span.includedFrom() != null;
        testcase(xml, "line " + span.line() + (included ? " of " + source(span.file()) : "") + ": "
                        + Texts.oneLine(result.step().command()), className, included ? source(span.file()) : source,
                span.line(), result.durationMs());
        Outcome outcome = result.outcome();
        Outcome.Failed failed = failure(outcome);
        if (failed != null) {
            indent(xml, 2);
            xml.writeStartElement("failure");
            xml.writeAttribute("message", oneLine(outcome.describe()));
            xml.writeAttribute("type", failureType(failed));
            xml.writeCharacters(clean(failureBody(result)));
            xml.writeEndElement();
        } else if (outcome instanceof Outcome.NotRun || outcome instanceof Outcome.Skipped) {
            indent(xml, 2);
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", oneLine(outcome.describe()));
        }
        String notes = notes(result);
        if (!notes.isEmpty()) {
            indent(xml, 2);
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(notes));
            xml.writeEndElement();
        }
        indent(xml, 1);
        xml.writeEndElement();
    }

    /** A testcase of the lesson as a whole that failed, listing each of its reasons on a line. */
    private static void lessonFailure(XMLStreamWriter xml, String name, String className, String source, int line,
                                      String type, String message, List<String> reasons) throws XMLStreamException {
        testcase(xml, name, className, source, line, 0);
        indent(xml, 2);
        xml.writeStartElement("failure");
        xml.writeAttribute("message", message);
        xml.writeAttribute("type", type);
        xml.writeCharacters(clean(reasons.stream().map(r -> r + "\n").collect(Collectors.joining())));
        xml.writeEndElement();
        indent(xml, 1);
        xml.writeEndElement();
    }

    private static void testcase(XMLStreamWriter xml, String name, String className, String source, int line,
                                 long millis) throws XMLStreamException {
        indent(xml, 1);
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", oneLine(name));
        xml.writeAttribute("classname", className);
        xml.writeAttribute("time", seconds(millis));
        xml.writeAttribute("file", clean(source));
        if (line > 0) {
            xml.writeAttribute("line", String.valueOf(line));
        }
    }

    private static String failureType(Outcome.Failed failed) {
        if (failed instanceof Outcome.TimedOut) {
            return "timeout";
        }
        if (failed instanceof Outcome.ExitCode) {
            return "exit-code";
        }
        if (failed instanceof Outcome.Mismatch) {
            return "output-mismatch";
        }
        if (failed instanceof Outcome.DiskShort) {
            return "disk-short";
        }
        if (failed instanceof Outcome.NotReady) {
            return "not-ready";
        }
        if (failed instanceof Outcome.Interrupted) {
            return "interrupted";
        }
        throw new IllegalArgumentException("a failure the JUnit report does not know: " + failed);
    }

    private static String failureBody(StepResult result) {
        StringBuilder body = new StringBuilder();
        body.append(result.step().span().fileLine()).append(": ").append(result.step().command()).append('\n');
        body.append(result.outcome().describe()).append('\n');
        result.notes().forEach(n -> body.append(n.describe()).append('\n'));
        if (result.match() != null && result.match().diff() != null) {
            body.append('\n').append(result.match().diff());
        }
        List<String> tail = Texts.tail(result.output().merged(), Texts.TAIL_LINES);
        if (!tail.isEmpty()) {
            int total = Texts.lineCount(result.output().merged());
            body.append("\noutput").append(tail.size() < total ? " (last " + tail.size() + " of " + total + " lines)" : "")
                    .append(":\n").append(String.join("\n", tail)).append('\n');
        }
        return body.toString();
    }

    private static String notes(StepResult result) {
        List<String> notes = new ArrayList<>();
        boolean failed = failure(result.outcome()) != null;
        if (!failed && !(result.outcome() instanceof Outcome.NotRun || result.outcome() instanceof Outcome.Skipped)) {
            notes.add(result.status().jsonName() + ": " + result.outcome().describe());
        }
        if (result.repair() != null) {
            notes.add("warning: " + Texts.repairAdvice(result));
        }
        if (result.match() != null) {
            result.match().drift().forEach(d -> notes.add("drift: " + d));
            result.match().abridged().forEach(a -> notes.add("abridged: " + a));
        }
        if (!failed) {
            result.notes().forEach(n -> notes.add("note: " + n.describe()));
        }
        return String.join("\n", notes);
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        indent(xml, 2);
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", oneLine(value));
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** An attribute value on one line. */
    private static String oneLine(String text) {
        return clean(text).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /**
     * Text XML 1.0 can carry: characters it forbids (escape, bell, NUL…) become a visible {@code \\u001b}, so a
     * report never fails to parse because a program printed a control character.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else if (allowed) {
                sb.append(c);
            } else if (c == '\r') {
                sb.append(i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "" : "\n");
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }
}
