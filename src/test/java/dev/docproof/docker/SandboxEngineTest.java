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
import java.util.UUID;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sandboxes on the real engine: their own engine and file system, the lesson images inside, nothing left. */
class SandboxEngineTest {

    private static Sandboxes<Sandbox> sandboxes;

    @BeforeAll
    static void prepare() throws EngineException {
        sandboxes = Sandboxes.prepare(TestEngine.ready(), TestEngine.LESSON_IMAGES, Path.of("target"), 0, line -> { });
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
        // Removed in the background, while the run goes on.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.exists(folder) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
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

    /**
     * An engine taken for this machine's that is not (a socket mounted into a container of the same host name) binds a
     * folder of its own where the sandbox expects the one docproof shares: here a different folder of this machine
     * stands in for it. The start is refused soon, saying why and what to do, instead of waiting out its deadline for
     * a socket that cannot appear; nothing is left.
     */
    @Test
    void aSandboxThatDoesNotSeeTheSharedFolderIsRefusedSayingTheEngineSharesNoFolderWithThisMachine() throws Exception {
        DockerClient host = TestEngine.ready().client();
        Path elsewhere = Files.createTempDirectory("docproof-elsewhere-");
        RunOwner owner = RunOwner.of("remote.rst");
        long started = System.nanoTime();
        try {
            assertThatThrownBy(() -> Sandbox.start(new Sandbox.Spec(SandboxLabels.Kind.LESSON, owner, null, 0), elsewhere))
                    .isInstanceOf(SandboxException.class)
                    .hasMessageContaining("does not see the folder docproof shares with it")
                    .hasMessageContaining("yet does not share its folders")
                    .hasMessageContaining("--isolation host");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(Sandbox.START_TIMEOUT.dividedBy(2));
            assertThat(SandboxReaper.list(host)).noneMatch(f -> f.describe().contains("remote.rst"));
        } finally {
            try (var files = Files.walk(elsewhere)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void theReaperRemovesASandboxWhoseOwnerIsGoneAndLeavesLiveOnes() throws Exception {
        DockerClient host = TestEngine.ready().client();
        Sandbox orphan = Sandbox.start(new Sandbox.Spec(SandboxLabels.Kind.LESSON, deadOwner("orphan.rst"), null, 0));
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

    @Test
    void aSandboxsFolderNamesItsOwnerSoARunKilledBeforeItsContainerExistedLeavesAFolderTheNextRunRemoves() throws Exception {
        Sandbox orphan = Sandbox.start(new Sandbox.Spec(SandboxLabels.Kind.LESSON, deadOwner("unstarted.rst"), null, 0));
        try {
            // Only the folder is left, as when the run is killed before it creates the container.
            TestEngine.ready().client().removeContainerCmd(orphan.containerId()).withForce(true).withRemoveVolumes(true).exec();

            assertThat(SandboxFolders.reap(orphan.folder().getParent())).extracting(SandboxFolders.Left::folder)
                    .contains(orphan.folder());
            assertThat(orphan.folder()).doesNotExist();
        } finally {
            orphan.close();
        }
    }

    /** The owner of a run whose process has ended. */
    private static RunOwner deadOwner(String lesson) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        RunOwner self = RunOwner.of(lesson);
        return new RunOwner("deadrun-" + UUID.randomUUID(), ended.pid(), self.processStarted(), self.host(), self.started(),
                lesson);
    }

    @Test
    void sandboxesStartAheadForTheExpectedLessonsEachIsTakenByItsLessonAndThoseNeverTakenGoOnClose() throws Exception {
        DockerClient host = TestEngine.ready().client();
        String run = "ahead-" + java.util.UUID.randomUUID();
        List<String> lessons = List.of(run + "/a.md", run + "/b.md", run + "/c.md");
        Sandboxes<Sandbox> own = Sandboxes.prepare(TestEngine.ready(), TestEngine.LESSON_IMAGES, Path.of("target"), 0, line -> { });
        try {
            own.expect(lessons, 2);
            assertThat(awaitSandboxes(host, run, 2)).as("two started ahead, in the lessons' order")
                    .containsOnlyKeys(lessons.get(0), lessons.get(1));
            String aheadForA = awaitSandboxes(host, run, 2).get(lessons.get(0));
            Sandbox a = own.start(lessons.get(0));
            assertThat(a.containerId()).isEqualTo(aheadForA);
            assertThat(awaitSandboxes(host, run, 3)).as("taking one starts the next").containsOnlyKeys(lessons);
            own.discard(a); // removed in the background; close waits for it
        } finally {
            own.close();
        }
        assertThat(sandboxesOf(host, run)).isEmpty();
    }

    @Test
    void aSandboxHasTheToolsCoursesHaveLearnersRunBesideDocker() throws Exception {
        String out = inAFreshSandbox("""
                for p in git jq wget unzip zip ping ip nc dig netstat ssh make tree file less; do
                    command -v $p >/dev/null || echo "missing $p"
                done
                git init -q -b main repo && git -C repo rev-parse --is-inside-work-tree
                git -C repo -c user.name=A -c user.email=a@b commit -q --allow-empty -m first
                git -C repo log --oneline | cut -d' ' -f2-
                echo '{"name": "networking-test"}' | jq -r .name
                ping -c 1 -W 2 127.0.0.1 >/dev/null && echo pinged
                """);
        assertThat(out.lines()).containsExactly("true", "(HEAD -> main) first", "networking-test", "pinged");
    }

    @Test
    void aSandboxsShellHasAUtf8LocaleAndItsUsersName() throws Exception {
        String out = inAFreshSandbox("""
                printf 'café\\n' | wc -m
                mkdir -p app/static && touch app/static/style.css && tree --noreport app
                echo "$USER"
                """);
        assertThat(out.lines()).containsExactly("5", "app", "└── static", "    └── style.css", "root");
    }

    @Test
    void aSandboxPublishesPortsOnIpv6TooAsAMachineWithIpv6Does() throws Exception {
        String out = inAFreshSandbox("""
                docker run -d --name web -p 8080:8080 launchcodedevops/simple-http >/dev/null
                docker ps --format '{{.Ports}}'
                docker port web
                """);
        assertThat(out.lines()).containsExactly("0.0.0.0:8080->8080/tcp, :::8080->8080/tcp",
                "8080/tcp -> 0.0.0.0:8080", "8080/tcp -> :::8080");
    }

    @Test
    void aSandboxRemovedWithItsContainersStillRunningLeavesNoCgroupOnThisMachine() throws Exception {
        Sandbox sandbox = sandboxes.start("sandbox-engine-test");
        String inner;
        try {
            inner = bash(sandbox, "docker run -d launchcodedevops/simple-http").strip();
            assertThat(cgroupsNamed(inner)).as("the running container's cgroups").isNotEmpty();
        } finally {
            sandbox.close();
            sandboxes.discard(sandbox);
        }
        assertThat(cgroupsNamed(inner)).isEmpty();
    }

    /** The cgroup folders of this machine named after a container. */
    private static List<Path> cgroupsNamed(String containerId) throws java.io.IOException {
        try (var found = Files.find(Path.of("/sys/fs/cgroup"), 6,
                (path, attributes) -> attributes.isDirectory() && path.getFileName().toString().equals(containerId))) {
            return found.toList();
        }
    }

    /** The run's sandboxes by lesson, once there are {@code count} of them. */
    private static Map<String, String> awaitSandboxes(DockerClient host, String run, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Map<String, String> found = sandboxesOf(host, run);
        while (found.size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            found = sandboxesOf(host, run);
        }
        return found;
    }

    private static Map<String, String> sandboxesOf(DockerClient host, String run) {
        Map<String, String> byLesson = new java.util.TreeMap<>();
        SandboxReaper.list(host).stream().filter(f -> f.owner() != null && f.owner().lesson().startsWith(run))
                .forEach(f -> byLesson.put(f.owner().lesson(), f.containerId()));
        return byLesson;
    }

    /** What {@code script} prints in a sandbox of its own, removed after it. */
    private static String inAFreshSandbox(String script) throws Exception {
        Sandbox sandbox = sandboxes.start("sandbox-engine-test");
        try {
            return bash(sandbox, script);
        } finally {
            sandboxes.discard(sandbox);
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
