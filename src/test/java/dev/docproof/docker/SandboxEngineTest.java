package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Sandboxes on the real engine: their own engine and file system, the lesson images inside, nothing left. */
class SandboxEngineTest {

    private static Sandboxes sandboxes;

    @BeforeAll
    static void prepare() throws EngineException {
        sandboxes = Sandboxes.prepare(TestEngine.ready(), TestEngine.LESSON_IMAGES, Path.of("target"), line -> { });
    }

    @AfterAll
    static void closeAll() {
        if (sandboxes != null) {
            sandboxes.close();
        }
    }

    @Test
    void aLessonInASandboxUsesItsOwnEngineAndFilesAndLeavesNothingOnTheHost() throws Exception {
        DockerClient host = TestEngine.ready().client();
        Path probe = Path.of("/etc/docproof-probe");
        Files.deleteIfExists(probe);
        Path scratch = Path.of("/tmp/docproof-sandbox-test-" + java.util.UUID.randomUUID());
        Sandbox sandbox = sandboxes.start("sandbox-engine-test");
        String id = sandbox.containerId();
        Path folder = sandbox.folder();
        try {
            assertThat(sandbox.client().listImagesCmd().exec().stream().map(Image::getRepoTags).filter(Objects::nonNull)
                    .flatMap(Arrays::stream)).contains("launchcodedevops/simple-http:latest",
                    "launchcodedevops/simple-client:latest");

            String out = bash(sandbox, """
                    touch /etc/docproof-probe && mkdir SCRATCH && pwd && echo "$HOME"
                    docker network create networking-test >/dev/null
                    docker run -d --name server --network networking-test launchcodedevops/simple-http >/dev/null
                    docker run --rm --network networking-test launchcodedevops/simple-client \\
                        curl -s -o /dev/null -w '%{http_code}\\n' --retry 20 --retry-connrefused --retry-delay 1 server:8080/
                    """.replace("SCRATCH", scratch.toString()));
            assertThat(out.lines()).containsExactly(Sandbox.WORKING_FOLDER, "/root", "200");

            assertThat(sandbox.client().listNetworksCmd().withNameFilter("networking-test").exec()).hasSize(1);
            assertThat(host.listNetworksCmd().exec()).noneMatch(n -> n.getName().equals("networking-test"));
            assertThat(host.listContainersCmd().withShowAll(true).exec())
                    .noneMatch(c -> Arrays.asList(c.getNames()).contains("/server"));
            assertThat(probe).doesNotExist();
            assertThat(scratch).doesNotExist();
        } finally {
            sandboxes.discard(sandbox);
        }
        assertThat(host.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec()).isEmpty();
        assertThat(folder).doesNotExist();
    }

    @Test
    void theShellInsideSeesTheGivenVariablesAndIsFoundAsAProcessOfThisMachine() throws Exception {
        Sandbox sandbox = sandboxes.start("sandbox-engine-test");
        try {
            Process shell = new ProcessBuilder(sandbox.shellCommand(Map.of("DOCPROOF_PROBE", "a b'c"))).start();
            try {
                shell.getOutputStream().write("echo \"$DOCPROOF_PROBE\"; echo $$\n".getBytes(StandardCharsets.UTF_8));
                shell.getOutputStream().flush();
                var lines = new java.io.BufferedReader(new java.io.InputStreamReader(shell.getInputStream(),
                        StandardCharsets.UTF_8));
                assertThat(lines.readLine()).isEqualTo("a b'c");
                String inside = lines.readLine().strip();
                Optional<ProcessHandle> seen = sandbox.shell();
                assertThat(seen).isPresent();
                assertThat(seen.get().info().command().orElse("")).endsWith("bash");
                assertThat(SandboxProcesses.innermostPid(seen.get().pid())).contains(Long.parseLong(inside));
                assertThat(sandbox.process(Long.parseLong(inside))).contains(seen.get());
            } finally {
                shell.destroyForcibly();
            }
        } finally {
            sandboxes.discard(sandbox);
        }
    }

    @Test
    void theReaperRemovesASandboxWhoseOwnerIsGoneAndLeavesLiveOnes() throws Exception {
        DockerClient host = TestEngine.ready().client();
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        RunOwner self = RunOwner.of("orphan.rst");
        RunOwner dead = new RunOwner("deadrun1", ended.pid(), self.processStarted(), self.host(), self.started(), "orphan.rst");
        Sandbox orphan = Sandbox.start(new Sandbox.Spec(SandboxLabels.Kind.LESSON, dead, null));
        Sandbox live = sandboxes.start("live.rst");
        try {
            assertThat(SandboxReaper.list(host)).anyMatch(f -> f.containerId().equals(orphan.containerId())
                    && f.liveness() == RunOwner.Liveness.GONE && f.describe().contains("orphan.rst"));
            List<SandboxReaper.Found> reaped = SandboxReaper.reap(host);
            assertThat(reaped).extracting(SandboxReaper.Found::containerId).contains(orphan.containerId())
                    .doesNotContain(live.containerId());
            assertThat(host.listContainersCmd().withShowAll(true).withIdFilter(List.of(orphan.containerId())).exec())
                    .isEmpty();
            assertThat(orphan.folder()).doesNotExist();
            assertThat(host.listContainersCmd().withIdFilter(List.of(live.containerId())).exec()).hasSize(1);
        } finally {
            orphan.close();
            sandboxes.discard(live);
        }
    }

    private static String bash(Sandbox sandbox, String script) throws Exception {
        Process bash = new ProcessBuilder(sandbox.shellCommand(Map.of())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = bash.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        return out;
    }
}
