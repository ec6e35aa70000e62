package dev.docproof.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./docproof} launcher, on a command's first run (when it makes the class-data archive and so runs
 * Java as its child): a SIGTERM or SIGINT sent to the launcher alone reaches docproof, which stops as it does
 * when signalled itself, and the launcher exits with docproof's status once docproof has ended. A stand-in
 * {@code java} on {@code PATH} records the signal it gets.
 */
class LauncherSignalsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0} to the launcher reaches docproof, exit {1}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalToTheLauncherReachesDocproofAndTheLauncherEndsWithIt(String signal, int status) throws Exception {
        Process launcher = launcher("""
                #!/bin/bash
                for a in "$@"; do [ "$a" = --version ] && exit 0; done
                echo $$ > "$STAND_IN/pid.tmp" && mv "$STAND_IN/pid.tmp" "$STAND_IN/pid"
                trap 'echo TERM > "$STAND_IN/signal"; exit 143' TERM
                trap 'echo INT > "$STAND_IN/signal"; exit 130' INT
                while :; do sleep 0.1; done
                """);
        Optional<ProcessHandle> docproof = Optional.empty();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(dir.resolve("pid")) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(dir.resolve("pid")).as("the launcher started java; output: %s", output()).exists();
            docproof = ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve("pid")).strip()));
            assertThat(docproof).as("java runs").isPresent();

            new ProcessBuilder("kill", "-" + signal, String.valueOf(launcher.pid())).inheritIO().start().waitFor();

            assertThat(launcher.waitFor(20, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
            assertThat(dir.resolve("signal")).as("java got the signal; output: %s", output()).exists();
            assertThat(Files.readString(dir.resolve("signal")).strip()).isEqualTo(signal);
            assertThat(launcher.exitValue()).isEqualTo(status);
            assertThat(docproof.get().isAlive()).as("java ended before the launcher").isFalse();
        } finally {
            launcher.destroyForcibly();
            docproof.ifPresent(ProcessHandle::destroyForcibly);
        }
        assertThat(output()).as("no job-control chatter").isEmpty();
    }

    /** The launcher of a built project, started as from a terminal, with {@code javaScript} standing in for java. */
    private Process launcher(String javaScript) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.copy(Path.of("docproof"), project.resolve("docproof"));
        Files.createDirectories(project.resolve("src/main"));
        Files.createDirectories(project.resolve("site"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path jar = Files.createDirectories(project.resolve("target")).resolve("docproof.jar");
        Files.writeString(jar, "not read by the stand-in");
        jar.toFile().setLastModified(System.currentTimeMillis() + 60_000); // newer than the sources: no build
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, javaScript);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        // Started as from a terminal: SIGINT at its default (a background job of a shell would ignore it).
        ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT", "bash",
                project.resolve("docproof").toString(), "check", "lessons")
                .redirectErrorStream(true).redirectOutput(dir.resolve("output").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("STAND_IN", dir.toString());
        builder.environment().remove("DOCPROOF_CDS");
        return builder.start();
    }

    @Test
    void aStoppedDocproofLeavesTheLauncherWaitingIdleNotSpinningAndBothEndWhenItGoesOn() throws Exception {
        Process launcher = launcher("""
                #!/bin/bash
                for a in "$@"; do [ "$a" = --version ] && exit 0; done
                echo $$ > "$STAND_IN/pid.tmp" && mv "$STAND_IN/pid.tmp" "$STAND_IN/pid"
                kill -TTOU $$
                exit 1
                """);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(dir.resolve("pid")) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            long java = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
            TimeUnit.MILLISECONDS.sleep(300);
            long before = cpuTicks(launcher.pid());
            TimeUnit.SECONDS.sleep(1);

            assertThat(cpuTicks(launcher.pid()) - before).as("CPU ticks the launcher used in a second").isLessThan(20);

            new ProcessBuilder("kill", "-CONT", String.valueOf(java)).inheritIO().start().waitFor();
            assertThat(launcher.waitFor(20, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
            assertThat(launcher.exitValue()).isEqualTo(1);
        } finally {
            launcher.destroyForcibly();
        }
    }

    /** User and system time a process used so far, in clock ticks ({@code /proc/PID/stat}, fields 14 and 15). */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private String output() throws Exception {
        return Files.readString(dir.resolve("output"));
    }
}
