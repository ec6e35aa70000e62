package dev.docproof.run;

import dev.docproof.lesson.Marks;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Background steps on a real bash session, no Docker: started, awaited, stopped. */
class BackgroundsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private ShellSession session;
    private Backgrounds backgrounds;

    @BeforeEach
    void open() throws IOException {
        session = ShellSession.start(work);
        backgrounds = new Backgrounds(session);
    }

    @AfterEach
    void close() {
        backgrounds.close();
        session.close();
    }

    private static Step step(String command, String ready) {
        return new Step(new SourceSpan(Path.of("l.md"), 7, 1), 7, StepKind.RUN, command, Sample.NONE, "")
                .withMarks(new Marks(null, null, null, null, new Marks.Background(ready), List.of(), Map.of(), false,
                        List.of()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aForegroundServerIsAwaitedOnItsPortAndStoppedWhenTheLessonEnds() throws IOException {
        int port = freePort();
        String command = "python3 -m http.server " + port + " --bind 127.0.0.1";

        Backgrounds.Start start = backgrounds.start(step(command, null), command, DEADLINE);

        assertThat(start.failure()).isNull();
        assertThat(start.readiness()).matches("port " + port + " listening after \\d+ ms");
        assertThat(listening(port)).isTrue();
        assertThat(session.run("echo the lesson goes on", DEADLINE).output().stdout()).isEqualTo("the lesson goes on\n");

        backgrounds.close();

        assertThat(listening(port)).as("the server was stopped").isFalse();
    }

    @Test
    void aReadyCommandSaysWhenTheStepIsUpAndTheWholeGroupIsStopped() {
        String token = "docproof-test-" + UUID.randomUUID();
        String command = "env TOKEN=" + token + " bash -c 'while true; do date >> ticks.txt; sleep 1; done'";

        Backgrounds.Start start = backgrounds.start(step(command, "test -s ticks.txt"), command, DEADLINE);

        assertThat(start.readiness()).matches("`test -s ticks.txt` succeeded after \\d+ ms");
        assertThat(work.resolve("ticks.txt")).isNotEmptyFile();
        assertThat(carrying(token)).as("the loop runs").isTrue();

        backgrounds.close();

        assertThat(carrying(token)).as("the loop and its sleep were stopped").isFalse();
    }

    @Test
    void aStepThatEndsBeforeItIsReadyFailsWithWhatItPrinted() {
        String command = "echo no such server; exit 3";

        Backgrounds.Start start = backgrounds.start(step(command, "false"), command, DEADLINE);

        assertThat(start.failure()).isEqualTo("ended before it was ready");
        assertThat(start.output().merged()).isEqualTo("no such server\n");
    }

    @Test
    void aStepNeverReadyFailsAtItsDeadlineAndIsStillStopped() {
        String token = "docproof-test-" + UUID.randomUUID();
        String command = "env TOKEN=" + token + " sleep 600";

        Backgrounds.Start start = backgrounds.start(step(command, "false"), command, Duration.ofSeconds(1));

        assertThat(start.failure()).isEqualTo("not ready within 1 s");
        backgrounds.close();
        assertThat(carrying(token)).isFalse();
    }

    /** Whether a process of this machine has {@code token} in its environment (its command line may not show it). */
    private static boolean carrying(String token) {
        return ProcessHandle.allProcesses().anyMatch(p -> {
            try {
                return java.nio.file.Files.readString(Path.of("/proc/" + p.pid() + "/environ")).contains(token);
            } catch (IOException | RuntimeException gone) {
                return false;
            }
        });
    }
}
