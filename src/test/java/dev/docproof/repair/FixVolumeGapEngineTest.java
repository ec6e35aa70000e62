package dev.docproof.repair;

import dev.docproof.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docproof fix} against the real engine: a lesson that removes its volume without naming it is
 * run, repaired from the ledger and written back. The volume gets a name of its own per test run, so
 * parallel runs never meet; whatever the lesson leaves behind is removed here, and only that. The lesson's
 * container runs with {@code --network none}: writing to a volume needs no network, and so the test does
 * not depend on the engine's default bridge.
 */
class FixVolumeGapEngineTest {

    static final String FIXTURE_NAME = "docproof-test-repair-vol";
    static final String IMAGE = "launchcodedevops/simple-client";

    @TempDir
    Path dir;

    String volume;
    Path lesson;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void lessonWithAVolumeOfItsOwn() throws Exception {
        ProcessResult image = docker("image", "inspect", "--format", "{{.Id}}", IMAGE);
        assertThat(image.getExitValue())
                .as("the engine needs the image %s (the lesson images are built from content/images)", IMAGE)
                .isZero();
        volume = FIXTURE_NAME + "-" + UUID.randomUUID().toString().substring(0, 8);
        lesson = dir.resolve("volume-gap.rst");
        String text = Files.readString(Path.of("src/test/resources/repair/volume-gap.rst"));
        Files.writeString(lesson, text.replace(FIXTURE_NAME, volume));
    }

    @AfterEach
    void removeWhatTheLessonLeft() throws Exception {
        if (volume != null && docker("volume", "inspect", volume).getExitValue() == 0) {
            docker("volume", "rm", "-f", volume);
        }
    }

    @Test
    void theUnnamedVolumeRemovalIsRepairedAndWrittenBack() throws IOException {
        String before = Files.readString(lesson);

        int code = Main.execute(new String[] {"fix", "--timeout", "60", lesson.toString()},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as("stdout:%n%s%nstderr:%n%s", out, err).isZero();
        assertThat(out.toString()).isEqualTo(lesson + ":18: docker volume rm → docker volume rm " + volume + "\n");
        assertThat(Files.readString(lesson))
                .isEqualTo(before.replace("  $ docker volume rm\n", "  $ docker volume rm " + volume + "\n"));
        assertThat(volumeExists()).as("the repaired step removed the volume").isFalse();
    }

    @Test
    void aDryRunShowsTheRepairAndLeavesTheLessonAlone() throws IOException {
        String before = Files.readString(lesson);

        int code = Main.execute(new String[] {"fix", "--dry-run", lesson.toString()},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as("stdout:%n%s%nstderr:%n%s", out, err).isZero();
        assertThat(out.toString()).contains("\n-  $ docker volume rm\n+  $ docker volume rm " + volume + "\n");
        assertThat(Files.readString(lesson)).isEqualTo(before);
    }

    private boolean volumeExists() {
        try {
            return docker("volume", "inspect", volume).getExitValue() == 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProcessResult docker(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        return new ProcessExecutor().command(command).readOutput(true).redirectInput(InputStream.nullInputStream())
                .timeout(60, TimeUnit.SECONDS).execute();
    }
}
