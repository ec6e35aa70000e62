package dev.docproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.docker.NameLocks;
import dev.docproof.docker.SandboxReaper;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C or SIGTERM sent to a real docproof process in the middle of a lesson, on this machine or in a
 * sandbox: the step is stopped, every report asked for is written with the step marked interrupted, the exit
 * status is the signal's, nothing is left behind (no process, folder or sandbox), and no internal error is
 * printed. {@code fix} so stopped writes nothing back.
 */
class InterruptedCheckEngineTest {

    @TempDir
    Path dir;
    /** The temp folder of the docproof process a test starts, and the reports it asks for. */
    private Path tmp;
    private Path json;
    private Path junit;

    @BeforeEach
    void reportsAndTempFolderInThisTestsFolder() {
        tmp = dir.resolve("tmp");
        json = dir.resolve("report.json");
        junit = dir.resolve("junit");
    }

    @ParameterizedTest(name = "SIG{0} exits {1}, isolation {2}")
    @CsvSource({"INT, 130, host", "TERM, 143, host", "HUP, 129, host", "INT, 130, sandbox", "TERM, 143, sandbox"})
    void aSignalMidLessonStopsTheStepWritesEveryReportAndExitsWithTheSignalsStatus(String signal, int status,
                                                                                   String isolation) throws Exception {
        TestEngine.sandboxesReady(); // building the sandbox image is not what this test watches
        String seconds = sleepSeconds(isolation);
        Process docproof = checkSleeping(seconds, isolation);
        try {
            awaitSleeping(seconds, docproof);

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
        // In a sandbox the lesson's names are the sandbox's own: no lock is taken on this machine.
        try (Stream<Path> lockFiles = Files.exists(locks) ? Files.list(locks) : Stream.empty()) {
            assertThat(lockFiles).as("the run's name locks, released").allSatisfy(f -> assertThat(f).isEmptyFile());
        }
        assertThat(sleeping(seconds)).as("the step's process").isFalse();
        assertThat(SandboxReaper.list(TestEngine.ready().client())).as("sandboxes of the stopped run")
                .noneMatch(f -> f.owner() != null && f.owner().pid() == docproof.pid());
    }

    @ParameterizedTest(name = "SIG{0} twice exits {1}, isolation {2}")
    @CsvSource({"INT, 130, host", "TERM, 143, sandbox"})
    void aSecondSignalEndsDocproofAtOnceSayingSoRemovingWhatTheRunMadeAndWritingNoReport(String signal, int status,
                                                                                      String isolation) throws Exception {
        TestEngine.sandboxesReady();
        String seconds = sleepSeconds(isolation);
        Process docproof = checkSleeping(seconds, isolation);
        try {
            awaitSleeping(seconds, docproof);

            // The second comes while the first is still taking the lesson down, as an impatient Ctrl-C does.
            new ProcessBuilder("kill", "-" + signal, String.valueOf(docproof.pid())).inheritIO().start().waitFor();
            TimeUnit.MILLISECONDS.sleep(100);
            new ProcessBuilder("kill", "-" + signal, String.valueOf(docproof.pid())).inheritIO().start().waitFor();

            assertThat(docproof.waitFor(60, TimeUnit.SECONDS)).as("docproof ended").isTrue();
            assertThat(docproof.exitValue()).as("stderr: %s", text("stderr")).isEqualTo(status);
        } finally {
            docproof.destroyForcibly();
        }
        assertThat(text("stderr")).contains("docproof: SIG" + signal + " again: ending at once, without reports; what"
                + " the run made is removed on the way out").doesNotContain("internal error", "sandbox stopped");
        assertThat(text("stdout")).doesNotContain("sandbox stopped", "could not run the lesson");
        assertThat(json).doesNotExist();
        assertThat(junit).doesNotExist();
        assertThat(sleeping(seconds)).as("the step's process").isFalse();
        assertThat(SandboxReaper.list(TestEngine.ready().client())).as("sandboxes of the stopped run")
                .noneMatch(f -> f.owner() != null && f.owner().pid() == docproof.pid());
    }

    /** The step is seen to run by its sleep, a process of this machine in either isolation, for this long. */
    private static String sleepSeconds(String isolation) {
        return Long.toString(3000 + ProcessHandle.current().pid() % 500 + (isolation.equals("host") ? 0 : 500));
    }

    /** {@code docproof check} of a lesson whose second step sleeps {@code seconds}, with every report asked for. */
    private Process checkSleeping(String seconds, String isolation) throws IOException {
        Files.createDirectories(tmp);
        Path lesson = dir.resolve("lesson.md");
        Files.writeString(lesson, "# Interrupted\n\n```console\n$ echo one\none\n$ echo waiting; sleep " + seconds
                + "\n$ echo never\n```\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A job started in the background of a non-interactive shell inherits SIGINT ignored, and a process keeps an
        // ignored SIGINT ignored, as Ctrl-C could never reach it: the child gets the default back, as from a terminal.
        return new ProcessBuilder("env", "--default-signal=INT", java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "check", "--isolation", isolation, lesson.toString(), "--json", json.toString(),
                "--junit", junit.toString())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
    }

    @Test
    void ctrlCDuringFixStopsTheLessonWritesNothingBackAndSaysSo() throws Exception {
        TestEngine.ready();
        String seconds = Long.toString(2000 + ProcessHandle.current().pid() % 500);
        Path lesson = dir.resolve("lesson.md");
        String text = "# Interrupted\n\n```console\n$ echo one\nwas two\n$ sleep " + seconds + "\n```\n";
        Files.writeString(lesson, text);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process docproof = new ProcessBuilder("env", "--default-signal=INT", java, "-Djava.io.tmpdir=" + dir, "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "fix", "--isolation", "host",
                "--update-samples", lesson.toString())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        try {
            awaitSleeping(seconds, docproof);

            new ProcessBuilder("kill", "-INT", String.valueOf(docproof.pid())).inheritIO().start().waitFor();

            assertThat(docproof.waitFor(60, TimeUnit.SECONDS)).as("docproof ended").isTrue();
            assertThat(docproof.exitValue()).isEqualTo(130);
        } finally {
            docproof.destroyForcibly();
        }
        assertThat(text("stderr"))
                .contains("docproof: interrupted by SIGINT: the running step was stopped, what the lesson created was"
                        + " removed, and nothing was written back")
                .doesNotContain("internal error");
        assertThat(Files.readString(lesson)).isEqualTo(text);
        assertThat(sleeping(seconds)).as("the step's process").isFalse();
    }

    private void awaitSleeping(String seconds, Process docproof) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!sleeping(seconds) && docproof.isAlive() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(sleeping(seconds)).as("the step started; stderr: %s", text("stderr")).isTrue();
    }

    private static boolean sleeping(String seconds) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().command().orElse("").endsWith("/sleep")
                && Arrays.equals(p.info().arguments().orElse(new String[0]), new String[] {seconds}));
    }

    private String text(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
