package dev.docproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.docker.NameLocks;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C or SIGTERM sent to a real docproof process in the middle of a lesson: the step is stopped, every
 * report asked for is written with the step marked interrupted, the exit status is the signal's, nothing
 * is left behind, and no internal error is printed.
 */
class InterruptedCheckEngineTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0} exits {1}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalMidLessonStopsTheStepWritesEveryReportAndExitsWithTheSignalsStatus(String signal, int status)
            throws Exception {
        TestEngine.ready();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path lesson = dir.resolve("lesson.md");
        Path started = dir.resolve("started");
        Files.writeString(lesson, "# Interrupted\n\n```console\n$ echo one\none\n$ touch " + started
                + "; echo waiting; sleep 300\n$ echo never\n```\n");
        Path json = dir.resolve("report.json");
        Path junit = dir.resolve("junit");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process docproof = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "check", lesson.toString(), "--json", json.toString(), "--junit", junit.toString())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(started) && docproof.isAlive() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(Files.exists(started)).as("the step started; stderr: %s", text("stderr")).isTrue();

            new ProcessBuilder("kill", "-" + signal, String.valueOf(docproof.pid())).inheritIO().start().waitFor();

            assertThat(docproof.waitFor(60, TimeUnit.SECONDS)).as("docproof ended").isTrue();
            assertThat(docproof.exitValue()).as("stderr: %s", text("stderr")).isEqualTo(status);
        } finally {
            docproof.destroyForcibly();
        }
        assertThat(text("stderr")).contains("interrupted by SIG" + signal).doesNotContain("internal error");
        assertThat(text("stdout")).contains(":4: passed", ":6: failed", "interrupted by SIG" + signal, ":7: not-run",
                "3 runnable: 1 passed, 0 ran, 0 repaired, 1 failed; 1 not run");
        JsonNode steps = new ObjectMapper().readTree(json.toFile()).path("lessons").get(0).path("steps");
        assertThat(steps.get(1).path("status").asText()).isEqualTo("failed");
        assertThat(steps.get(1).path("reason").asText()).startsWith("interrupted by SIG" + signal);
        assertThat(steps.get(1).path("output").asText()).isEqualTo("waiting\n");
        try (Stream<Path> files = Files.list(junit)) {
            Path suite = files.findFirst().orElseThrow();
            assertThat(Files.readString(suite)).contains("interrupted by SIG" + signal);
        }
        // Name lock files are kept by design (a deleted lock file could be locked twice); free ones are empty.
        Path locks = NameLocks.defaultFolderIn(tmp);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.filter(p -> !p.equals(locks))).as("docproof's temporary folders").isEmpty();
        }
        try (Stream<Path> lockFiles = Files.list(locks)) {
            assertThat(lockFiles).as("the run's name locks, released").allSatisfy(f -> assertThat(f).isEmptyFile());
        }
    }

    private String text(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
