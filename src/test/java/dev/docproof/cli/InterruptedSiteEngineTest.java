package dev.docproof.cli;

import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM sent to a real `docproof site` once its lessons have run and its JSON is written, while the pages are
 * still to be written (the HTML converter boots for seconds): the site is finished, not left half written, and
 * docproof exits with the signal's status, saying so.
 */
class InterruptedSiteEngineTest {

    @TempDir
    Path dir;

    @Test
    void aSignalWhileTheSiteIsWrittenLetsItBeFinishedAndExitsWithTheSignalsStatus() throws Exception {
        TestEngine.ready();
        Path course = Files.createDirectories(dir.resolve("course"));
        Files.writeString(course.resolve("one.md"), "# One\n\n```console\n$ echo one\none\n```\n");
        Path json = dir.resolve("report.json");
        Path site = dir.resolve("site");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process docproof = new ProcessBuilder(java, "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "site", "--isolation", "host",
                "--json", json.toString(), "--out", site.toString(), course.toString())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(json) && Files.readString(json).strip().endsWith("}")) && docproof.isAlive()
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(2);
            }
            assertThat(Files.exists(site.resolve("index.html"))).as("the signal comes before the site is written")
                    .isFalse();
            new ProcessBuilder("kill", "-TERM", String.valueOf(docproof.pid())).inheritIO().start().waitFor();
            assertThat(docproof.waitFor(120, TimeUnit.SECONDS)).as("docproof ended").isTrue();
            String stderr = Files.readString(dir.resolve("stderr"));
            assertThat(docproof.exitValue()).as(stderr).isEqualTo(143);
            assertThat(stderr).contains("interrupted by SIGTERM while the reports and the site were written: they were"
                    + " finished first").doesNotContain("internal error");
        } finally {
            docproof.destroyForcibly();
        }
        assertThat(Files.readString(dir.resolve("stdout"))).contains("Site written to");
        assertThat(site.resolve("index.html")).exists();
        assertThat(Files.readString(site.resolve("one.html"))).contains("echo one");
    }
}
