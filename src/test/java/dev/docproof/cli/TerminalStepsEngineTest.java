package dev.docproof.cli;

import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker run -it} and {@code docker exec -it} steps, as courses write them by habit, on the real engine: a
 * command the container runs and ends with gives the learner's output; an interactive shell still fails, saying the
 * input is no terminal.
 */
class TerminalStepsEngineTest {

    @TempDir
    Path dir;

    @Test
    void aCommandRunWithDashItGivesTheLearnersOutputAndAnInteractiveShellStillFails() throws Exception {
        TestEngine.ready();
        Path lesson = Files.writeString(dir.resolve("tty.md"), """
                # With a terminal

                ```console
                $ docker run -it --rm launchcodedevops/simple-http echo hello from a terminal
                hello from a terminal
                $ docker run -ti --rm launchcodedevops/simple-http sh -c 'echo one; echo two >&2'
                one
                two
                ```

                <!-- docproof: expect-exit 1 -->
                ```console
                $ docker run -it --rm launchcodedevops/simple-http bash
                the input device is not a TTY
                ```
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"check", "--isolation", "host", lesson.toString()},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(out + "" + err).isZero();
        assertThat(out.toString()).contains(lesson + ":4: passed", lesson + ":6: passed", lesson + ":13: passed");
    }
}
