package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LessonFilesTest {

    @TempDir
    Path root;

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void discoveryFindsLessonsInAStableOrderAndSkipsHiddenAndImageRecipes() throws IOException {
        write("b.md", "# b");
        write("a/z.adoc", "= z");
        write("a/y.asciidoc", "= y");
        write("a.rst", "a");
        write("c.markdown", "# c");
        write("notes.txt", "not a lesson");
        write(".hidden/h.md", "# h");
        write("a/.h.md", "# h");
        write("content/images/simple-http/README.md", "# recipe");
        write("content/lesson.rst", "x");

        LessonFiles.Discovery found = LessonFiles.discover(List.of(root, root.resolve("b.md")));

        assertThat(found.files()).extracting(p -> root.relativize(p).toString()).containsExactly(
                "a.rst", "a/y.asciidoc", "a/z.adoc", "b.md", "c.markdown", "content/lesson.rst");
        assertThat(found.diagnostics()).isEmpty();
    }

    /** An AsciiDoc partial (a {@code _name.adoc}, a file in {@code partials/}) is read where pages include it, not as a page. */
    @Test
    void asciiDocPartialsAreNoLessonsUnlessNamed() throws IOException {
        write("docs/page.adoc", "= page");
        write("docs/_prereq.adoc", "== prereq");
        write("docs/modules/ROOT/partials/setup.adoc", "== setup");
        write("docs/modules/ROOT/partials/notes.md", "# notes");
        write("docs/_notes.md", "# notes");

        LessonFiles.Discovery found = LessonFiles.discover(List.of(root.resolve("docs"), root.resolve("docs/_prereq.adoc")));

        assertThat(found.files()).extracting(p -> root.relativize(p).toString()).containsExactly(
                "docs/_notes.md", "docs/modules/ROOT/partials/notes.md", "docs/page.adoc", "docs/_prereq.adoc");
        assertThat(found.diagnostics()).isEmpty();
    }

    @Test
    void whatASphinxProjectExcludesIsNoLessonUnlessNamed() throws IOException {
        write("course/conf.py", """
                project = 'x'
                exclude_patterns = [
                    '_build',       # the output
                    "_fragments",
                    '**/draft-*.rst', 'old/[!k]*.rst',
                ]
                """);
        write("course/index.rst", "x");
        write("course/_fragments/prereq.rst", "x");
        write("course/_build/html/_sources/page.rst", "x");
        write("course/week1/draft-two.rst", "x");
        write("course/week1/one.rst", "x");
        write("course/old/keep.rst", "x");
        write("course/old/gone.rst", "x");
        write("course/old/sub/deep.rst", "x");

        LessonFiles.Discovery found = LessonFiles.discover(List.of(root.resolve("course/week1"), root.resolve("course"),
                root.resolve("course/_fragments/prereq.rst")));

        assertThat(found.files()).extracting(p -> root.relativize(p).toString()).containsExactly(
                "course/week1/one.rst", "course/index.rst", "course/old/keep.rst", "course/old/sub/deep.rst",
                "course/_fragments/prereq.rst");
        assertThat(found.diagnostics()).isEmpty();
    }

    @Test
    void aComputedExcludePatternsIsAWarningAndExcludesNothing() throws IOException {
        Path conf = write("conf.py", "import os\n\nexclude_patterns = ['_build'] + EXTRA\n");
        write("_build/page.rst", "x");

        LessonFiles.Discovery found = LessonFiles.discover(List.of(root));

        assertThat(found.files()).extracting(p -> root.relativize(p).toString()).containsExactly("_build/page.rst");
        assertThat(found.diagnostics()).extracting(Diagnostic::toString).containsExactly(conf + ":3:1: warning:"
                + " exclude_patterns is not a list of plain strings; docproof reads conf.py without running it, so it"
                + " leaves out no file (write the patterns as a list of strings)");
    }

    @Test
    void aSymlinkedFolderIsFollowedAndALinkBackUpTheTreeIsALoopReportedOnce() throws IOException {
        write("real/lesson.rst", "x");
        write("real/more/other.md", "# o");
        Path linked = Files.createSymbolicLink(root.resolve("linked"), root.resolve("real"));
        Files.createSymbolicLink(root.resolve("real/more/up"), root.resolve("real"));

        LessonFiles.Discovery found = LessonFiles.discover(List.of(linked));

        assertThat(found.files()).containsExactly(linked.resolve("lesson.rst"), linked.resolve("more/other.md"));
        assertThat(found.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.span().file()).isEqualTo(linked.resolve("more/up"));
            assertThat(d.message()).contains("loop");
        });
    }

    @Test
    void aLessonLinkThatLeadsNowhereIsAWarningNotASilentlySmallerCourse() throws IOException {
        write("kept.md", "# k");
        Files.createSymbolicLink(root.resolve("moved.md"), root.resolve("gone/moved.md"));
        Files.createSymbolicLink(root.resolve("self.rst"), root.resolve("self.rst"));
        Files.createSymbolicLink(root.resolve("notes.txt"), root.resolve("gone/notes.txt"));

        LessonFiles.Discovery found = LessonFiles.discover(List.of(root));

        assertThat(found.files()).containsExactly(root.resolve("kept.md"));
        assertThat(found.diagnostics()).extracting(Diagnostic::toString).containsExactlyInAnyOrder(
                root.resolve("moved.md") + ":1:1: warning: skipped: a symbolic link to no lesson file (it leads nowhere,"
                        + " or to itself)",
                root.resolve("self.rst") + ":1:1: warning: skipped: a symbolic link to no lesson file (it leads nowhere,"
                        + " or to itself)");
        assertThat(found.errors()).isZero();
    }

    @Test
    void aLessonReachedThroughTwoPathsIsReadOnce() throws IOException {
        Path lesson = write("real/lesson.rst", "x");
        Path linked = Files.createSymbolicLink(root.resolve("linked"), root.resolve("real"));

        assertThat(LessonFiles.discover(List.of(lesson, linked, root.resolve("real"))).files()).containsExactly(lesson);
    }

    @Test
    void namingTheContentFolderStillSkipsItsImageRecipes() throws IOException {
        write("content/images/client/README.md", "# recipe");
        write("content/lesson.md", "# l");

        assertThat(LessonFiles.discover(List.of(root.resolve("content"))).files())
                .containsExactly(root.resolve("content/lesson.md"));
    }

    @Test
    void missingPathsFoldersWithoutLessonsAndOtherFilesGiveDiagnostics() throws IOException {
        Files.createDirectories(root.resolve("empty"));
        write("notes.txt", "x");
        Path lesson = write("ok.md", "# ok");

        LessonFiles.Discovery found = LessonFiles.discover(List.of(root.resolve("missing.rst"), root.resolve("empty"),
                root.resolve("notes.txt"), lesson));

        assertThat(found.files()).containsExactly(lesson);
        assertThat(found.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                root.resolve("missing.rst") + ":1:1: error: no such file or folder",
                root.resolve("empty") + ":1:1: error: folder holds no lessons (.rst, .md, .adoc)",
                root.resolve("notes.txt") + ":1:1: error: not a lesson file (.rst, .md, .adoc)");
    }

    @Test
    void readingAMissingFileGivesAnUnreadableLessonNotAnException() {
        Lesson lesson = LessonFiles.read(root.resolve("gone.md"));

        assertThat(lesson.readable()).isFalse();
        assertThat(lesson.diagnostics()).extracting(Diagnostic::message).containsExactly("no such file");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedAtTheirLineAndColumnAndTheRestIsRead() throws IOException {
        Path file = root.resolve("latin1.md");
        byte[] head = "# Caf".getBytes(StandardCharsets.UTF_8);
        byte[] tail = " \u00e9t\u00e9 \n\nLine two \u00fcber ok\n\n```bash\n$ echo hi\n```\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Files.write(file, bytes);

        Lesson lesson = LessonFiles.read(file);

        assertThat(lesson.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                file + ":1:6: error: not UTF-8: byte 0xe9 read as U+FFFD; save the file as UTF-8");
        Node.Section section = (Node.Section) lesson.nodes().get(0);
        assertThat(section.titleText()).isEqualTo("Caf\uFFFD \u00e9t\u00e9");
        assertThat(section.children()).hasSize(2);
        assertThat(section.children().get(0)).isEqualTo(new Node.Paragraph(new SourceSpan(file, 3, 1),
                List.of(new Inline.Text("Line two \u00fcber ok"))));
        assertThat(lesson.readable()).isTrue();
    }

    @Test
    void aNulByteIsAnErrorAtItsLineAndColumnInEveryFormat() throws IOException {
        for (String name : List.of("nul.md", "nul.rst", "nul.adoc")) {
            Path file = root.resolve(name);
            Files.write(file, "Title\n\nA\u0000B\n".getBytes(StandardCharsets.UTF_8));

            Lesson lesson = LessonFiles.read(file);

            assertThat(lesson.diagnostics()).extracting(Diagnostic::toString).contains(file + ":3:2: error: a NUL byte"
                    + " (0x00) read as U+FFFD; is this a binary file? Remove the byte");
            assertThat(lesson.readable()).isTrue();
        }
    }

    @Test
    void aUtf16FileIsOneErrorSayingSoNotAByteByByteReport() throws IOException {
        for (String charset : List.of("UTF-16LE", "UTF-16BE")) {
            Path file = root.resolve("utf16.md");
            Files.write(file, "\uFEFF# Title\n\n```console\n$ echo hi\n```\n".getBytes(java.nio.charset.Charset.forName(charset)));

            Lesson lesson = LessonFiles.read(file);

            assertThat(lesson.diagnostics()).extracting(Diagnostic::toString).containsExactly(file + ":1:1: error: the file is"
                    + " UTF-16 (it starts with the byte order mark 0x" + (charset.endsWith("LE") ? "fffe" : "feff")
                    + "); nothing was read: save the file as UTF-8");
        }
    }

    @Test
    void aByteOrderMarkIsNotContent() throws IOException {
        Path file = root.resolve("bom.md");
        Files.write(file, ("\uFEFF# Title\n").getBytes(StandardCharsets.UTF_8));

        Lesson lesson = LessonFiles.read(file);

        assertThat(lesson.title()).isEqualTo("Title");
        assertThat(lesson.nodes().get(0).span()).isEqualTo(new SourceSpan(file, 1, 1));
    }

    @Test
    void manyUndecodableBytesAreSummarisedAfterTheFirstTen() throws IOException {
        Path file = root.resolve("many.md");
        byte[] bytes = new byte[12 * 2];
        for (int i = 0; i < 12; i++) {
            bytes[2 * i] = (byte) 0xFF;
            bytes[2 * i + 1] = '\n';
        }
        Files.write(file, bytes);

        List<Diagnostic> diagnostics = LessonFiles.read(file).diagnostics();

        assertThat(diagnostics).hasSize(11);
        assertThat(diagnostics.get(9).span()).isEqualTo(new SourceSpan(file, 10, 1));
        assertThat(diagnostics.get(10).toString()).isEqualTo(file
                + ":11:1: error: 2 more byte sequences from here on are not UTF-8; is the file in another encoding?");
    }
}
