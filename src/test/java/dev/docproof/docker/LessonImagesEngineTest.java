package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.docproof.testsupport.EngineResources;
import dev.docproof.testsupport.Exec;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The images the course lesson runs behave as the lesson says, on the real engine. */
class LessonImagesEngineTest {

    @TempDir
    Path served;

    @Test
    void clientFetchesAFileTheServerServesFromAReadOnlyBindMountOverAUserDefinedNetworkByName() throws Exception {
        Files.writeString(served.resolve("message"), "using container aliases works!\n");
        try (EngineResources mine = EngineResources.forTest("foundation")) {
            DockerClient docker = mine.client();
            String network = mine.network(mine.name("net"));
            docker.createNetworkCmd().withName(network).exec();

            String server = mine.container(mine.name("server"));
            docker.createContainerCmd("launchcodedevops/simple-http").withName(server)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network)
                            .withBinds(new Bind(served.toString(), new Volume("/var/www"), AccessMode.ro)))
                    .exec();
            docker.startContainerCmd(server).exec();

            String client = mine.container(mine.name("client"));
            // As `docker run -itd`: a terminal and an open stdin keep the client's shell up.
            docker.createContainerCmd("launchcodedevops/simple-client").withName(client)
                    .withTty(true).withStdinOpen(true)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network))
                    .exec();
            docker.startContainerCmd(client).exec();

            // The server needs a moment to listen; --retry-connrefused polls it within curl's own deadline.
            Exec.Result fetched = Exec.run(docker, client, "curl", "-sS", "--retry", "50", "--retry-delay", "0",
                    "--retry-max-time", "20", "--retry-connrefused", "http://" + server + ":8080/message");
            assertThat(fetched.stderr()).isEmpty();
            assertThat(fetched.exitCode()).isZero();
            assertThat(fetched.stdout()).isEqualTo("using container aliases works!\n");

            Exec.Result write = Exec.run(docker, server, "touch", "/var/www/written-by-the-server");
            assertThat(write.exitCode()).as("the bind mount is read-only").isNotZero();
            assertThat(write.stderr()).contains("Read-only file system");

            assertThat(docker.inspectContainerCmd(client).exec().getState().getRunning())
                    .as("the client stays up in the background").isTrue();
        }
    }

    @Test
    void bothLessonImagesStopPromptlyOnDockerStop() {
        try (EngineResources mine = EngineResources.forTest("foundation")) {
            DockerClient docker = mine.client();
            String server = mine.container(mine.name("server"));
            docker.createContainerCmd("launchcodedevops/simple-http").withName(server).exec();
            String client = mine.container(mine.name("client"));
            docker.createContainerCmd("launchcodedevops/simple-client").withName(client)
                    .withTty(true).withStdinOpen(true).exec();
            docker.startContainerCmd(server).exec();
            docker.startContainerCmd(client).exec();

            for (String container : new String[] {server, client}) {
                long started = System.nanoTime();
                docker.stopContainerCmd(container).withTimeout(10).exec();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as(container + " stops on SIGTERM/STOPSIGNAL, not after the 10 s kill")
                        .isLessThan(Duration.ofSeconds(5));
                assertThat(docker.inspectContainerCmd(container).exec().getState().getRunning()).isFalse();
            }
        }
    }

    @Test
    void testEngineReportsHowItFoundTheEngine() {
        Engine engine = TestEngine.ready();
        assertThat(engine.serverVersion()).isNotBlank().isNotEqualTo("unknown");
        assertThat(engine.apiVersion()).matches("\\d+\\.\\d+");
        assertThat(engine.foundVia()).matches("socket /var/run/docker.sock|DOCKER_HOST=.+");
    }
}
