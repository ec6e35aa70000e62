package dev.docproof.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode report(dev.docproof.run.CourseResult course) throws Exception {
        StringWriter text = new StringWriter();
        JsonReport.write(course, text);
        assertThat(text.toString()).endsWith("}\n");
        return JSON.readTree(text.toString());
    }

    @Test
    void stepCarriesTheContractFields() throws Exception {
        JsonNode curl = report(Results.course(Results.networking())).at("/lessons/0/steps/2");
        assertThat(curl).isEqualTo(JSON.readTree("""
                {"file":"content/docker-networking.rst","line":241,"column":3,"includedFrom":null,
                 "lastLine":241,"section":"Custom Network Example",
                 "command":"docker exec client curl -v server:8080/message","kind":"run","status":"passed",
                 "exitCode":0,"durationMs":312,"duration":"PT0.312S","timedOut":false,
                 "reason":"the output matches the sample at line 246","notes":[],
                 "outcome":{"kind":"passed","sampleLine":246,"match":{"outcome":"matched",
                   "drift":["line 247: 172.28.0.2 → 172.18.0.3"],
                   "abridged":["after line 251: 3 actual lines not shown in the sample (stderr, from \\"{ [31 bytes data]\\")"],
                   "diff":null}},
                 "noteDetails":[],
                 "output":"* Closing connection 0\\nusing container aliases works!\\n",
                 "stdout":"using container aliases works!\\n","stderr":"* Closing connection 0\\n",
                 "sample":["...","* Connected to server (172.28.0.2) port 8080 (#0)","> GET /message HTTP/1.1",
                           "> Host: server:8080","...","<","using container aliases works!"],
                 "sampleLine":246,"match":"matched",
                 "drift":["line 247: 172.28.0.2 → 172.18.0.3"],
                 "abridged":["after line 251: 3 actual lines not shown in the sample (stderr, from \\"{ [31 bytes data]\\")"],
                 "diff":null}
                """));
    }

    /** A step an include brought in says which file its line is in, and where the include stands in the lesson. */
    @Test
    void aStepFromAnIncludedFileNamesThatFileAndTheInclude() throws Exception {
        java.nio.file.Path lesson = java.nio.file.Path.of("course/lesson.adoc");
        java.nio.file.Path script = java.nio.file.Path.of("course/scripts/setup.sh");
        dev.docproof.lesson.Step step = new dev.docproof.lesson.Step(new dev.docproof.lesson.SourceSpan(script, 2, 1,
                new dev.docproof.lesson.SourceSpan(lesson, 16, 1)), 2, dev.docproof.lesson.StepKind.RUN, "mkdir -p work",
                dev.docproof.lesson.Sample.NONE, "Setup");
        JsonNode json = report(Results.course(Results.lesson(lesson, java.util.List.of(Results.ran(step, 5, "")),
                java.util.List.of(), java.time.Duration.ofMillis(5), (String) null, java.util.List.of())))
                .at("/lessons/0/steps/0");

        assertThat(json.get("file").asText()).isEqualTo("course/scripts/setup.sh");
        assertThat(json.get("line").asInt()).isEqualTo(2);
        assertThat(json.get("includedFrom")).isEqualTo(JSON.readTree("""
                {"file":"course/lesson.adoc","line":16,"column":1,"includedFrom":null}"""));
    }

    @Test
    void lessonHasSourceLeaksSummaryAndRepairedStepHasItsRepair() throws Exception {
        JsonNode root = report(Results.course(Results.networking()));
        assertThat(root.get("engineVersion").asText()).isEqualTo("20.10.24");
        assertThat(root.get("started").asText()).isEqualTo("2026-11-30T11:46:04Z");
        JsonNode lesson = root.at("/lessons/0");
        assertThat(lesson.get("source").asText()).isEqualTo("content/docker-networking.rst");
        assertThat(lesson.get("leaks")).isEqualTo(JSON.readTree("""
                [{"kind":"network","name":"my-network","line":152,"removed":true}]"""));
        assertThat(lesson.get("summary")).isEqualTo(JSON.readTree("""
                {"runnable":3,"passed":1,"ran":1,"repaired":1,"bound":0,"failed":0,"skipped":0,"notRun":1,"templates":1,"leaks":1,
                 "durationMs":23400}"""));
        JsonNode repaired = lesson.at("/steps/3");
        assertThat(repaired.get("status").asText()).isEqualTo("repaired");
        assertThat(repaired.get("repair")).isEqualTo(JSON.readTree("""
                {"originalCommand":"docker network remove ","command":"docker network remove networking-test",
                 "evidence":"network networking-test created at line 194, still present"}"""));
        assertThat(lesson.at("/steps/2").has("repair")).isFalse();
    }

    @Test
    void aStepThatOnlyExitedZeroIsRanNotPassed() throws Exception {
        JsonNode ls = report(Results.course(Results.networking())).at("/lessons/0/steps/0");
        assertThat(ls.get("status").asText()).isEqualTo("ran");
        assertThat(ls.get("reason").asText()).isEqualTo("exited 0; the lesson shows no output to compare");
        assertThat(ls.get("match").isNull()).isTrue();
    }

    @Test
    void templateIsNotRunWithoutExitCodeOrMatch() throws Exception {
        JsonNode template = report(Results.course(Results.networking())).at("/lessons/0/steps/1");
        assertThat(template.get("kind").asText()).isEqualTo("template");
        assertThat(template.get("status").asText()).isEqualTo("not-run");
        assertThat(template.get("exitCode").isNull()).isTrue();
        assertThat(template.get("match").isNull()).isTrue();
        assertThat(template.get("sample").size()).isZero();
        assertThat(template.get("drift").size()).isZero();
    }

    @Test
    void failuresKeepDiffReasonDeadlineAndRawOutput() throws Exception {
        JsonNode root = report(Results.course(Results.failing(), Results.broken()));
        JsonNode steps = root.at("/lessons/0/steps");
        assertThat(steps.at("/0/status").asText()).isEqualTo("failed");
        assertThat(steps.at("/0/reason").asText()).isEqualTo("exited with 1");
        assertThat(steps.at("/0/notes/0").asText())
                .isEqualTo("no repair: \"docker network remove\" requires at least 1 argument.");
        assertThat(steps.at("/0/exitCode").asInt()).isEqualTo(1);
        assertThat(steps.at("/1/match").asText()).isEqualTo("mismatched");
        assertThat(steps.at("/1/diff").asText()).isEqualTo(Results.DIFF);
        assertThat(steps.at("/1/output").asText()).isEqualTo("<html>\n404 <File> not found\u001b[0m\u0007\n");
        assertThat(steps.at("/2/timedOut").asBoolean()).isTrue();
        assertThat(steps.at("/2/exitCode").isNull()).isTrue();
        assertThat(root.at("/lessons/0/diagnostics/0/message").asText()).isEqualTo("unknown directive \"foo\"");
        assertThat(root.at("/lessons/1/setupError").asText()).startsWith("network networking-test already exists");
        assertThat(steps.at("/3/status").asText()).isEqualTo("skipped");
        assertThat(steps.at("/3/reason").asText()).isEqualTo("skipped: needs brew, which is not installed");
        assertThat(steps.at("/4/reason").asText()).isEqualTo("not run: --fail-fast stopped the lesson at line 20");
        assertThat(root.at("/lessons/1/setupErrorKind").asText()).isEqualTo("name-taken");
        assertThat(root.at("/summary/failed").asInt()).isEqualTo(3);
        assertThat(root.at("/summary/skipped").asInt()).isEqualTo(1);
    }

    @Test
    void stringFormEqualsWriterForm() throws Exception {
        var course = Results.course(Results.networking());
        StringWriter text = new StringWriter();
        JsonReport.write(course, text);
        assertThat(JsonReport.toJson(course)).isEqualTo(text.toString());
    }

    @Test
    void aBoundStepHasTheCommandItRanAsAndTheEvidence() throws Exception {
        var template = Results.step(Results.NETWORKING, 52, dev.docproof.lesson.StepKind.TEMPLATE,
                "docker network inspect <network name>", dev.docproof.lesson.Sample.NONE);
        var bound = new dev.docproof.run.StepResult(template, new dev.docproof.run.Outcome.Bound(
                "docker network inspect my-network", "<network name> → my-network (network my-network made at line 40"
                + " and still there)", new dev.docproof.run.Outcome.Ran()), dev.docproof.run.Output.NONE, 0,
                java.time.Duration.ofMillis(5), java.util.List.of());

        JsonNode lesson = report(Results.course(Results.lesson(Results.NETWORKING, java.util.List.of(bound),
                java.util.List.of(), java.time.Duration.ofSeconds(1), (String) null, java.util.List.of()))).at("/lessons/0");

        assertThat(lesson.at("/steps/0/status").asText()).isEqualTo("bound");
        assertThat(lesson.at("/steps/0/binding")).isEqualTo(JSON.readTree("""
                {"command":"docker network inspect my-network",
                 "evidence":"<network name> → my-network (network my-network made at line 40 and still there)"}"""));
        assertThat(lesson.at("/summary/bound").asInt()).isEqualTo(1);
    }
}
