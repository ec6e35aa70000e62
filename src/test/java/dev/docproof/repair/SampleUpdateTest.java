package dev.docproof.repair;

import dev.docproof.lesson.Sample;
import dev.docproof.repair.SampleAlignment.Op;
import dev.docproof.repair.SourcePatch.Edit;
import dev.docproof.repair.SourcePatch.NewLine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleUpdateTest {

    static final Path FIXTURES = Path.of("src/test/resources/repair");

    @Test
    void rewriteKeepsMatchedLinesDropsStaleOnesAndWritesUnshownOnes() {
        List<String> actual = List.of("one", "two", "three");
        List<Op> alignment = List.of(new Op.Matched(0, 0, 1), new Op.SampleOnly(1), new Op.ActualOnly(1),
                new Op.Matched(2, 2, 3));

        assertThat(SampleUpdate.rewrite(actual, alignment)).containsExactly(
                new NewLine.Kept(0), new NewLine.Written("two"), new NewLine.Kept(2));
    }

    @Test
    void anElisionThatTakesNoLinesIsStillKept() {
        List<Op> alignment = List.of(new Op.Matched(0, 0, 0), new Op.Matched(1, 0, 1));

        assertThat(SampleUpdate.rewrite(List.of("x"), alignment))
                .containsExactly(new NewLine.Kept(0), new NewLine.Kept(1));
    }

    @Test
    void elisionsPlaceholdersAndAddressesSurviveWhereTheirLinesStillMatch() {
        List<String> sample = List.of("...", "* Connected to <alias> (172.28.0.2) port 8080 (#0)", "> GET /message HTTP/1.1",
                "...", "using container aliases works!");
        List<String> actual = List.of("* Trying 172.18.0.3:8080...", "* Connected to server (172.18.0.3) port 8080 (#0)",
                "> GET /message HTTP/1.1", "> Host: server:8080", "< HTTP/1.0 200 OK", "using container aliases works!");

        List<Op> ops = SampleAlignment.align(sample, actual, LineMatch.BASIC);

        assertThat(ops).containsExactly(new Op.Matched(0, 0, 1), new Op.Matched(1, 1, 2), new Op.Matched(2, 2, 3),
                new Op.Matched(3, 3, 5), new Op.Matched(4, 5, 6));
        assertThat(SampleUpdate.edit(new Sample(sample, 244), actual, ops)).isEmpty();
    }

    @Test
    void aLineThatNoLongerMatchesIsReplacedInPlaceNotSwallowedByTheElisionBeforeIt() {
        List<String> sample = List.of("...", "* Connected to server (172.28.0.2) port 8080 (#0)", "> GET /message HTTP/1.1");
        List<String> actual = List.of("* Trying 172.18.0.3:8080...", "* Connected to server (172.18.0.3) port 8080",
                "> GET /message HTTP/1.1");

        var edit = SampleUpdate.edit(new Sample(sample, 10), actual, SampleAlignment.align(sample, actual, LineMatch.BASIC));

        assertThat(edit).isPresent();
        assertThat(edit.get().replacement()).containsExactly(new NewLine.Kept(0),
                new NewLine.Written("* Connected to server (172.18.0.3) port 8080"), new NewLine.Kept(2));
    }

    @Test
    void vanishedLinesAreDroppedAndLinesTheSampleSilentlySkipsStayUnshown() {
        List<String> sample = List.of("NAME      DRIVER", "bridge    bridge", "old-net   bridge", "host      host");
        List<String> actual = List.of("NAME      DRIVER", "bridge    bridge", "host      host", "none      null");

        var ops = SampleAlignment.align(sample, actual, LineMatch.BASIC);

        assertThat(SampleUpdate.rewrite(actual, ops)).containsExactly(new NewLine.Kept(0), new NewLine.Kept(1),
                new NewLine.Kept(3));
    }

    @Test
    void aStretchThatNoLongerMatchesIsReplacedByAllItsActualLines() {
        List<String> sample = List.of("start", "old one", "end");
        List<String> actual = List.of("start", "new one", "another new", "end", "trailer");

        var ops = SampleAlignment.align(sample, actual, LineMatch.BASIC);

        assertThat(SampleUpdate.rewrite(actual, ops)).containsExactly(new NewLine.Kept(0),
                new NewLine.Written("new one"), new NewLine.Written("another new"), new NewLine.Kept(2));
    }

    @Test
    void anElisionBeforeAStaleLineLeavesItsReplacementInPlace() {
        List<String> sample = List.of("...", "* Connected to server (172.28.0.2) port 8080 (#0)");
        List<String> actual = List.of("* Trying 172.18.0.3:8080...", "* Connected to server (172.18.0.3) port 8080");

        assertThat(SampleAlignment.align(sample, actual, LineMatch.BASIC)).containsExactly(
                new Op.Matched(0, 0, 1), new Op.SampleOnly(1), new Op.ActualOnly(1));
    }

    @Test
    void basicMatchTreatsPlaceholdersAddressesAndIdsAsVolatile() {
        assertThat(LineMatch.BASIC.matches("<id>   net   bridge", "9f8e7d6c5b4a   net   bridge")).isTrue();
        assertThat(LineMatch.BASIC.matches("a1b2c3d4e5f6   net", "9f8e7d6c5b4a   net")).isTrue();
        assertThat(LineMatch.BASIC.matches("a1b2c3d4e5f6   net", "9f8e7d6c5b4a   web")).isFalse();
        assertThat(LineMatch.BASIC.matches("IP 172.28.0.2", "IP 10.0.0.7  ")).isTrue();
        assertThat(LineMatch.BASIC.matches("cost (a+b)*2", "cost (a+b)*2")).isTrue();
        assertThat(LineMatch.BASIC.matches("exact", "exactly")).isFalse();
        assertThat(LineMatch.BASIC.matches("<id>      bridge", "aaaaaaaaaaaa   bridge")).isTrue();
        assertThat(LineMatch.BASIC.matches("a b", "ab")).isFalse();
        assertThat(LineMatch.BASIC.matches("Server: SimpleHTTP/... Python/...", "Server: SimpleHTTP/0.6 Python/3.11.2")).isTrue();
    }

    @Test
    void actualLinesAreWhatATerminalLeaves() {
        String output = "\u001B[32mok\u001B[0m  \n  0  0\r 50 10\r100 31\r\nbody\n";

        assertThat(SampleUpdate.actualLines(output)).containsExactly("ok", "100 31", "body");
    }

    @Test
    void theWholeSampleIsRewrittenInTheFileWithItsIndentationAndLineEnds() throws IOException {
        byte[] before = Files.readAllBytes(FIXTURES.resolve("sample-crlf.rst"));
        Sample sample = new Sample(List.of("NETWORK ID     NAME      DRIVER    SCOPE", "...",
                "<id>           bridge    bridge    local", "a1b2c3d4e5f6   gone      bridge    local"), 4);
        String output = "NETWORK ID     NAME      DRIVER    SCOPE\n0123456789ab   host      host      local\n"
                + "aaaaaaaaaaaa   bridge    bridge    local\n9f8e7d6c5b4a   net       bridge    local\n";

        Edit.Sample edit = SampleUpdate.edit(sample, output, LineMatch.BASIC).orElseThrow();
        var result = (SourcePatch.Result.Patched) SourcePatch.apply(Path.of("s.rst"), before, List.of(edit));

        assertThat(new String(result.bytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(Files.readAllBytes(FIXTURES.resolve("sample-crlf.fixed.rst")), StandardCharsets.UTF_8));
        assertThat(result.bytes()).isEqualTo(Files.readAllBytes(FIXTURES.resolve("sample-crlf.fixed.rst")));
    }

    @Test
    void aSampleThatStillHoldsGivesNoEdit() {
        Sample sample = new Sample(List.of("hello", "..."), 3);

        assertThat(SampleUpdate.edit(sample, "hello\nmore\nand more\n", LineMatch.BASIC)).isEmpty();
    }

    @Test
    void blankLinesAreLayoutKeptInTheSampleAndNeverWrittenFromTheOutput() {
        List<String> sample = List.of("first", "", "second");
        List<String> actual = List.of("first", "", "", "changed");

        var ops = SampleAlignment.align(sample, actual, LineMatch.BASIC);

        assertThat(SampleUpdate.rewrite(actual, ops)).containsExactly(new NewLine.Kept(0), new NewLine.Kept(1),
                new NewLine.Written("changed"));
    }

    static final List<String> LESSON_CURL_SAMPLE = List.of("...", "* Connected to server (172.28.0.2) port 8080 (#0)",
            "> GET /message HTTP/1.1", "> Host: server:8080", "...", "<", "using container aliases works!");

    /** curl's verbose output through one pipe: the progress meter rewritten with carriage returns, then the body. */
    static String curlOutput(String connectedLine) {
        return "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
                + "                                 Dload  Upload   Total   Spent    Left  Speed\n"
                + "\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0"
                + "*   Trying 172.18.0.2:8080...\n"
                + connectedLine + "\n"
                + "> GET /message HTTP/1.1\n> Host: server:8080\n> User-Agent: curl/7.88.1\n> Accept: */*\n>\n"
                + "* HTTP 1.0, assume close after body\n< HTTP/1.0 200 OK\n< Server: SimpleHTTP/0.6 Python/3.11.2\n"
                + "< Content-Length: 31\n<\n{ [31 bytes data]\n"
                + "\r100    31  100    31    0     0  15500      0 --:--:-- --:--:-- --:--:-- 31000\n"
                + "* Closing connection 0\nusing container aliases works!\n";
    }

    @Test
    void theLessonsCurlSampleStillHoldsWithAnotherAddress() {
        String output = curlOutput("* Connected to server (172.18.0.2) port 8080 (#0)");

        assertThat(SampleUpdate.edit(new Sample(LESSON_CURL_SAMPLE, 245), output, LineMatch.BASIC)).isEmpty();
    }

    @Test
    void theLessonsCurlSampleLosesOnlyTheLineCurlNoLongerPrints() throws IOException {
        Path lesson = Path.of("content/docker-networking.rst");
        byte[] before = Files.readAllBytes(lesson);
        String output = curlOutput("* Connected to server (172.18.0.2) port 8080");

        Edit.Sample edit = SampleUpdate.edit(new Sample(LESSON_CURL_SAMPLE, 245), output, LineMatch.BASIC).orElseThrow();
        var result = (SourcePatch.Result.Patched) SourcePatch.apply(lesson, before, List.of(edit));

        String expected = new String(before, StandardCharsets.UTF_8).replace(
                "  * Connected to server (172.28.0.2) port 8080 (#0)\n", "  * Connected to server (172.18.0.2) port 8080\n");
        assertThat(new String(result.bytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
