package dev.docproof.verify;

import dev.docproof.lesson.Sample;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static dev.docproof.verify.MatchResult.Outcome.MATCHED;
import static dev.docproof.verify.MatchResult.Outcome.MISMATCHED;
import static dev.docproof.verify.MatchResult.Outcome.NO_SAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

class MatcherTest {

    private static final Path LESSON = Path.of("content/x.rst");

    private static MatchResult stdout(String sample, String stdout) {
        return Matcher.match(sample(sample, 10), LESSON, stdout, stdout, "");
    }

    private static Sample sample(String text, int firstLine) {
        return new Sample(List.of(text.split("\n", -1)), firstLine);
    }

    @Test
    void exactOutputMatchesWithNothingToReport() {
        MatchResult result = stdout("hello\nworld", "hello\nworld\n");
        assertThat(result).isEqualTo(new MatchResult(MATCHED, List.of(), List.of(), null));
    }

    @Test
    void emptySampleHasNothingToCompare() {
        assertThat(Matcher.match(Sample.NONE, LESSON, "x", "x", "").outcome()).isEqualTo(NO_SAMPLE);
        assertThat(Matcher.match(sample("\n  ", 3), LESSON, "x", "x", "").outcome()).isEqualTo(NO_SAMPLE);
    }

    @Test
    void elisionMatchesAnyNumberOfLines() {
        MatchResult result = stdout("first\n...\nlast", "first\na\nb\nc\nlast\n");
        assertThat(result.outcome()).isEqualTo(MATCHED);
        assertThat(result.abridged()).isEmpty();
    }

    @Test
    void elisionMatchesZeroLines() {
        MatchResult result = stdout("first\n...\nlast", "first\nlast\n");
        assertThat(result).isEqualTo(new MatchResult(MATCHED, List.of(), List.of(), null));
    }

    @Test
    void leadingAndTrailingElisionCoverTheEdges() {
        assertThat(stdout("...\nmiddle\n...", "a\nmiddle\nb\n").abridged()).isEmpty();
    }

    @Test
    void inlineEllipsisMatchesAnyText() {
        assertThat(stdout("*   Trying ...:8080...", "*   Trying 10.0.0.1:8080...\n").outcome()).isEqualTo(MATCHED);
        assertThat(stdout("Status: ... done", "Status: all 3 done\n").outcome()).isEqualTo(MATCHED);
        assertThat(stdout("Status: ... done", "Status: all 3 failed\n").outcome()).isEqualTo(MISMATCHED);
    }

    /** The diff of a mismatch shows every actual line the sample lacks; counting them apart again would mislead. */
    @Test
    void aMismatchReportsItsDiffAndNoAbridgedLines() {
        MatchResult result = stdout("hello\nworld", "hello\nthere\n");

        assertThat(result.outcome()).isEqualTo(MISMATCHED);
        assertThat(result.diff()).contains("-world").contains("+there");
        assertThat(result.abridged()).isEmpty();
    }

    @Test
    void placeholderMatchesWithinItsLine() {
        MatchResult result = stdout("* Connected to <container alias> (172.X.X.X) port <port> (#0)\n> Host: <alias>:<port>",
                "* Connected to service-two (172.18.0.5) port 5432 (#0)\n> Host: service-two:5432\n");
        assertThat(result).isEqualTo(new MatchResult(MATCHED, List.of(), List.of(), null));
        assertThat(stdout("name: <name>", "name: a\nb\n").abridged()).hasSize(1); // not across lines
        assertThat(stdout("port <port> open", "port  open\n").outcome()).isEqualTo(MISMATCHED);
    }

    @Test
    void ipv4DriftIsReportedNotFailed() {
        MatchResult result = Matcher.match(sample("* Connected to server (172.28.0.2) port 8080 (#0)", 247), LESSON,
                "", "", "* Connected to server (172.18.0.3) port 8080 (#0)\n");
        assertThat(result).isEqualTo(new MatchResult(MATCHED, List.of("line 247: 172.28.0.2 → 172.18.0.3"), List.of(), null));
    }

    @Test
    void sameAddressIsNoDrift() {
        assertThat(stdout("inet 172.18.0.3/16", "inet 172.18.0.3/16\n").drift()).isEmpty();
    }

    @Test
    void addressDoesNotMatchAnotherKindOfValue() {
        assertThat(stdout("gateway 172.18.0.1", "gateway none\n").outcome()).isEqualTo(MISMATCHED);
    }

    @Test
    void writtenAddressPatternMatchesAnyAddress() {
        assertThat(stdout("(172.X.X.X)", "(172.21.4.9)\n")).isEqualTo(new MatchResult(MATCHED, List.of(), List.of(), null));
        assertThat(stdout("(172.x.x.x)", "(172.18.0.2)\n").outcome()).isEqualTo(MATCHED);
        assertThat(stdout("(172.X.X.X)", "(10.0.0.2)\n").outcome()).isEqualTo(MISMATCHED); // the fixed octet holds
    }

    @Test
    void hexIdDrift() {
        String documented = "4f3c2a1b0e9d";
        MatchResult result = stdout(documented + "   networking-test   bridge    local",
                "9a8b7c6d5e4f   networking-test   bridge    local\n");
        assertThat(result.outcome()).isEqualTo(MATCHED);
        assertThat(result.drift()).containsExactly("line 10: 4f3c2a1b0e9d → 9a8b7c6d5e4f");
    }

    @Test
    void longIdAndSha256IdDrift() {
        String a = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        String b = "5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9";
        assertThat(stdout(a, b + "\n").drift()).containsExactly("line 10: " + a + " → " + b);
        assertThat(stdout("Digest: sha256:" + a, "Digest: sha256:" + b + "\n").drift())
                .containsExactly("line 10: sha256:" + a + " → sha256:" + b);
    }

    @Test
    void wordsAndNumbersOfTwelveCharactersAreNotIds() {
        assertThat(stdout("total 123456789012", "total 123456789099\n").outcome()).isEqualTo(MISMATCHED);
    }

    @Test
    void timestampsDurationsAndRelativeTimesDrift() {
        assertThat(stdout("< Date: Mon, 30 Nov 2026 11:48:21 GMT", "< Date: Tue, 01 Dec 2026 09:00:01 GMT\n").drift())
                .containsExactly("line 10: Mon, 30 Nov 2026 11:48:21 GMT → Tue, 01 Dec 2026 09:00:01 GMT");
        assertThat(stdout("created 2026-11-30T11:48:21.123456789Z", "created 2026-12-01T08:00:00.5Z\n").outcome())
                .isEqualTo(MATCHED);
        assertThat(stdout("done in 0.012s", "done in 12ms\n").drift()).containsExactly("line 10: 0.012s → 12ms");
        assertThat(stdout("Up 3 seconds ago", "Up About a minute ago\n").drift())
                .containsExactly("line 10: 3 seconds ago → About a minute ago");
    }

    @Test
    void columnPaddingFollowsAValueOfAnotherWidth() {
        MatchResult result = stdout("abc123def456   server   Up 3 seconds     8080/tcp",
                "0123456789ab   server   Up About a minute   8080/tcp\n");
        assertThat(result.outcome()).isEqualTo(MATCHED);
        assertThat(result.drift()).hasSize(2);
    }

    @Test
    void transferFiguresInAProgressMeterDrift() {
        String documented = "100    31  100    31    0     0   5166      0 --:--:-- --:--:-- --:--:--  6200";
        MatchResult result = stdout(documented + "\n{ [31 bytes data]",
                "100    44  100    44    0     0  12000      0 --:--:-- --:--:-- --:--:-- 14666\n{ [44 bytes data]\n");
        assertThat(result.outcome()).isEqualTo(MATCHED);
        assertThat(result.drift()).containsExactly(
                "line 10: " + documented + " → 100    44  100    44    0     0  12000      0 --:--:-- --:--:-- --:--:-- 14666",
                "line 11: 31 bytes → 44 bytes");
    }

    @Test
    void carriageReturnOverwriteIsRenderedLikeATerminal() {
        assertThat(TerminalText.render("  0 %\r 50 %\r100 %\ndone\r\n")).containsExactly("100 %", "done");
        assertThat(TerminalText.render("downloading file\rok")).containsExactly("okwnloading file");
        assertThat(stdout("100 %", "  0 %\r 50 %\r100 %\n").outcome()).isEqualTo(MATCHED);
    }

    @Test
    void backspacesStepBackOneColumn() {
        assertThat(TerminalText.render("abc\b\bX\n")).containsExactly("aXc");
        assertThat(TerminalText.render("\b\bab\n")).containsExactly("ab");
    }

    @Test
    void ansiEscapesAreIgnored() {
        assertThat(TerminalText.render("\u001b[1;32mOK\u001b[0m done\n\u001b]0;title\u0007next\n"))
                .containsExactly("OK done", "next");
        assertThat(TerminalText.render("progress 10%\r\u001b[Kdone\n")).containsExactly("done");
        assertThat(stdout("OK done", "\u001b[32mOK\u001b[0m done   \n").outcome()).isEqualTo(MATCHED);
    }

    @Test
    void trailingWhitespaceIsTrimmedOnBothSides() {
        assertThat(stdout(">   \nx", "> \nx\n")).isEqualTo(new MatchResult(MATCHED, List.of(), List.of(), null));
    }

    @Test
    void blankLinesAreNeverRequiredNorAbridged() {
        assertThat(stdout("a\n\nb", "a\nb\n")).isEqualTo(new MatchResult(MATCHED, List.of(), List.of(), null));
        assertThat(stdout("a\nb", "a\n\n\nb\n\n")).isEqualTo(new MatchResult(MATCHED, List.of(), List.of(), null));
    }

    @Test
    void skippedLinesAreReportedAsAbridged() {
        MatchResult result = stdout("first\nlast", "first\nextra one\nextra two\nlast\ntail\n");
        assertThat(result.outcome()).isEqualTo(MATCHED);
        assertThat(result.abridged()).containsExactly(
                "after line 10: 2 actual lines not shown in the sample (stdout, from \"extra one\")",
                "after line 11: 1 actual line not shown in the sample (stdout, from \"tail\")");
    }

    @Test
    void linesBeforeTheFirstMatchAreAbridgedWithoutALeadingElision() {
        assertThat(stdout("last", "head\nlast\n").abridged())
                .containsExactly("before line 10: 1 actual line not shown in the sample (stdout, from \"head\")");
    }

    @Test
    void outOfOrderLinesMismatch() {
        assertThat(stdout("b\na", "a\nb\n").outcome()).isEqualTo(MISMATCHED);
    }

    @Test
    void missingLineFailsWithNumberedDiff() {
        MatchResult result = Matcher.match(sample("...\n> GET /message HTTP/1.1\n...\n<\nusing container aliases works!", 248),
                Path.of("content/docker-networking.rst"), "",
                "<html>\n<body>404 File not found</body>\n</html>\n",
                "* Connected\n> GET /message HTTP/1.1\n> Host: server:8080\n<\n");
        assertThat(result.outcome()).isEqualTo(MISMATCHED);
        assertThat(result.diff()).isEqualTo("""
                --- content/docker-networking.rst (documented)
                +++ actual output
                @@ -249,4 +2,6 @@
                 > GET /message HTTP/1.1
                 ...
                 <
                -using container aliases works!
                +<html>
                +<body>404 File not found</body>
                +</html>
                """);
    }

    @Test
    void matchedWildcardAndVolatileLinesShowNoDifferenceInTheDiff() {
        MatchResult result = stdout("id 4f3c2a1b0e9d\nhost <name>\n...\nexpected", "id 0123456789ab\nhost web\nnoise\nother\n");
        assertThat(result.outcome()).isEqualTo(MISMATCHED);
        assertThat(result.diff()).isEqualTo("""
                --- content/x.rst (documented)
                +++ actual output
                @@ -10,4 +1,3 @@
                 id 4f3c2a1b0e9d
                 host <name>
                 ...
                -expected
                """);
    }

    @Test
    void mergedOutputIsUsedWhenTheStreamsWereNotCapturedApart() {
        Sample s = sample("hello", 1);
        assertThat(Matcher.match(s, LESSON, "hello\r\n", "", "").outcome()).isEqualTo(MATCHED);
    }

    @Test
    void documentedLineIsFoundInEitherStream() {
        MatchResult result = Matcher.match(sample("warning: x\nresult", 1), LESSON, "", "result\n", "warning: x\n");
        assertThat(result).isEqualTo(new MatchResult(MATCHED, List.of(), List.of(), null));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MatcherTest.class.getResourceAsStream("/verify/" + name)) {
            assertThat(in).as("test resource /verify/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBlankSampleLineAndTheActualsBlankLineBesideItShowOnceInTheDiff() {
        MatchResult result = stdout("a\nX\n\n    c", "a\nb\n\n    c\n");

        assertThat(result.diff()).endsWith("@@ -10,4 +1,4 @@\n a\n-X\n+b\n \n     c\n");
    }

    @Test
    void composeProgressCopiedFromATerminalMatchesThePlainProgressAStepGets() {
        String plain = " Network demo_default  Creating\n Network demo_default  Created\n Container demo-web-1  Creating\n"
                + " Container demo-web-1  Created\n Container demo-web-1  Starting\n Container demo-web-1  Started\n";
        MatchResult up = Matcher.match(sample("[+] Running 2/2\n ✔ Network demo_default    Created                0.1s\n"
                + " ✔ Container demo-web-1    Started                0.4s", 10), LESSON, plain, "", plain);
        MatchResult otherState = Matcher.match(sample(" ✔ Container demo-web-1  Stopped  0.4s", 10), LESSON, plain, "", plain);

        assertThat(up).isEqualTo(new MatchResult(MatchResult.Outcome.MATCHED, List.of(), List.of(), null));
        assertThat(otherState.outcome()).isEqualTo(MatchResult.Outcome.MISMATCHED);
    }
}
