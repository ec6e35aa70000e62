package dev.docproof.cli;

import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docproof engine} and {@code docproof doctor} on the real engine, through Main.execute. */
class EngineAndDoctorCommandTest {

    private record Run(int exit, List<String> out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString().lines().toList(), err.toString());
    }

    @Test
    void engineWithEverythingInPlaceChangesNothingAndSaysSo() {
        TestEngine.ready();
        Run run = run("engine");
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        // Image stores other runs left (ImageStoresEngineTest covers those lines) are not this test's.
        List<String> out = withoutStoreLines(run.out());
        assertThat(out).hasSize(4);
        assertThat(out.get(0)).matches("engine answers: Docker \\S+ \\(API \\d+\\.\\d+\\) via .+, used as it is");
        assertThat(out.subList(1, 3)).containsExactly(
                "launchcodedevops/simple-client:latest: present", "launchcodedevops/simple-http:latest: present");
        assertThat(out.get(3)).matches("ready in \\d+\\.\\d s");
    }

    @Test
    void doctorFindsTheCourseLessonsImagesPresent() {
        TestEngine.ready();
        Run run = run("doctor", "content");
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out().get(0)).matches("engine: Docker \\S+, API \\d+\\.\\d+, found via .+");
        List<String> out = withoutStoreLines(run.out());
        assertThat(out.subList(1, out.size())).containsExactly(
                "lessons: 1 file under content run 2 images",
                "  launchcodedevops/simple-http:latest: present (content/docker-networking.rst:211)",
                "  launchcodedevops/simple-client:latest: present (content/docker-networking.rst:221)",
                "ready");
    }

    @Test
    void doctorReadsIncludesFromTheFolderNamedAsCheckReadsThem(@TempDir Path course) throws IOException {
        TestEngine.ready();
        Files.createDirectories(course.resolve("files"));
        Files.writeString(course.resolve("files/Dockerfile"), "FROM launchcodedevops/simple-http\n");
        Files.writeString(Files.createDirectories(course.resolve("part")).resolve("build.rst"), """
                Build
                =====

                .. literalinclude:: ../files/Dockerfile
                   :caption: Dockerfile
                """);

        Run run = run("doctor", course.toString());

        assertThat(run.err()).isEmpty();
        assertThat(withoutStoreLines(run.out())).last().isEqualTo("ready");
        assertThat(run.exit()).isZero();
    }

    private static List<String> withoutStoreLines(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("removed the sandboxes' unused image store ")
                && !l.startsWith("left the unused image store ") && !l.startsWith("image stores: unused: ")
                && !l.equals("  fix: ./docproof engine removes it")).toList();
    }

    @Test
    void doctorOnAPathThatDoesNotExistIsNotReady() {
        TestEngine.ready();
        Run run = run("doctor", "docproof-test-foundation-nowhere");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).last().isEqualTo("not ready: 1 problem");
        assertThat(run.out()).anyMatch(line -> line.startsWith("lessons: PROBLEM: docproof-test-foundation-nowhere"));
    }
}
