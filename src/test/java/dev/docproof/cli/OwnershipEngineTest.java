package dev.docproof.cli;

import dev.docproof.docker.EngineProxy;
import dev.docproof.docker.LedgerTestEngine;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static dev.docproof.docker.LedgerTestEngine.docker;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who owns what on a shared engine, through `docproof check` on the real engine: another user's
 * resources created while a step runs, two runs of one lesson at once, a run killed with SIGKILL, an
 * engine that goes away mid-run. On this machine (`--isolation host`): in a sandbox no other run shares the engine.
 */
class OwnershipEngineTest {

    @TempDir
    Path dir;

    private final String net = LedgerTestEngine.uniqueName("net");
    private final String box = LedgerTestEngine.uniqueName("box");
    private final List<Process> children = new ArrayList<>();
    private final List<ProcessHandle> orphans = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestMayHaveLeft() {
        children.forEach(Process::destroyForcibly);
        orphans.forEach(ProcessHandle::destroyForcibly);
        LedgerTestEngine.removeQuietly("rm", "-f", box);
        LedgerTestEngine.removeQuietly("network", "rm", net);
    }

    private Path lesson(String name, String... commands) throws Exception {
        StringBuilder md = new StringBuilder("# Ownership\n\n```console\n");
        for (String c : commands) {
            md.append("$ ").append(c).append('\n');
        }
        return Files.writeString(dir.resolve(name), md.append("```\n").toString());
    }

    private record Run(int code, String out, String err) {}

    private static Run check(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("check", "--isolation", "host"));
        all.addAll(List.of(args));
        int code = Main.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** `docproof check` in a process of its own, sharing this JVM's temp folder (run folders, name locks). */
    private Process checkElsewhere(Map<String, String> env, Path log, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", "--isolation", "host"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static boolean networkExists(String name) {
        return !docker("network", "ls", "-q", "--filter", "name=^" + name + "$").isEmpty();
    }

    private static boolean containerExists(String name) {
        return !docker("ps", "-aq", "--filter", "name=^" + name + "$").isEmpty();
    }

    @Test
    void aResourceAnotherProcessCreatesDuringAStepIsNeverTheLessonsNorRemoved() throws Exception {
        TestEngine.ready();
        String foreign = LedgerTestEngine.uniqueName("foreign");
        Path lesson = lesson("sleepy.md", "docker network create " + net, "sleep 4");
        CompletableFuture<Void> meanwhile = CompletableFuture.runAsync(() -> {
            try {
                await("the lesson's network", () -> networkExists(net));
                docker("run", "-d", "--name", foreign, "launchcodedevops/simple-http");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            Run run = check(lesson.toString());
            meanwhile.get(60, TimeUnit.SECONDS);

            assertThat(run.code()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains(net).doesNotContain(foreign);
            assertThat(docker("inspect", "-f", "{{.State.Running}}", foreign)).as("still running").isEqualTo("true");
            assertThat(networkExists(net)).as("the lesson's own leak is removed").isFalse();
        } finally {
            LedgerTestEngine.removeQuietly("rm", "-f", foreign);
        }
    }

    @Test
    void aPruneInTheLessonRemovesOnlyWhatTheRunMade() throws Exception {
        TestEngine.ready();
        String foreign = LedgerTestEngine.uniqueName("foreign");
        // Both carry this label, and the lesson prunes by it too: no other stopped container of this engine is at
        // risk should the run's own scope be missing.
        String probe = "dev.docproof.test.probe=" + foreign;
        docker("create", "--label", probe, "--name", foreign, "launchcodedevops/simple-http");
        try {
            Path lesson = lesson("prune.md", "docker create --label " + probe + " --name " + box
                    + " launchcodedevops/simple-http", "docker container prune -f --filter label=" + probe);

            Run run = check(lesson.toString());

            assertThat(run.code()).as(run.out() + run.err()).isZero();
            assertThat(docker("ps", "-a", "-q", "--filter", "name=^" + box + "$")).as("the lesson's own, pruned").isEmpty();
            assertThat(docker("inspect", "-f", "{{.Name}}", foreign)).as("another's, kept").isEqualTo("/" + foreign);
            assertThat(run.out()).doesNotContain("leaked");
        } finally {
            LedgerTestEngine.removeQuietly("rm", "-f", foreign);
        }
    }

    @Test
    void imagesTheLessonBuildsCommitsOrImportsAreItsLeaksAtTheirLinesAndRemovedWhileAnotherBuildOfTheSameFileIsNot()
            throws Exception {
        TestEngine.ready();
        String built = LedgerTestEngine.uniqueName("built");
        String committed = LedgerTestEngine.uniqueName("committed");
        String imported = LedgerTestEngine.uniqueName("imported");
        String foreign = LedgerTestEngine.uniqueName("foreign");
        Path context = Files.createDirectories(dir.resolve("context"));
        String dockerfile = "FROM launchcodedevops/simple-http\nLABEL lesson=built\n";
        Files.writeString(context.resolve("Dockerfile"), dockerfile);
        docker("build", "-q", "-t", foreign, context.toString());
        Path lesson = Files.writeString(dir.resolve("build.md"), "# Images\n\n```console\n"
                + "$ printf '" + dockerfile.replace("\n", "\\n") + "' > Dockerfile\n"
                + "$ docker build -q -t " + built + " -t " + built + "-too .\n"
                + "```\n\nBoth tags name the image:\n\n```console\n"
                + "$ docker image inspect -f '{{len .RepoTags}}' " + built + "\n2\n"
                + "$ docker create --name " + box + " " + built + "\n"
                + "$ docker commit -c 'ENV MADE=commit' " + box + " " + committed + "\n"
                + "$ docker export " + box + " | docker import - " + imported + "\n"
                + "$ docker rm " + box + "\n"
                + "$ docker image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' " + committed + "\n"
                + "...\nMADE=commit\n"
                + "```\n");
        try {
            Run run = check(lesson.toString());

            assertThat(run.code()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains(lesson + ":11: passed").contains(lesson + ":17: passed")
                    .containsPattern(lesson + ":5: leaked image " + built + "(-too)?:latest \\(removed after the lesson\\)")
                    .contains(lesson + ":14: leaked image " + committed + ":latest (removed after the lesson)")
                    .contains(lesson + ":15: leaked image " + imported + ":latest (removed after the lesson)")
                    .doesNotContain(foreign);
            assertThat(docker("images", "-q", built)).as("the lesson's images are removed").isEmpty();
            assertThat(docker("images", "-q", built + "-too")).isEmpty();
            assertThat(docker("images", "-q", committed)).isEmpty();
            assertThat(docker("images", "-q", imported)).isEmpty();
            assertThat(docker("images", "-q", foreign)).as("the same file built by someone else stays").isNotEmpty();
        } finally {
            LedgerTestEngine.removeQuietly("rmi", "-f", built, built + "-too", committed, imported, foreign);
        }
    }

    @Test
    void aLessonThatWouldTakeTheNameOfAnImageOnThisEngineIsRefusedBeforeItRunsAndTheImageKeepsIt() throws Exception {
        TestEngine.ready();
        String taken = LedgerTestEngine.uniqueName("taken");
        docker("tag", LedgerTestEngine.tinyImage(), taken);
        String id = docker("images", "-q", taken);
        try {
            Path lesson = lesson("rebuild.md", "printf 'FROM launchcodedevops/simple-http\\n' > Dockerfile",
                    "docker build -q -t " + taken + " .");

            Run run = check(lesson.toString());

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.out() + run.err()).contains(lesson + ":5: the lesson gives an image the name \"" + taken
                    + "\", but the engine already has an image of that name").contains("`docker rmi " + taken + "`");
            assertThat(docker("images", "-q", taken)).as("the name still names the image it named").isEqualTo(id);

            Path retag = lesson("retag.md", "docker tag launchcodedevops/simple-http " + taken);
            Run tagged = check(retag.toString());

            assertThat(tagged.code()).isEqualTo(2);
            assertThat(tagged.out() + tagged.err()).contains(retag + ":4: the lesson gives an image the name \"" + taken
                    + "\", but the engine already has an image of that name");
            assertThat(docker("images", "-q", taken)).as("a tag takes a name as a build does").isEqualTo(id);
        } finally {
            LedgerTestEngine.removeQuietly("rmi", taken);
        }
    }

    @Test
    void anImageTheLessonLoadsThatTheEngineLackedIsItsLeakAndRemovedAfterIt() throws Exception {
        TestEngine.ready();
        String loaded = LedgerTestEngine.uniqueName("loaded");
        Path context = Files.createDirectories(dir.resolve("loaded"));
        Files.writeString(context.resolve("Dockerfile"), "FROM launchcodedevops/simple-http\nLABEL loaded=" + loaded + "\n");
        docker("build", "-q", "-t", loaded, context.toString());
        Path tar = dir.resolve("loaded.tar");
        docker("save", "-o", tar.toString(), loaded);
        docker("rmi", loaded);
        try {
            Path lesson = lesson("load.md", "docker load -i " + tar);

            Run run = check(lesson.toString());

            assertThat(run.code()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains(lesson + ":4: leaked image " + loaded + ":latest (removed after the lesson)");
            assertThat(docker("images", "-q", loaded)).as("the image loaded").isEmpty();
            assertThat(docker("images", "-q", "launchcodedevops/simple-http")).as("the image it was built on").isNotEmpty();
        } finally {
            LedgerTestEngine.removeQuietly("rmi", loaded);
        }
    }

    @Test
    void aNameTheLessonGivesAnImageItDidNotMakeIsItsLeakTakenOffAfterItWhileTheImageStays() throws Exception {
        TestEngine.ready();
        String alias = LedgerTestEngine.uniqueName("alias");
        String id = docker("images", "-q", "launchcodedevops/simple-http");
        try {
            Path lesson = lesson("alias.md", "docker tag launchcodedevops/simple-http " + alias);

            Run run = check(lesson.toString());

            assertThat(run.code()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains(lesson + ":4: leaked image " + alias + ":latest (removed after the lesson)");
            assertThat(docker("images", "-q", alias)).as("the name the lesson gave").isEmpty();
            assertThat(docker("images", "-q", "launchcodedevops/simple-http")).as("the image it named").isEqualTo(id);
            assertThat(check(lesson.toString()).code()).as("so the lesson runs again").isZero();
        } finally {
            LedgerTestEngine.removeQuietly("rmi", alias);
        }
    }

    @Test
    void aSecondRunOfTheSameLessonIsRefusedByTheLockAndTouchesNothingOfTheFirst() throws Exception {
        TestEngine.ready();
        Path lesson = lesson("twice.md", "docker network create " + net, "sleep 6", "docker network rm " + net);
        Path log = dir.resolve("first.log");
        Process first = checkElsewhere(Map.of(), log, lesson.toString());
        await("the first run's network", () -> networkExists(net));

        Run second = check(lesson.toString());

        assertThat(second.code()).isEqualTo(2);
        assertThat(second.out() + second.err()).contains(lesson + ":4: the lesson creates the network \"" + net + "\"")
                .contains("another docproof run is using that name on the same engine now (pid " + first.pid())
                .contains("lesson " + lesson);
        assertThat(networkExists(net)).as("the first run's network is untouched").isTrue();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(Files.readString(log)).isZero();
        assertThat(networkExists(net)).isFalse();
    }

    @Test
    void aRunKilledWithSigkillIsRecoveredByTheNextWhichSaysWhatItRemoved() throws Exception {
        String image = LedgerTestEngine.tinyImage();
        String plain = LedgerTestEngine.uniqueName("plain");
        docker("network", "create", plain);
        try {
            Path killed = lesson("killed.md", "docker network create " + net, "docker create --name " + box + " " + image,
                    "sleep 300");
            Path again = lesson("again.md", "docker network create " + net, "docker create --name " + box + " " + image,
                    "docker rm " + box, "docker network rm " + net);
            Process first = checkElsewhere(Map.of(), dir.resolve("killed.log"), killed.toString());
            await("the killed run's container", () -> containerExists(box));
            await("the killed run's sleep", () -> first.descendants()
                    .anyMatch(p -> p.info().command().orElse("").endsWith("sleep")));
            orphans.addAll(first.descendants().toList());
            first.destroyForcibly(); // SIGKILL: no hook runs
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            orphans.forEach(ProcessHandle::destroyForcibly);
            assertThat(containerExists(box)).as("left behind by the killed run").isTrue();

            Run next = check(again.toString());

            assertThat(next.code()).as(next.out() + next.err()).isZero();
            assertThat(next.out()).contains("removed what an interrupted docproof run left (pid " + first.pid())
                    .contains("lesson " + killed).contains("container " + box).contains("network " + net)
                    .contains("folder ");
            assertThat(next.out()).doesNotContain("not created by this lesson");
            assertThat(networkExists(plain)).as("an unlabelled network is never touched").isTrue();
            try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.startsWith("docproof-run-") && Files.exists(Path.of(System.getProperty(
                                "java.io.tmpdir"), n, "owner.properties")) && readsPid(Path.of(System.getProperty(
                                "java.io.tmpdir"), n, "owner.properties"), first.pid()));
            }
        } finally {
            LedgerTestEngine.removeQuietly("network", "rm", plain);
        }
    }

    private static boolean readsPid(Path owner, long pid) {
        try {
            return Files.readString(owner).contains("dev.docproof.owner.pid=" + pid + "\n");
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void anEngineGoneMidRunIsExitTwoWithReportsAndItsContainerIsRecoveredOnceItIsBack() throws Exception {
        String image = LedgerTestEngine.tinyImage();
        Path gateDir = Files.createDirectory(dir.resolve("gate"));
        // The engine as the run sees it: a plain forwarder that the test can take away mid-run.
        EngineProxy gate = EngineProxy.start(gateDir, TestEngine.ready().uri(), Map.of(), true, EngineProxy.Recorder.NONE);
        Path lesson = lesson("gone.md", "docker create --name " + box + " " + image, "sleep 4");
        Path json = dir.resolve("gone.json");
        Path log = dir.resolve("gone.log");
        Process first = checkElsewhere(Map.of("DOCKER_HOST", gate.dockerHost()), log, lesson.toString(),
                "--json", json.toString());
        await("the container created just before the engine goes", () -> containerExists(box));
        gate.close();

        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(log);
        assertThat(first.exitValue()).as(said).isEqualTo(2);
        assertThat(said).contains("the Docker engine at " + gate.dockerHost() + " did not answer")
                .contains("container " + box + " (line 4)");
        assertThat(Files.readString(json)).contains(box);
        assertThat(containerExists(box)).as("nothing could remove it while the engine was gone").isTrue();

        Run next = check(lesson("other.md", "echo hi").toString());

        assertThat(next.code()).as(next.out() + next.err()).isZero();
        assertThat(next.out()).contains("removed what an interrupted docproof run left (pid " + first.pid())
                .contains("container " + box);
        assertThat(containerExists(box)).isFalse();
    }
}
