package dev.docproof.cli;

import dev.docproof.docker.LedgerTestEngine;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fix} on the real engine: it runs lessons where {@code check} does (a sandbox, unless told otherwise), and a
 * placeholder bound to what the lesson named is written back on request only.
 */
class FixBindEngineTest {

    @BeforeAll
    static void engine() {
        TestEngine.ready();
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aBoundPlaceholderIsWrittenBackOnlyWithBind(@TempDir Path dir) throws Exception {
        String network = LedgerTestEngine.uniqueName("bind");
        Path lesson = dir.resolve("lesson.md");
        String text = """
                # Networks

                ```console
                $ docker network create %s
                ```

                Look at it:

                ```console
                $ docker network inspect --format '{{.Name}}' <network name>
                %s
                $ docker network rm %s
                %s
                ```
                """.formatted(network, network, network, network);
        Files.writeString(lesson, text);

        int plain = Main.execute(new String[] {"fix", lesson.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        assertThat(plain).as(out + "\n" + err).isZero();
        assertThat(Files.readString(lesson)).as("a placeholder may be meant: not written without --bind").isEqualTo(text);

        int bound = Main.execute(new String[] {"fix", "--bind", lesson.toString()},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(bound).as(out + "\n" + err).isZero();
        assertThat(Files.readString(lesson)).isEqualTo(text.replace("<network name>", network));
        assertThat(out.toString()).contains(lesson + ":10: docker network inspect --format '{{.Name}}' <network name> → "
                + "docker network inspect --format '{{.Name}}' " + network);
    }

    @Test
    void fixRunsTheLessonInASandboxAsCheckDoesNotOnThisMachineUnlessTold(@TempDir Path dir) throws Exception {
        Path mark = Path.of("/tmp", LedgerTestEngine.uniqueName("fix-ran-here"));
        Path lesson = Files.writeString(dir.resolve("lesson.md"), """
                # Where

                ```console
                $ touch %s; hostname
                the author's machine
                ```
                """.formatted(mark));
        String here = java.net.InetAddress.getLocalHost().getHostName();
        try {
            int sandboxed = Main.execute(new String[] {"fix", "--dry-run", "--update-samples", lesson.toString()},
                    new PrintWriter(out), new PrintWriter(err));

            assertThat(sandboxed).as(out + "\n" + err).isZero();
            assertThat(mark).as("nothing of this machine touched").doesNotExist();
            assertThat(out.toString()).contains("-the author's machine\n+").doesNotContain("+" + here + "\n");

            int onHost = Main.execute(new String[] {"fix", "--isolation", "host", "--dry-run", "--update-samples",
                    lesson.toString()}, new PrintWriter(out), new PrintWriter(err));

            assertThat(onHost).as(out + "\n" + err).isZero();
            assertThat(mark).as("told to run here").exists();
            assertThat(out.toString()).contains("+" + here + "\n");
        } finally {
            Files.deleteIfExists(mark);
        }
    }
}
