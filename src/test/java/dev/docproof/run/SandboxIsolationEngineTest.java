package dev.docproof.run;

import dev.docproof.docker.SandboxReaper;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Lessons in sandboxes on the real engine: nothing reaches the host, lessons run at once, orphans are reaped. */
class SandboxIsolationEngineTest {

    private static final Path LESSON = Path.of("content/docker-networking.rst");
    /** How long the hanging lessons sleep: a number no other program's sleep is likely to use, by which it is found. */
    private static final String SLEEP = Long.toString(4000 + ProcessHandle.current().pid() % 1000);

    @TempDir
    Path dir;

    private static RunSettings sandboxed(int jobs) {
        return new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false, true, Path.of("content"),
                ShellSession.DEFAULT_MAX_OUTPUT, false, null, Isolation.SANDBOX, jobs, 0);
    }

    private static Plan plan(Path file) {
        return Planner.plan(LessonFiles.read(file));
    }

    @Test
    void twoCopiesOfTheLessonRunAtOnceEachInItsSandboxAndNothingReachesTheHost() throws Exception {
        DockerClient host = TestEngine.ready().client();
        assertThat(Path.of("/tmp/networking-test")).as("left on this machine before the test by something else")
                .doesNotExist();
        Path a = Files.copy(LESSON, dir.resolve("a-networking.rst"));
        Path b = Files.copy(LESSON, dir.resolve("b-networking.rst"));
        List<String> seenOnHost = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                host.listNetworksCmd().exec().stream().filter(n -> n.getName().equals("networking-test"))
                        .forEach(n -> seenOnHost.add("network networking-test"));
                host.listContainersCmd().withShowAll(true).exec().stream()
                        .filter(c -> Arrays.asList(c.getNames()).contains("/server"))
                        .forEach(c -> seenOnHost.add("container server"));
                if (Files.exists(Path.of("/tmp/networking-test"))) {
                    seenOnHost.add("/tmp/networking-test");
                }
            }
        });
        List<Integer> startedAt = Collections.synchronizedList(new ArrayList<>());
        RunListener listener = new RunListener() {
            @Override
            public void lessonStarted(Plan plan) {
                startedAt.add((int) (System.nanoTime() / 1_000_000));
            }
        };
        CourseResult course;
        try {
            course = CourseRunner.run(List.of(plan(a), plan(b)), sandboxed(2), listener);
        } finally {
            running.set(false);
            watcher.get(30, TimeUnit.SECONDS);
        }
        assertThat(seenOnHost).isEmpty();
        assertThat(course.lessons()).extracting(l -> l.plan().lesson().source()).containsExactly(a, b);
        for (LessonResult lesson : course.lessons()) {
            assertThat(lesson.setupError()).isNull();
            assertThat(lesson.tally().count(Status.PASSED)).isEqualTo(1);
            assertThat(lesson.tally().count(Status.RAN)).isEqualTo(14);
            assertThat(lesson.tally().count(Status.REPAIRED)).isEqualTo(1);
            assertThat(lesson.tally().count(Status.FAILED)).isZero();
            assertThat(lesson.leaks()).containsExactlyInAnyOrder(
                    new Leak(dev.docproof.shell.ResourceKind.NETWORK, "my-network", 152, true),
                    new Leak(dev.docproof.shell.ResourceKind.CONTAINER, "client", 221, true));
        }
        assertThat(DockerNetworkingLessonTest.verdicts(course.lessons().get(1)))
                .isEqualTo(DockerNetworkingLessonTest.verdicts(course.lessons().get(0)));
        assertThat(mine(host)).isEmpty();
        assertThat(Path.of("/tmp/networking-test")).doesNotExist();
    }

    @Test
    void aLessonWritingOutsideItsFolderChangesNothingOnTheHost() throws Exception {
        Path probe = Path.of("/etc/docproof-probe");
        Files.deleteIfExists(probe);
        Path lesson = Files.writeString(dir.resolve("probe.md"), """
                # Probe

                ```console
                $ touch /etc/docproof-probe && ls /etc/docproof-probe
                /etc/docproof-probe
                $ echo "$HOME $PWD"
                /root /lesson
                ```
                """);
        CourseResult course = CourseRunner.run(List.of(plan(lesson)), sandboxed(1), RunListener.NONE);
        LessonResult result = course.lessons().get(0);
        assertThat(result.setupError()).isNull();
        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.PASSED, Status.PASSED);
        assertThat(probe).doesNotExist();
        assertThat(mine(TestEngine.ready().client())).isEmpty();
    }

    /**
     * A lesson on cgroups (as a course on containers has) makes one in every cgroup tree it sees: in the sandbox those
     * are the sandbox's own, never this machine's, and its engine's containers are made there too.
     */
    @Test
    void aLessonMakingCgroupsMakesThemInItsSandboxNotOnTheHost() throws Exception {
        String name = "docproof-probe-" + UUID.randomUUID();
        Path lesson = Files.writeString(dir.resolve("cgroups.md"), """
                # Cgroups

                ```console
                $ for tree in /sys/fs/cgroup /sys/fs/cgroup/*/; do mkdir "$tree/%s" 2>/dev/null && echo made; done | sort -u
                made
                $ docker run -d --name nested launchcodedevops/simple-http >/dev/null && echo started
                started
                ```
                """.formatted(name));
        CourseResult course = CourseRunner.run(List.of(plan(lesson)), sandboxed(1), RunListener.NONE);
        LessonResult result = course.lessons().get(0);
        assertThat(result.setupError()).isNull();
        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.PASSED, Status.PASSED);
        try (Stream<Path> trees = Files.list(Path.of("/sys/fs/cgroup"))) {
            List<Path> made = Stream.concat(Stream.of(Path.of("/sys/fs/cgroup")), trees)
                    .map(tree -> tree.resolve(name)).filter(Files::exists).toList();
            for (Path cgroup : made) {
                Files.delete(cgroup); // an empty cgroup goes as a folder does; the host keeps none of the test's
            }
            assertThat(made).isEmpty();
        }
    }

    @Test
    void afterAKillNineTheNextRunRemovesTheOrphanedSandboxSaysSoAndPasses() throws Exception {
        DockerClient host = TestEngine.ready().client();
        Path hanging = Files.writeString(dir.resolve("hanging.md"), """
                # Hangs

                ```console
                $ echo started
                started
                $ sleep %s
                ```
                """.formatted(SLEEP));
        Process child = startCheck(hanging);
        String orphan;
        try {
            orphan = awaitSandboxWithSleep(host, child.pid());
            child.destroyForcibly(); // kill -9: no shutdown hook runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(host.listContainersCmd().withShowAll(true).withIdFilter(List.of(orphan)).exec()).as("left by the killed run").hasSize(1);

        Path passing = Files.writeString(dir.resolve("passing.md"), """
                # Passes

                ```console
                $ echo fine
                fine
                ```
                """);
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        CourseResult course = CourseRunner.run(List.of(plan(passing)), sandboxed(1), new RunListener() {
            @Override
            public void notice(String message) {
                said.add(message);
            }
        });
        assertThat(course.lessons().get(0).setupError()).isNull();
        assertThat(course.lessons().get(0).steps()).extracting(StepResult::status).containsExactly(Status.PASSED);
        assertThat(said).anyMatch(m -> m.startsWith("removed the sandbox " + orphan.substring(0, 12))
                && m.contains(hanging.toString()) && m.contains("owner pid " + child.pid()));
        assertThat(host.listContainersCmd().withShowAll(true).withIdFilter(List.of(orphan)).exec()).isEmpty();
    }

    @Test
    void sigtermMidLessonRemovesTheRunsSandboxAndStartsNoOtherLesson() throws Exception {
        DockerClient host = TestEngine.ready().client();
        Path hanging = Files.writeString(dir.resolve("hanging.md"), """
                # Hangs

                ```console
                $ sleep %s
                ```
                """.formatted(SLEEP));
        Path next = Files.writeString(dir.resolve("next.md"), "# Next\n\n```console\n$ echo next\nnext\n```\n");
        Process child = startCheck(hanging, next);
        try {
            String sandbox = awaitSandboxWithSleep(host, child.pid());
            child.destroy(); // SIGTERM, as CI sends; Ctrl-C's SIGINT runs the same shutdown hooks
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(host.listContainersCmd().withShowAll(true).withIdFilter(List.of(sandbox)).exec()).isEmpty();
            assertThat(SandboxReaper.list(host)).as("sandboxes of the stopped run")
                    .noneMatch(f -> f.owner() != null && f.owner().pid() == child.pid());
        } finally {
            child.destroyForcibly();
        }
    }

    /** {@code docproof check --jobs 1} on the lessons in a process of its own. */
    private Process startCheck(Path... lessons) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                dev.docproof.cli.Main.class.getName(), "check", "--isolation", "sandbox", "--jobs", "1"));
        Arrays.stream(lessons).map(Path::toString).forEach(command::add);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(lessons[0].getFileName() + ".log").toFile()).start();
    }

    /** The sandbox the child run started, once its lesson's `sleep` runs in it. */
    private static String awaitSandboxWithSleep(DockerClient host, long owner) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            for (SandboxReaper.Found found : SandboxReaper.list(host)) {
                if (found.owner() != null && found.owner().pid() == owner && found.kind().equals("lesson")
                        && ProcessHandle.allProcesses().anyMatch(p -> p.info().command().orElse("").endsWith("/sleep")
                        && Arrays.equals(p.info().arguments().orElse(new String[0]), new String[] {SLEEP}))) {
                    return found.containerId();
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the killed run's sandbox never ran its `sleep " + SLEEP + "`");
    }

    /** The sandboxes this test process owns. */
    private static List<SandboxReaper.Found> mine(DockerClient host) {
        return SandboxReaper.list(host).stream()
                .filter(f -> f.owner() != null && f.owner().pid() == ProcessHandle.current().pid()).toList();
    }
}
