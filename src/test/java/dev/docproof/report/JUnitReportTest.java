package dev.docproof.report;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.StepKind;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Outcome;
import dev.docproof.run.Output;
import dev.docproof.run.Shard;
import dev.docproof.run.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JUnitReportTest {

    @TempDir
    Path dir;

    private static Element parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String property(Element suite, String name) {
        return children(children(suite, "properties").get(0), "property").stream()
                .filter(p -> p.getAttribute("name").equals(name)).findFirst().orElseThrow().getAttribute("value");
    }

    @Test
    void lessonsWhosePathsReadAlikeGetOneFileEachThatNamesItsLesson() throws Exception {
        var spaced = Results.lesson(Path.of("x y.md"), List.of(), List.of(), java.time.Duration.ofMillis(5),
                (String) null, List.of());
        var underscored = Results.lesson(Path.of("x_y.md"), List.of(), List.of(), java.time.Duration.ofMillis(5),
                "the engine did not answer", List.of());

        List<Path> files = JUnitReport.write(Results.course(spaced, underscored), dir);

        assertThat(files).hasSize(2).doesNotHaveDuplicates();
        assertThat(files).allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith("TEST-x_y.md-"));
        assertThat(parse(files.get(0)).getAttribute("name")).isEqualTo("x y.md");
        assertThat(property(parse(files.get(0)), "source")).isEqualTo("x y.md");
        assertThat(parse(files.get(1)).getAttribute("name")).isEqualTo("x_y.md");
        assertThat(parse(files.get(1)).getAttribute("errors")).isEqualTo("1");
        // Named after the exact path, so each lesson keeps its file from one run to the next.
        assertThat(JUnitReport.write(Results.course(underscored, spaced), dir)).containsExactly(files.get(1), files.get(0));
    }

    @Test
    void shardsNameTheReportsOfLessonsWhosePathsReadAlikeApartAsOneRunOfTheCourseWould() throws Exception {
        var spaced = Results.lesson(Path.of("x y.md"), List.of(), List.of(), Duration.ofMillis(5), (String) null, List.of());
        var underscored = Results.lesson(Path.of("x_y.md"), List.of(), List.of(), Duration.ofMillis(5), (String) null,
                List.of());
        List<Path> split = List.of(Path.of("x y.md"), Path.of("x_y.md"));

        Path first = JUnitReport.write(Results.course(spaced), new Shard(1, 2), split, dir, false).get(0);
        Path second = JUnitReport.write(Results.course(underscored), new Shard(2, 2), split, dir, false).get(0);

        assertThat(first).isNotEqualTo(second).exists();
        assertThat(parse(first).getAttribute("name")).isEqualTo("x y.md");
        assertThat(parse(second).getAttribute("name")).isEqualTo("x_y.md");
        assertThat(JUnitReport.write(Results.course(spaced, underscored), dir)).containsExactly(first, second);
    }

    @Test
    void lessonsWhosePathsDifferOnlyByCaseOrAreTooLongForAFileNameGetAFileEach() throws Exception {
        String deep = "content/" + "a-long-folder-name-of-one-module-of-a-course/".repeat(6) + "lesson.md";
        var upper = Results.lesson(Path.of("A.md"), List.of(), List.of(), java.time.Duration.ofMillis(5), (String) null,
                List.of());
        var lower = Results.lesson(Path.of("a.md"), List.of(), List.of(), java.time.Duration.ofMillis(5),
                "the engine did not answer", List.of());
        var long_ = Results.lesson(Path.of(deep), List.of(), List.of(), java.time.Duration.ofMillis(5), (String) null,
                List.of());

        List<Path> files = JUnitReport.write(Results.course(upper, lower, long_), dir);

        assertThat(files).extracting(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT))
                .doesNotHaveDuplicates();
        assertThat(files.get(0).getFileName().toString()).matches("TEST-A\\.md-[0-9a-f]{8}\\.xml");
        assertThat(parse(files.get(1)).getAttribute("errors")).isEqualTo("1");
        assertThat(files.get(2).getFileName().toString()).hasSizeLessThan(255)
                .matches("TEST-.*\\.lesson\\.md-[0-9a-f]{8}\\.xml");
        assertThat(property(parse(files.get(2)), "source")).isEqualTo(deep);
    }

    @Test
    void lessonsWhoseNamesReadAlikeGetAClassEachSoCiToolsKeepTheirTestsApart() throws Exception {
        List<String> sources = List.of("names/Lektion ä.md", "names/Lektion ö.md", "x y.md", "x_y.md", "a.b.md", "a_b.md");
        List<LessonResult> lessons = new ArrayList<>();
        for (String source : sources) {
            Path file = Path.of(source);
            lessons.add(Results.lesson(file, List.of(Results.ran(Results.run(file, 3, "echo hi"), 1, "hi\n")), List.of(),
                    Duration.ofMillis(5), (String) null, List.of()));
        }

        List<Path> files = JUnitReport.write(Results.course(lessons.toArray(LessonResult[]::new)), dir);

        List<String> classes = new ArrayList<>();
        for (Path file : files) {
            classes.add(children(parse(file), "testcase").get(0).getAttribute("classname"));
        }
        assertThat(classes).doesNotHaveDuplicates();
        assertThat(classes.subList(0, 2)).containsExactly("names.Lektion_ä_md", "names.Lektion_ö_md");
        assertThat(classes.subList(2, 6)).allMatch(c -> c.matches("(x_y|a_b)_md_[0-9a-f]{8}"));
        // Named after the exact path, so each lesson keeps its class from one run to the next.
        assertThat(children(parse(JUnitReport.write(Results.course(lessons.get(3), lessons.get(2)), dir).get(1)),
                "testcase").get(0).getAttribute("classname")).isEqualTo(classes.get(2));
    }

    @Test
    void aLessonWithReadingErrorsHasAFailedReadingTestcaseAsItsExitCodeSays() throws Exception {
        Path file = Path.of("content/misread.rst");
        SourceSpan at12 = new SourceSpan(file, 12, 1);
        LessonResult lesson = Results.lesson(file, List.of(Results.ran(Results.run(file, 6, "echo ok"), 1, "ok\n")),
                List.of(), Duration.ofMillis(5), (String) null, List.of(
                        Diagnostic.warning(new SourceSpan(file, 9, 1), "directive \"bogus\" is not supported"),
                        Diagnostic.error(at12, "Content block expected for the \"code-block\" directive; none found"),
                        Diagnostic.error(new SourceSpan(file, 20, 3), "not UTF-8: byte 0xff read as U+FFFD")));

        JUnitReport.write(Results.course(lesson), dir);

        Element suite = parse(dir.resolve("TEST-content.misread.rst.xml"));
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        Element reading = children(suite, "testcase").get(0);
        assertThat(reading.getAttribute("name")).isEqualTo("reading the lesson");
        assertThat(reading.getAttribute("line")).isEqualTo("12");
        Element failure = children(reading, "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("read-error");
        assertThat(failure.getAttribute("message")).isEqualTo("2 reading errors: what could not be read was not checked");
        assertThat(failure.getTextContent()).isEqualTo(Diagnostic.error(at12, "Content block expected for the"
                + " \"code-block\" directive; none found") + "\ncontent/misread.rst:20:3: error: not UTF-8: byte 0xff read as U+FFFD\n");
        assertThat(children(children(suite, "testcase").get(1), "failure")).isEmpty();
    }

    @Test
    void aReadingErrorInAnIncludedFileIsATestcaseAtItsLineOfThatFile() throws Exception {
        Path file = Path.of("content/main.rst");
        LessonResult lesson = Results.lesson(file, List.of(), List.of(), Duration.ofMillis(5), (String) null, List.of(
                Diagnostic.error(new SourceSpan(Path.of("content/part.inc"), 4, 1, new SourceSpan(file, 11, 1)),
                        "Content block expected for the \"code-block\" directive; none found")));

        JUnitReport.write(Results.course(lesson), dir);

        Element reading = children(parse(dir.resolve("TEST-content.main.rst.xml")), "testcase").get(0);
        assertThat(reading.getAttribute("file") + ":" + reading.getAttribute("line")).isEqualTo("content/part.inc:4");
    }

    @Test
    void underStrictWhatItCountsAsFailuresIsAFailedTestcaseOfTheLesson() throws Exception {
        JUnitReport.write(Results.course(Results.networking(), Results.failing()), null, List.of(), dir, true);

        Element suite = parse(dir.resolve("TEST-content.docker-networking.rst.xml"));
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        List<Element> cases = children(suite, "testcase");
        Element strict = cases.get(3);
        assertThat(strict.getAttribute("name")).isEqualTo("--strict");
        Element failure = children(strict, "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("strict");
        assertThat(failure.getAttribute("message"))
                .isEqualTo("--strict counts 1 repaired step, 1 abridged sample and 1 leaked resource as failures");
        assertThat(failure.getTextContent()).isEqualTo(
                "content/docker-networking.rst:241: abridged sample of `docker exec client curl -v server:8080/message`\n"
                        + "content/docker-networking.rst:262: repaired step `docker network remove`\n"
                        + "content/docker-networking.rst:152: leaked network my-network\n");
        assertThat(cases.subList(0, 3)).allMatch(c -> children(c, "failure").isEmpty());
        // Its skipped step is what --strict counts there.
        Element failing = parse(dir.resolve("TEST-content.failing.rst.xml"));
        assertThat(children(children(failing, "testcase").get(5), "failure").get(0).getAttribute("message"))
                .isEqualTo("--strict counts 1 skipped step as failures");
        // Without --strict, none of it is a failure.
        JUnitReport.write(Results.course(Results.networking()), dir);
        assertThat(parse(dir.resolve("TEST-content.docker-networking.rst.xml")).getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void writesOneSuiteFilePerLessonNamedAfterItsPath() throws Exception {
        List<Path> files = JUnitReport.write(Results.course(Results.networking(), Results.failing()), dir);
        assertThat(files).containsExactly(dir.resolve("TEST-content.docker-networking.rst.xml"),
                dir.resolve("TEST-content.failing.rst.xml"));
        try (var listing = Files.list(dir)) {
            assertThat(listing.count()).isEqualTo(2);
        }
    }

    @Test
    void aFolderWrittenAgainLosesTheReportsOfLessonsNoLongerRunAndKeepsEveryOtherFile() throws Exception {
        JUnitReport.write(Results.course(Results.networking(), Results.failing()), dir);
        Path otherTool = Files.writeString(dir.resolve("TEST-com.example.AppTest.xml"),
                "<testsuite name='com.example.AppTest' tests='1'><properties><property name='source' value='x'/>"
                        + "</properties><testcase name='t'/></testsuite>");
        Path notXml = Files.writeString(dir.resolve("TEST-notes.xml"), "not a report");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "kept");
        Path failing = dir.resolve("TEST-content.failing.rst.xml");
        Path linked = Files.createSymbolicLink(dir.resolve("TEST-linked.xml"), failing);

        // content/failing.rst was removed (or renamed) since: its failed testcase must not stay in the CI test tab.
        List<Path> written = JUnitReport.write(Results.course(Results.networking()), dir);

        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).containsExactlyInAnyOrder(written.get(0), otherTool, notXml, notes, linked);
        }
    }

    @Test
    void aShardKeepsTheReportsTheOtherShardsOfItsSplitWroteIntoItsFolder() throws Exception {
        Path networking = JUnitReport.write(Results.course(Results.networking()), new Shard(1, 2), List.of(), dir, false).get(0);
        Path failing = JUnitReport.write(Results.course(Results.failing()), new Shard(2, 2), List.of(), dir, false).get(0);
        assertThat(property(parse(failing), "docproof.run")).isEqualTo("shard 2/2");

        JUnitReport.write(Results.course(Results.networking()), new Shard(1, 2), List.of(), dir, false);
        assertThat(failing).exists();

        // The same shard at a later commit no longer holds a lesson: its report from before goes.
        JUnitReport.write(Results.course(Results.failing()), new Shard(2, 2), List.of(), dir, false);
        JUnitReport.write(Results.course(Results.networking()), new Shard(2, 2), List.of(), dir, false);
        assertThat(failing).doesNotExist();
        // Another split, or the whole course, replaces every report docproof wrote before.
        JUnitReport.write(Results.course(Results.failing()), new Shard(1, 3), List.of(), dir, false);
        assertThat(networking).doesNotExist();
        JUnitReport.write(Results.course(Results.networking()), dir);
        assertThat(failing).doesNotExist();
        assertThat(property(parse(networking), "docproof.run")).isEqualTo("whole course");
    }

    @Test
    void runnableStepsAreTestcasesAndTemplatesAreNot() throws Exception {
        JUnitReport.write(Results.course(Results.networking()), dir);
        Element suite = parse(dir.resolve("TEST-content.docker-networking.rst.xml"));
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("content/docker-networking.rst");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        assertThat(suite.getAttribute("time")).isEqualTo("23.400");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-30T11:46:04");
        assertThat(property(suite, "templates")).isEqualTo("1");
        assertThat(property(suite, "docker.engine.version")).isEqualTo("20.10.24");

        List<Element> cases = children(suite, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly(
                "line 45: docker network ls",
                "line 241: docker exec client curl -v server:8080/message",
                "line 262: docker network remove");
        assertThat(cases).allMatch(c -> c.getAttribute("classname").equals("content.docker-networking_rst"));
        assertThat(cases.get(1).getAttribute("time")).isEqualTo("0.312");
        assertThat(cases.get(1).getAttribute("file")).isEqualTo("content/docker-networking.rst");
        assertThat(cases.get(1).getAttribute("line")).isEqualTo("241");
        assertThat(cases).allMatch(c -> children(c, "failure").isEmpty() && children(c, "skipped").isEmpty());
    }

    @Test
    void aStepRunBoundFailsAsItsBoundCommandDidAndATemplateRunBoundIsATestcase() throws Exception {
        Path file = Path.of("content/bind.md");
        var inspect = new StepResult(Results.run(file, 9, "docker inspect 3f9a1c2be4d7"), new Outcome.Bound(
                "docker inspect 89d095592a64", "3f9a1c2be4d7 → 89d095592a64", new Outcome.ExitCode(1, null)),
                Output.NONE, 0, Duration.ofMillis(40), List.of());
        var logs = new StepResult(Results.step(file, 16, StepKind.TEMPLATE, "docker logs {container id}", Sample.NONE),
                new Outcome.Bound("docker logs 89d095592a64", "{container id} → 89d095592a64", new Outcome.ExitCode(1, null),
                        true), Output.NONE, 0, Duration.ofMillis(30), List.of());
        var shown = new StepResult(Results.step(file, 20, StepKind.TEMPLATE, "docker rm <id>", Sample.NONE),
                Outcome.NotRun.TEMPLATE, Output.NONE, 0, Duration.ZERO, List.of());

        JUnitReport.write(Results.course(Results.lesson(file, List.of(inspect, logs, shown), List.of(),
                Duration.ofSeconds(1), (String) null, List.of())), dir);

        Element suite = parse(dir.resolve("TEST-content.bind.md.xml"));
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        List<Element> cases = children(suite, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("line")).containsExactly("9", "16");
        Element failure = children(cases.get(0), "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("exit-code");
        assertThat(failure.getAttribute("message"))
                .isEqualTo("ran as `docker inspect 89d095592a64` (3f9a1c2be4d7 → 89d095592a64): exited with 1");
        assertThat(children(cases.get(1), "failure")).isEmpty();
        assertThat(children(cases.get(1), "skipped")).isEmpty();
        assertThat(children(cases.get(1), "system-out").get(0).getTextContent())
                .isEqualTo("bound: ran as `docker logs 89d095592a64` ({container id} → 89d095592a64): exited with 1");
    }

    @Test
    void aBackgroundStepThatNeverGotReadyIsANotReadyFailureNotAnInterruptedOne() throws Exception {
        Path file = Path.of("content/server.md");
        var server = new StepResult(Results.run(file, 5, "python3 -m http.server 8765"),
                new Outcome.NotReady("port 8765 never listened within 60s"), Output.NONE, null, Duration.ofSeconds(60),
                List.of());

        JUnitReport.write(Results.course(Results.lesson(file, List.of(server), List.of(), Duration.ofSeconds(60),
                (String) null, List.of())), dir);

        Element failure = children(children(parse(dir.resolve("TEST-content.server.md.xml")), "testcase").get(0),
                "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("not-ready");
        assertThat(failure.getAttribute("message")).isEqualTo("in the background: port 8765 never listened within 60s");
    }

    @Test
    void aStepAnIncludeBroughtInIsATestcaseAtItsLineOfTheIncludedFile() throws Exception {
        Path lesson = Path.of("content/main.rst");
        var step = new dev.docproof.lesson.Step(new SourceSpan(Path.of("content/part.inc"), 7, 4,
                new SourceSpan(lesson, 11, 1)), 7, StepKind.RUN, "echo two", Sample.NONE, "");
        var own = Results.run(lesson, 17, "echo three");

        JUnitReport.write(Results.course(Results.lesson(lesson, List.of(Results.ran(step, 2, "two\n"),
                Results.ran(own, 3, "three\n")), List.of(), Duration.ofSeconds(1), (String) null, List.of())), dir);

        List<Element> cases = children(parse(dir.resolve("TEST-content.main.rst.xml")), "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name") + " @ " + c.getAttribute("file") + ":"
                + c.getAttribute("line")).containsExactly(
                "line 7 of content/part.inc: echo two @ content/part.inc:7",
                "line 17: echo three @ content/main.rst:17");
        assertThat(cases).allMatch(c -> c.getAttribute("classname").equals("content.main_rst"));
    }

    @Test
    void repairedStepPassesWithTheRepairInItsOutputAndLeaksAreNoted() throws Exception {
        JUnitReport.write(Results.course(Results.networking()), dir);
        Element suite = parse(dir.resolve("TEST-content.docker-networking.rst.xml"));
        Element repaired = children(suite, "testcase").get(2);
        assertThat(children(repaired, "system-out").get(0).getTextContent()).isEqualTo(
                "repaired: passes as 'docker network remove networking-test' (network networking-test created at line"
                        + " 194, still present)\n"
                        + "warning: content/docker-networking.rst:262: repaired to 'docker network remove networking-test'"
                        + " (evidence: network networking-test created at line 194, still present);"
                        + " run `docproof fix content/docker-networking.rst` to write it back");
        Element curl = children(suite, "testcase").get(1);
        assertThat(children(curl, "system-out").get(0).getTextContent()).isEqualTo(
                "passed: the output matches the sample at line 246\n"
                        + "drift: line 247: 172.28.0.2 → 172.18.0.3\n"
                        + "abridged: after line 251: 3 actual lines not shown in the sample (stderr, from \"{ [31 bytes data]\")");
        assertThat(children(suite, "system-out").get(0).getTextContent())
                .isEqualTo("content/docker-networking.rst:152: leaked network my-network (removed after the lesson)");
    }

    @Test
    void failuresCarryMessageTypeAndDiffWithMarkupAndControlCharactersEscaped() throws Exception {
        JUnitReport.write(Results.course(Results.failing()), dir);
        Path file = dir.resolve("TEST-content.failing.rst.xml");
        String raw = Files.readString(file);
        assertThat(raw).doesNotContain("\u001b").doesNotContain("\u0007").contains("&lt;File&gt;").contains("&amp; more");

        Element suite = parse(file);
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        List<Element> cases = children(suite, "testcase");
        assertThat(cases.get(1).getAttribute("name")).isEqualTo("line 9: curl -s localhost:8080/ \\ …");

        Element exit = children(cases.get(0), "failure").get(0);
        assertThat(exit.getAttribute("type")).isEqualTo("exit-code");
        assertThat(exit.getAttribute("message"))
                .isEqualTo("exited with 1");
        assertThat(exit.getTextContent()).contains("no repair: \"docker network remove\" requires at least 1 argument.\n")
                .contains("output (last 10 of 12 lines):\nline 3\n").endsWith("line 12\n");

        Element mismatch = children(cases.get(1), "failure").get(0);
        assertThat(mismatch.getAttribute("type")).isEqualTo("output-mismatch");
        assertThat(mismatch.getAttribute("message")).isEqualTo("the output does not match the sample at line 12");
        assertThat(mismatch.getTextContent()).isEqualTo("content/failing.rst:9: curl -s localhost:8080/ \\\n  -H 'Accept: */*'\n"
                + "the output does not match the sample at line 12\n\n" + Results.DIFF + "\noutput:\n<html>\n404 <File> not found\n");

        Element timeout = children(cases.get(2), "failure").get(0);
        assertThat(timeout.getAttribute("type")).isEqualTo("timeout");
        assertThat(timeout.getAttribute("message"))
                .isEqualTo("still running at its deadline of 60.0s; killed (raise the deadline with --timeout)");

        assertThat(children(cases.get(3), "skipped").get(0).getAttribute("message"))
                .isEqualTo("skipped: needs brew, which is not installed");
        assertThat(children(cases.get(4), "skipped").get(0).getAttribute("message"))
                .isEqualTo("not run: --fail-fast stopped the lesson at line 20");
        assertThat(children(suite, "system-out").get(0).getTextContent())
                .isEqualTo("content/failing.rst:3:1: warning: unknown directive \"foo\"");
    }

    @Test
    void lessonThatCouldNotBeSetUpIsAnErrorAndItsStepsAreSkipped() throws Exception {
        JUnitReport.write(Results.course(Results.broken()), dir);
        Element suite = parse(dir.resolve("TEST-content.broken.rst.xml"));
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        List<Element> cases = children(suite, "testcase");
        assertThat(cases.get(0).getAttribute("name")).isEqualTo("lesson setup");
        assertThat(children(cases.get(0), "error").get(0).getAttribute("message"))
                .isEqualTo("network networking-test already exists; remove it or rename it in the lesson");
        assertThat(children(cases.get(1), "skipped").get(0).getAttribute("message"))
                .isEqualTo("not run: the lesson could not be run");
    }

    @Test
    void everyFileFollowsTheSchemaCiToolsRead() throws Exception {
        List<Path> files = JUnitReport.write(Results.course(Results.networking(), Results.failing(), Results.broken()), dir);
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/report/junit-report.xsd")).newValidator();
        for (Path file : files) {
            validator.validate(new StreamSource(file.toFile()));
        }
        assertThat(files).hasSize(3);
        String misordered = "<testsuite name='x' tests='1' failures='1' errors='0' skipped='0' time='0'>"
                + "<testcase name='a' classname='b' time='0'><system-out/><failure message='m' type='t'/></testcase></testsuite>";
        assertThatThrownBy(() -> validator.validate(new StreamSource(new java.io.StringReader(misordered))))
                .as("the schema really checks the order").isInstanceOf(org.xml.sax.SAXException.class);
    }

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertThat(JUnitReport.clean("a\u001b[0mb\u0000c\r\nd\re\tf\uD83D\uDE00")).isEqualTo("a\\u001b[0mb\\u0000c\nd\ne\tf\uD83D\uDE00");
    }

    @Test
    void aLessonKeepsItsReportsNameAndClassHoweverItsPathWasSpelled() throws Exception {
        String here = Path.of("").toAbsolutePath().toString();
        for (String spelled : List.of("content/a.md", "./content/a.md", here + "/content/a.md", "content/sub/../a.md")) {
            Path file = Path.of(spelled);
            List<Path> written = JUnitReport.write(Results.course(Results.lesson(file, List.of(Results.ran(
                    Results.run(file, 3, "echo hi"), 1, "hi\n")), List.of(), Duration.ofMillis(5), (String) null,
                    List.of())), dir);

            assertThat(written).as(spelled).containsExactly(dir.resolve("TEST-content.a.md.xml"));
            assertThat(children(parse(written.get(0)), "testcase").get(0).getAttribute("classname")).as(spelled)
                    .isEqualTo("content.a_md");
        }
    }

    @Test
    void classAndFileNamesAreSanitised() {
        assertThat(JUnitReport.fileName("content/sub dir/a&b.md")).isEqualTo("TEST-content.sub_dir.a_b.md.xml");
        assertThat(JUnitReport.className("content/sub dir/a&b.md")).isEqualTo("content.sub_dir.a_b_md");
        assertThat(JUnitReport.className("README.md")).isEqualTo("README_md");
    }

    @Test
    void reportsThatCannotAllBeWrittenLeaveThePreviousRunsAsTheyWere() throws Exception {
        Path first = Files.writeString(dir.resolve("TEST-a.md.xml"), "<previous a/>\n");
        Path second = Files.writeString(dir.resolve("TEST-b.md.xml"), "<previous b/>\n");
        Map<Path, JUnitReport.Report> reports = new LinkedHashMap<>();
        reports.put(first, out -> out.write("<testsuite name='a'/>\n"));
        reports.put(second, out -> {
            out.write("<testsuite name='b'>");
            out.flush();
            throw new java.io.IOException("No space left on device");
        });

        assertThatThrownBy(() -> JUnitReport.writeWhole(reports)).hasMessage("No space left on device");

        assertThat(first).hasContent("<previous a/>");
        assertThat(second).hasContent("<previous b/>");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(first, second);
        }
    }

    @Test
    void aReportWrittenWholeIsReadableByAllAsOneWrittenInPlaceWas() throws Exception {
        Path report = dir.resolve("TEST-a.md.xml");

        assertThat(JUnitReport.writeWhole(Map.of(report, out -> out.write("<testsuite name='a'/>\n")))).containsExactly(report);

        assertThat(report).hasContent("<testsuite name='a'/>");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
                .isEqualTo("rw-r--r--");
    }
}
