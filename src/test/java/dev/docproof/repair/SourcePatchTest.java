package dev.docproof.repair;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.repair.SourcePatch.Edit;
import dev.docproof.repair.SourcePatch.NewLine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourcePatchTest {

    static final Path FIXTURES = Path.of("src/test/resources/repair");

    static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(FIXTURES.resolve(name));
    }

    static SourcePatch.Result.Patched patched(SourcePatch.Result result) {
        assertThat(result).isInstanceOf(SourcePatch.Result.Patched.class);
        return (SourcePatch.Result.Patched) result;
    }

    static List<Diagnostic> refused(SourcePatch.Result result) {
        assertThat(result).isInstanceOf(SourcePatch.Result.Refused.class);
        return ((SourcePatch.Result.Refused) result).diagnostics();
    }

    @Test
    void crlfLineEndsAndOtherLinesTrailingSpacesStayAsTheyWere() throws IOException {
        var result = patched(SourcePatch.apply(Path.of("crlf.rst"), fixture("crlf.rst"),
                List.of(new Edit.Command(7, 7, "docker volume rm ", "docker volume rm data"))));

        assertThat(result.bytes()).isEqualTo(fixture("crlf.fixed.rst"));
        assertThat(result.changes()).extracting(Object::toString)
                .containsExactly("crlf.rst:7: docker volume rm → docker volume rm data");
    }

    /** An AsciiDoc callout after a repaired command stays after it, as the author placed it. */
    @Test
    void aCalloutAfterTheCommandStaysAfterTheRepairedOne() {
        byte[] lesson = "[source,bash]\n----\ndocker volume rm  <1>\ndocker ps # <2>\n----\n".getBytes(StandardCharsets.UTF_8);

        var result = patched(SourcePatch.apply(Path.of("x.adoc"), lesson,
                List.of(new Edit.Command(3, 3, "docker volume rm", "docker volume rm data"))));

        assertThat(new String(result.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("[source,bash]\n----\ndocker volume rm data  <1>\ndocker ps # <2>\n----\n");
    }

    @Test
    void aLastLineWithoutNewlineStaysWithoutNewline() throws IOException {
        var result = patched(SourcePatch.apply(Path.of("x.rst"), fixture("no-final-newline.rst"),
                List.of(new Edit.Command(4, 4, "docker network rm", "docker network rm net"))));

        assertThat(result.bytes()).isEqualTo(fixture("no-final-newline.fixed.rst"));
    }

    @Test
    void tabsNonAsciiAndEvenNonUtf8BytesElsewhereAreKept() throws IOException {
        var result = patched(SourcePatch.apply(Path.of("x.rst"), fixture("tabs-utf8.rst"),
                List.of(new Edit.Command(6, 6, "docker stop", "docker stop web"))));

        assertThat(result.bytes()).isEqualTo(fixture("tabs-utf8.fixed.rst"));
    }

    @Test
    void onlyTheChangedLineOfAContinuedCommandIsRewritten() throws IOException {
        var result = patched(SourcePatch.apply(Path.of("x.rst"), fixture("continuation.rst"),
                List.of(new Edit.Command(3, 5, "docker run -d \\\n--network \\\nweb-image",
                        "docker run -d \\\n--network net \\\nweb-image"))));

        assertThat(result.bytes()).isEqualTo(fixture("continuation.fixed.rst"));
    }

    @Test
    void aLineThatNoLongerHoldsTheCommandIsRefused() throws IOException {
        List<Diagnostic> problems = refused(SourcePatch.apply(Path.of("crlf.rst"), fixture("crlf.rst"),
                List.of(new Edit.Command(6, 6, "docker volume rm ", "docker volume rm data"))));

        assertThat(problems).extracting(Object::toString).containsExactly(
                "crlf.rst:6:1: error: the line no longer reads `docker volume rm`; the file changed since the run,"
                        + " so nothing was written. Run docproof fix again");
    }

    @Test
    void oneStaleEditRefusesTheWholeFile() throws IOException {
        List<Diagnostic> problems = refused(SourcePatch.apply(Path.of("x.rst"), fixture("tabs-utf8.rst"),
                List.of(new Edit.Command(6, 6, "docker stop", "docker stop web"),
                        new Edit.Command(40, 40, "docker rm", "docker rm web"))));

        assertThat(problems).singleElement().extracting(Object::toString).asString()
                .startsWith("x.rst:40:1: error: the file has 8 lines");
    }

    @Test
    void overlappingEditsAreRefused() throws IOException {
        List<Diagnostic> problems = refused(SourcePatch.apply(Path.of("x.rst"), fixture("tabs-utf8.rst"),
                List.of(new Edit.Command(6, 6, "docker stop", "docker stop web"),
                        new Edit.Command(6, 6, "docker stop", "docker stop db"))));

        assertThat(problems).extracting(Diagnostic::message).contains("two changes overlap at line 6; none was written");
    }

    @Test
    void aRepairThatChangesTheNumberOfLinesIsRefused() throws IOException {
        List<Diagnostic> problems = refused(SourcePatch.apply(Path.of("x.rst"), fixture("tabs-utf8.rst"),
                List.of(new Edit.Command(6, 6, "docker stop", "docker stop \\\nweb"))));

        assertThat(problems).singleElement().extracting(Diagnostic::message).asString()
                .isEqualTo("the repair would turn 1 line(s) into 2, so it was not written; change the lesson by hand to: docker stop \\\nweb");
    }

    @Test
    void aSampleKeepsItsKeptLinesByteForByteAndIndentsNewOnes() throws IOException {
        var edit = new Edit.Sample(4,
                List.of("NETWORK ID     NAME      DRIVER    SCOPE", "...", "<id>           bridge    bridge    local",
                        "a1b2c3d4e5f6   gone      bridge    local"),
                List.of(new NewLine.Kept(0), new NewLine.Kept(1), new NewLine.Kept(2),
                        new NewLine.Written("9f8e7d6c5b4a   net       bridge    local")));

        var result = patched(SourcePatch.apply(Path.of("s.rst"), fixture("sample-crlf.rst"), List.of(edit)));

        assertThat(result.bytes()).isEqualTo(fixture("sample-crlf.fixed.rst"));
        assertThat(result.changes()).extracting(Object::toString)
                .containsExactly("s.rst:4: output sample updated (4 lines, 3 kept, now 4)");
    }

    @Test
    void aSampleThatChangedSinceTheRunIsRefused() throws IOException {
        var edit = new Edit.Sample(4, List.of("NETWORK ID     NAME", "..."), List.of(new NewLine.Kept(0)));

        assertThat(refused(SourcePatch.apply(Path.of("s.rst"), fixture("sample-crlf.rst"), List.of(edit))))
                .extracting(Diagnostic::message).singleElement().asString()
                .startsWith("the sample line no longer reads `NETWORK ID     NAME`");
    }

    @Test
    void theLessonsGapLineIsTheOnlyLineThatChanges() throws IOException {
        Path lesson = Path.of("content/docker-networking.rst");
        byte[] before = Files.readAllBytes(lesson);

        var result = patched(SourcePatch.apply(lesson, before,
                List.of(new Edit.Command(262, 262, "docker network remove ", "docker network remove networking-test"))));

        String was = new String(before, StandardCharsets.UTF_8);
        String now = new String(result.bytes(), StandardCharsets.UTF_8);
        List<String> wasLines = was.lines().toList();
        List<String> nowLines = now.lines().toList();
        assertThat(wasLines.get(261)).isEqualTo("  $ docker network remove ");
        assertThat(nowLines).hasSameSizeAs(wasLines);
        for (int i = 0; i < wasLines.size(); i++) {
            if (i != 261) {
                assertThat(nowLines.get(i)).as("line %d", i + 1).isEqualTo(wasLines.get(i));
            }
        }
        assertThat(nowLines.get(261)).isEqualTo("  $ docker network remove networking-test");
        String expected = was.replace("  $ docker network remove \n", "  $ docker network remove networking-test\n");
        assertThat(result.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(result.changes()).extracting(Object::toString).containsExactly(
                "content/docker-networking.rst:262: docker network remove → docker network remove networking-test");
    }

    @Test
    void theDiffNamesTheFileAndItsRealLines() throws IOException {
        Path lesson = Path.of("content/docker-networking.rst");
        byte[] before = Files.readAllBytes(lesson);
        var result = patched(SourcePatch.apply(lesson, before,
                List.of(new Edit.Command(262, 262, "docker network remove ", "docker network remove networking-test"))));

        String diff = SourcePatch.unifiedDiff(lesson, before, result.bytes());

        assertThat(diff).startsWith("--- a/content/docker-networking.rst\n+++ b/content/docker-networking.rst\n@@ -259,7 +259,7 @@\n");
        assertThat(diff).contains("\n-  $ docker network remove \n+  $ docker network remove networking-test\n");
        assertThat(diff.lines().filter(l -> l.startsWith("-") || l.startsWith("+")).count()).isEqualTo(4);
        assertThat(SourcePatch.unifiedDiff(lesson, before, before)).isEmpty();
    }
}
