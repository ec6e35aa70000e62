package dev.docproof.run;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe that tells whether the session's docker client has a plugin (compose, buildx): a client without it
 * answers {@code docker compose --help} with its own usage and exit 0, one with it with the plugin's usage. A
 * stand-in {@code docker} prints what each client prints.
 */
class DockerPluginProbeTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: lacking={1}")
    @CsvSource(delimiter = '|', textBlock = """
            Usage:  docker [OPTIONS] COMMAND                | true
            Usage:  docker compose [OPTIONS] COMMAND        | false
            Usage:  docker composer [OPTIONS] COMMAND       | true
            """)
    void theProbeSaysLackingOnlyWhenTheClientAnswersWithItsOwnUsage(String usage, boolean lacking) throws Exception {
        Path docker = dir.resolve("docker");
        Files.writeString(docker, "#!/bin/bash\necho\necho '" + usage + "'\necho\necho 'A self-sufficient runtime'\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", StepGate.pluginProbe("compose")).redirectErrorStream(true);
        bash.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        Process p = bash.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).isEqualTo(lacking ? "lacking" : "");
    }
}
