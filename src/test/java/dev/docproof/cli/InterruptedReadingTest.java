package dev.docproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to a real docproof process while it still reads the lessons, before any engine is asked: the report
 * asked for is still written, every step in it not run, and the exit status is the signal's.
 */
class InterruptedReadingTest {

    @TempDir
    Path dir;

    @Test
    void aSignalWhileTheLessonsAreReadStillWritesTheReportsWithEveryStepNotRun() throws Exception {
        // Twenty thousand steps take seconds to read and plan: the signal comes while they are.
        StringBuilder md = new StringBuilder("# Many steps\n");
        for (int i = 0; i < 20_000; i++) {
            md.append("\nStep ").append(i).append(".\n\n```console\n$ echo ").append(i).append('\n').append(i)
                    .append("\n```\n");
        }
        Path lesson = Files.writeString(dir.resolve("many.md"), md);
        Path json = dir.resolve("report.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process docproof = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", "--isolation", "host", "--json", json.toString(), lesson.toString())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        try {
            TimeUnit.MILLISECONDS.sleep(2500);
            assertThat(docproof.isAlive()).as("still reading").isTrue();
            docproof.destroy(); // SIGTERM

            assertThat(docproof.waitFor(120, TimeUnit.SECONDS)).as("docproof ended").isTrue();
        } finally {
            docproof.destroyForcibly();
        }
        String stderr = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
        assertThat(docproof.exitValue()).as(stderr).isEqualTo(143);
        assertThat(stderr).contains("interrupted by SIGTERM before any step ran").doesNotContain("internal error");
        JsonNode steps = new ObjectMapper().readTree(json.toFile()).path("lessons").get(0).path("steps");
        assertThat(steps).hasSize(20_000);
        assertThat(steps).allSatisfy(step -> assertThat(step.path("status").asText()).isEqualTo("not-run"));
        assertThat(steps.get(0).path("reason").asText()).isEqualTo("not run: the run was interrupted");
    }
}
