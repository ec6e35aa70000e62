package dev.docproof.verify;

import dev.docproof.lesson.Sample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.docproof.verify.MatchResult.Outcome.MATCHED;
import static dev.docproof.verify.MatchResult.Outcome.MISMATCHED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lesson's curl sample (content/docker-networking.rst, lines 246–252) against curl 7.88.1's real verbose
 * output: {@code curl-verbose.*} captured from curl 7.88.1 and a Python http.server with the address set to a
 * container's; {@code engine-curl.*} captured on the Docker engine from the lesson's own images
 * ({@code docker exec client curl -v server:8080/message}, stdout and stderr apart), and
 * {@code engine-curl-spliced.merged} the same command through one pipe, where the body landed inside the
 * progress-meter line.
 */
class CurlVerboseTest {

    private static final Path LESSON = Path.of("content/docker-networking.rst");
    private static final Sample LESSON_SAMPLE = new Sample(List.of(
            "...",
            "* Connected to server (172.28.0.2) port 8080 (#0)",
            "> GET /message HTTP/1.1",
            "> Host: server:8080",
            "...",
            "<",
            "using container aliases works!"), 246);

    private static String stdout;
    private static String stderr;

    @BeforeAll
    static void loadFixtures() throws IOException {
        stdout = MatcherTest.resource("curl-verbose.stdout");
        stderr = MatcherTest.resource("curl-verbose.stderr");
        assertThat(stderr).contains("\r100    31  100    31").contains("* Closing connection 0");
    }

    @Test
    void lessonSampleMatchesRealCurlOutputWithDriftAndAbridgedTail() {
        MatchResult result = Matcher.match(LESSON_SAMPLE, LESSON, stderr + stdout, stdout, stderr);

        assertThat(result.outcome()).isEqualTo(MATCHED);
        assertThat(result.drift()).containsExactly("line 247: 172.28.0.2 → 172.18.0.3");
        // The body is alone on stdout; on stderr, three lines follow "<" that the sample leaves out with no "...".
        assertThat(result.abridged()).containsExactly(
                "after line 251: 3 actual lines not shown in the sample (stderr, from \"{ [31 bytes data]\")");
        assertThat(result.diff()).isNull();
    }

    @Test
    void verdictIsIndependentOfStreamInterleaving() {
        Map<String, String> merges = new LinkedHashMap<>();
        merges.put("body after closing", stderr + stdout);
        int meter = stderr.indexOf("\r100 ");
        merges.put("body spliced inside the progress line", stderr.substring(0, meter + 12) + stdout + stderr.substring(meter + 12));
        merges.put("body first", stdout + stderr);
        for (int at = 0; at <= stderr.length(); at++) { // and every other byte position
            merges.put("body at " + at, stderr.substring(0, at) + stdout + stderr.substring(at));
        }
        MatchResult expected = Matcher.match(LESSON_SAMPLE, LESSON, merges.get("body after closing"), stdout, stderr);
        assertThat(expected.outcome()).isEqualTo(MATCHED);
        assertThat(TerminalText.render(merges.get("body spliced inside the progress line")))
                .as("the splice really breaks the merged lines")
                .noneMatch(line -> line.equals("using container aliases works!"));
        merges.forEach((how, merged) ->
                assertThat(Matcher.match(LESSON_SAMPLE, LESSON, merged, stdout, stderr)).as(how).isEqualTo(expected));
    }

    @Test
    void mismatchIsAlsoIndependentOfStreamInterleaving() {
        String otherBody = "using container names works!\n";
        List<MatchResult> results = new ArrayList<>();
        for (int at = 0; at <= stderr.length(); at += 7) {
            results.add(Matcher.match(LESSON_SAMPLE, LESSON, stderr.substring(0, at) + otherBody + stderr.substring(at),
                    otherBody, stderr));
        }
        assertThat(results.get(0).outcome()).isEqualTo(MISMATCHED);
        assertThat(results.get(0).diff()).isEqualTo("""
                --- content/docker-networking.rst (documented)
                +++ actual output
                @@ -249,4 +4,7 @@
                 > Host: server:8080
                 ...
                 <
                -using container aliases works!
                +using container names works!
                +{ [31 bytes data]
                +100    31  100    31    0     0   4292      0 --:--:-- --:--:-- --:--:--  4428
                +* Closing connection 0
                """);
        assertThat(results).allMatch(r -> r.equals(results.get(0)));
    }

    @Test
    void pseudoTerminalCaptureWithOnlyMergedOutputAlsoMatches() {
        String pty = (stderr + stdout).replace("\r\n", "\n").replace("\n", "\r\n");
        MatchResult result = Matcher.match(LESSON_SAMPLE, LESSON, pty, "", "");
        assertThat(result.outcome()).isEqualTo(MATCHED);
        assertThat(result.drift()).containsExactly("line 247: 172.28.0.2 → 172.18.0.3");
        assertThat(result.abridged()).containsExactly(
                "after line 251: 3 actual lines not shown in the sample (output, from \"{ [31 bytes data]\")");
    }

    @Test
    void documentedTemplateSampleMatchesItsOwnKindOfOutput() {
        Sample template = new Sample(List.of(
                "* TCP_NODELAY set",
                "* Connected to <container alias> (172.X.X.X) port <port> (#0)",
                "> GET / HTTP/1.1",
                "> Host: <alias>:<port>"), 174);
        MatchResult result = Matcher.match(template, LESSON, "", "", String.join("\n",
                "* TCP_NODELAY set", "* Connected to service-two (172.19.0.3) port 80 (#0)", "> GET / HTTP/1.1",
                "> Host: service-two:80", ""));
        assertThat(result).isEqualTo(new MatchResult(MATCHED, List.of(), List.of(), null));
    }

    @Test
    void lessonSampleMatchesOutputCapturedOnTheEngine() throws IOException {
        String out = MatcherTest.resource("engine-curl.stdout");
        String err = MatcherTest.resource("engine-curl.stderr");
        MatchResult result = Matcher.match(LESSON_SAMPLE, LESSON, err + out, out, err);
        assertThat(result).isEqualTo(new MatchResult(MATCHED, List.of("line 247: 172.28.0.2 → 192.168.144.2"), List.of(
                "after line 251: 3 actual lines not shown in the sample (stderr, from \"{ [31 bytes data]\")"), null));
    }

    @Test
    void splicedMergedCaptureAloneCannotMatchWhichIsWhyTheStreamsAreKeptApart() throws IOException {
        String spliced = MatcherTest.resource("engine-curl-spliced.merged");
        assertThat(TerminalText.render(spliced)).contains(
                "100    31  100    31    0     0   3007      0 --:--:-- --:--:-- using container aliases works!");
        MatchResult result = Matcher.match(LESSON_SAMPLE, LESSON, spliced, "", "");
        assertThat(result.outcome()).isEqualTo(MISMATCHED);
        assertThat(result.diff()).contains("-using container aliases works!");
    }
}
