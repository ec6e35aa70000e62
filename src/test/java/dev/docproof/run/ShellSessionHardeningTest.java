package dev.docproof.run;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A step that prints without end, fails under `set -e`, or errs in bash: bounded, and said as a learner sees it. */
class ShellSessionHardeningTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final long LIMIT = 100_000;

    @TempDir
    Path work;

    private ShellSession session;

    @BeforeEach
    void open() throws IOException {
        session = ShellSession.start(work, LIMIT);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aStepPrintingWithoutEndKeepsOnlyTheLimitOnDiskAndInMemoryAndSaysHowMuchWasDropped() throws Exception {
        ShellSession.Execution[] run = new ShellSession.Execution[1];
        long largest = largestSessionFilesWhile(() -> run[0] = session.run("yes", Duration.ofSeconds(3)));
        ShellSession.Execution e = run[0];

        assertThat(e.timedOut()).isTrue();
        assertThat(e.output().merged()).hasSize((int) LIMIT).startsWith("y\ny\n");
        assertThat(e.output().stdout()).hasSize((int) LIMIT);
        assertThat(e.note()).contains("the output past 100 kB was not kept:", "more were dropped", "--max-output");
        // yes writes hundreds of MB a second; the files are cut back every few tens of milliseconds.
        assertThat(largest).as("bytes on disk at most while the step ran").isLessThan(200_000_000L);
        assertThat(sessionFilesSize()).as("nothing of the step is left on disk").isZero();
        assertThat(session.run("echo next", DEADLINE).output().stdout()).isEqualTo("next\n");
    }

    @Test
    void outputWithinTheLimitIsKeptWholeWithoutANote() {
        ShellSession.Execution e = session.run("head -c 99999 /dev/zero | tr '\\0' x", DEADLINE);

        assertThat(e.output().stdout()).hasSize(99_999);
        assertThat(e.note()).isNull();
    }

    @Test
    void aCommandFailingUnderSetEIsNotReportedAsAnExitCall() {
        ShellSession.Execution e = session.run("set -e; false", DEADLINE);

        assertThat(e.exitCode()).isEqualTo(1);
        assertThat(e.note()).contains("a command failed while `set -e` was on").doesNotContain("called `exit");
        assertThat(session.run("echo next", DEADLINE).output().stdout()).isEqualTo("next\n");
    }

    @Test
    void anExitCallIsStillReportedAsOne() {
        assertThat(session.run("exit 4", DEADLINE).note()).contains("the step called `exit 4`");
    }

    @Test
    void bashErrorsNameBashAsInALearnersTerminalNotTheSessionsFiles() {
        ShellSession.Execution e = session.run("no-such-command-here", DEADLINE);

        assertThat(e.exitCode()).isEqualTo(127);
        assertThat(e.output().stderr()).isEqualTo("bash: no-such-command-here: command not found\n");
        assertThat(e.output().merged()).isEqualTo("bash: no-such-command-here: command not found\n");
    }

    /** A job left printing in the background keeps its files at the limit while later steps run, and then none. */
    @Test
    void aJobLeftPrintingInTheBackgroundKeepsItsFilesSmallUntilItEnds() throws Exception {
        ShellSession.Execution e = session.run("yes &", Duration.ofSeconds(10));
        assertThat(e.timedOut()).isFalse();
        assertThat(e.exitCode()).isZero();

        long largest = largestSessionFilesWhile(() -> session.run("sleep 3", Duration.ofSeconds(10)));
        assertThat(largest).as("bytes on disk at most while a later step ran").isLessThan(200_000_000L);

        session.run("kill %1; wait %1 2>/dev/null; true", Duration.ofSeconds(10));
        // a later step finds the job gone and removes its files
        for (int i = 0; i < 50 && sessionFilesSize() > 0; i++) {
            session.run("sleep 0.1", Duration.ofSeconds(10));
        }
        assertThat(sessionFilesSize()).as("nothing of the ended job is left on disk").isZero();
    }

    @Test
    void doubleForkedAndSetsidProcessesAreKilledWhenTheSessionEnds() throws Exception {
        ShellSession.Execution e = session.run("(sleep 1001 >/dev/null 2>&1 & echo $! > forked.pid)\n"
                + "(setsid sleep 1004 >/dev/null 2>&1 & echo $! > setsid.pid)", DEADLINE);
        assertThat(e.exitCode()).isZero();
        ProcessHandle forked = started("forked.pid");
        ProcessHandle detached = started("setsid.pid");
        assertThat(e.timedOut()).isFalse();

        session.close();

        assertThat(forked.isAlive()).as("(sleep 1001 &)").isFalse();
        assertThat(detached.isAlive()).as("setsid sleep 1004").isFalse();
    }

    @Test
    void aDetachedProcessStartedByAStepPastItsDeadlineIsKilledWithIt() throws Exception {
        ShellSession.Execution e = session.run("(setsid sleep 1005 >/dev/null 2>&1 & echo $! > setsid.pid); sleep 300",
                Duration.ofSeconds(2));
        assertThat(e.timedOut()).isTrue();

        long pid = Long.parseLong(Files.readString(work.resolve("setsid.pid")).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("setsid sleep 1005").isFalse();
        assertThat(session.run("echo next", DEADLINE).output().stdout()).isEqualTo("next\n");
    }

    private ProcessHandle started(String pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(work.resolve(pidFile)).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("process " + pid + " is not running"));
    }

    /** The most bytes of step output the session's folder held, looked at every few milliseconds, while {@code work} ran. */
    private long largestSessionFilesWhile(Runnable work) throws InterruptedException {
        long[] largest = {0};
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                largest[0] = Math.max(largest[0], sessionFilesSize());
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            }
        });
        watcher.start();
        try {
            work.run();
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        return largest[0];
    }

    /** Bytes of step output in the session's folder (the driver and the saved state aside). */
    private long sessionFilesSize() {
        try (Stream<Path> files = Files.walk(session.directory())) {
            return files.filter(f -> f.getFileName().toString().matches("merged|stdout|stderr"))
                    .mapToLong(ShellSessionHardeningTest::size).sum();
        } catch (IOException | RuntimeException vanishedWhileWalking) {
            return 0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
