package dev.docproof.run;

import dev.docproof.docker.Engine;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson writing without end is stopped before this machine's disk is full, on this machine (its working folder on a
 * small disk of its own) and in a sandbox (whose files are on the engine's storage), and its lesson ends there; a
 * lesson that would start on a disk already under the floor is not run at all.
 */
class DiskFloorEngineTest {

    private static final String FILLING = """
            # Filling

            ```console
            $ echo before
            before
            $ dd if=/dev/zero of=big bs=1M count=%d status=none
            $ echo after
            after
            ```
            """;

    @TempDir
    Path dir;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            new ProcessExecutor("umount", mounted.toString()).exitValueNormal().execute();
        }
    }

    /** A disk of its own, 64 MB: what fills it fills nothing else. */
    private Path smallDisk() throws Exception {
        Path disk = Files.createDirectory(dir.resolve("disk"));
        new ProcessExecutor("mount", "-t", "tmpfs", "-o", "size=64m", "docproof-test", disk.toString())
                .redirectErrorStream(true).readOutput(true).exitValueNormal().execute();
        mounted = disk;
        return disk;
    }

    private LessonResult run(String lesson, RunSettings settings) throws Exception {
        Path file = Files.writeString(dir.resolve("lesson.md"), lesson);
        Plan plan = Planner.plan(LessonFiles.read(file));
        return CourseRunner.run(List.of(plan), settings, RunListener.NONE).lessons().get(0);
    }

    private static RunSettings settings(Isolation isolation, Path folder, long minFreeDisk) {
        return new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false, true, Path.of("content"),
                ShellSession.DEFAULT_MAX_OUTPUT, false, folder, isolation, 1, 0, minFreeDisk);
    }

    @Test
    void onThisMachineAStepThatFilledTheDiskOfItsFolderEndsItsLessonThere() throws Exception {
        TestEngine.ready();
        Path disk = smallDisk();

        LessonResult result = run(FILLING.formatted(200), settings(Isolation.HOST, disk, 32_000_000));

        assertThat(result.setupError()).isNull();
        assertThat(result.steps()).extracting(StepResult::status)
                .containsExactly(Status.PASSED, Status.FAILED, Status.NOT_RUN);
        StepResult filling = result.steps().get(1);
        assertThat(filling.outcome()).isInstanceOf(Outcome.DiskShort.class);
        assertThat(filling.outcome().describe()).startsWith("stopped: the disk holding " + disk + " has ")
                .endsWith(", less than the 32 MB docproof keeps free (--min-free-disk); the lesson stops here");
        assertThat(result.steps().get(2).outcome()).isEqualTo(
                new Outcome.NotRun(Outcome.NotRun.Why.AFTER_DISK_SHORT, filling.step().line()));
    }

    @Test
    void onThisMachineAStepWritingWithoutEndIsKilledBeforeTheDiskIsFull() throws Exception {
        TestEngine.ready();
        Path disk = smallDisk();

        LessonResult result = run("""
                # Writing on and on

                ```console
                $ while true; do head -c 1000000 /dev/zero >> big; sleep 0.02; done
                $ echo after
                after
                ```
                """, settings(Isolation.HOST, disk, 32_000_000));

        StepResult writing = result.steps().get(0);
        assertThat(writing.outcome()).isInstanceOf(Outcome.DiskShort.class);
        assertThat(writing.exitCode()).isNull();
        assertThat(writing.notes()).isEmpty();
        assertThat(result.steps().get(1).status()).isEqualTo(Status.NOT_RUN);
        // Killed at the floor: half the disk, give or take what it wrote between two looks.
        assertThat(Files.size(disk.resolve("big"))).isBetween(32_000_000L, 48_000_000L);
    }

    @Test
    void aLessonIsNotStartedOnADiskAlreadyUnderTheFloor() throws Exception {
        TestEngine.ready();
        Path disk = smallDisk();

        LessonResult result = run(FILLING.formatted(1), settings(Isolation.HOST, disk, 100_000_000));

        assertThat(result.setupError()).isNotNull();
        assertThat(result.setupError().kind()).isEqualTo(SetupError.Kind.DISK);
        assertThat(result.setupError().message()).startsWith(dir.resolve("lesson.md") + ": not run: the disk holding "
                + disk + " has ").endsWith(" free, less than the 100 MB docproof keeps free (--min-free-disk): free some"
                + " space, or lower --min-free-disk (0 turns this off)");
        assertThat(result.steps()).extracting(StepResult::status).containsOnly(Status.NOT_RUN);
        assertThat(disk.resolve("big")).doesNotExist();
    }

    @Test
    void inASandboxAStepFillingTheEnginesStorageIsStoppedAndTheSpaceComesBackWithTheSandbox() throws Exception {
        TestEngine.ready();
        Path storage;
        try (Engine engine = Engine.connect()) {
            storage = engine.dataRoot().orElseThrow();
        }
        // The floor sits a little under what is free now, so the lesson reaches it after writing some hundred MB.
        long floor = Files.getFileStore(storage).getUsableSpace() - 400_000_000;

        LessonResult result = run(FILLING.formatted(20_000), settings(Isolation.SANDBOX, null, floor));

        assertThat(result.setupError()).isNull();
        assertThat(result.steps()).extracting(StepResult::status)
                .containsExactly(Status.PASSED, Status.FAILED, Status.NOT_RUN);
        assertThat(result.steps().get(1).outcome().describe())
                .startsWith("stopped: the disk holding " + storage + " has ");
        assertThat(Files.getFileStore(storage).getUsableSpace()).isGreaterThan(floor);
    }
}
