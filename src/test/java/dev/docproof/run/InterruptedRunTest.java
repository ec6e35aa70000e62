package dev.docproof.run;

import dev.docproof.docker.LedgerTestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.docproof.docker.LedgerTestEngine.docker;
import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C (or a TERM from CI) in the middle of a lesson: the shell tree dies and the lesson's resources go. */
class InterruptedRunTest {

    private final String net = LedgerTestEngine.uniqueName("interrupted");

    @AfterEach
    void removeWhatTheTestMayHaveLeft() {
        LedgerTestEngine.removeQuietly("network", "rm", net);
    }

    @TempDir
    Path tmp;

    @Test
    void anInterruptedRunKillsTheShellTreeAndRemovesWhatTheLessonCreated() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                InterruptedLessonMain.class.getName(), net).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String l; (l = lines.readLine()) != null; ) {
                        if (l.equals("started 12")) {
                            return l;
                        }
                    }
                    return "the run ended before its hanging step";
                } catch (Exception e) {
                    return e.toString();
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(line).isEqualTo("started 12");
            assertThat(docker("network", "ls", "-q", "--filter", "name=^" + net + "$")).isNotEmpty();
            List<ProcessHandle> shellTree = awaitShellTree(child);

            child.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(shellTree).noneMatch(ProcessHandle::isAlive);
            assertThat(docker("network", "ls", "-q", "--filter", "name=^" + net + "$")).isEmpty();
            try (var left = Files.list(tmp)) {
                // docproof-locks is the machine's folder of name locks, kept from run to run
                assertThat(left.filter(p -> !p.getFileName().toString().equals("docproof-locks")))
                        .as("the session's and the lesson's temporary files, the run folder").isEmpty();
            }
        } finally {
            child.destroyForcibly();
        }
    }

    /** The lesson's bash and its `sleep`, once the step has started them. */
    private static List<ProcessHandle> awaitShellTree(Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> tree = child.descendants().toList();
            if (tree.stream().anyMatch(p -> p.info().command().orElse("").endsWith("sleep"))) {
                return tree;
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("the lesson's `sleep 300` never showed up under " + child.pid());
    }
}
