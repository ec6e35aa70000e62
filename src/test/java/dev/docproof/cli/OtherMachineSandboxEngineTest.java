package dev.docproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.docker.Engine;
import dev.docproof.docker.OtherMachineEngine;
import dev.docproof.docker.SandboxImage;
import dev.docproof.shell.ImageRef;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sandboxes on an engine of another machine (DOCKER_HOST=tcp://..., spoken to with TLS both ways: DOCKER_TLS_VERIFY,
 * DOCKER_CERT_PATH), which shares no folder and no process with the machine docproof runs on: docproof runs each
 * lesson inside its sandbox there, with the verdicts a sandbox on this machine's engine gives, and leaves nothing
 * behind on either engine.
 */
class OtherMachineSandboxEngineTest {

    private static final Path LESSON = Path.of("content/docker-networking.rst");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Outside the lessons' folder, which each lesson's sandbox gets a copy of. */
    private static final Path LOGS = Path.of("target", "other-machine-logs");

    @TempDir
    static Path dir;

    private static OtherMachineEngine other;
    private static Path certs;

    @BeforeAll
    static void startTheOtherMachine() throws Exception {
        Engine local = TestEngine.sandboxesReady();
        List<ImageRef> images = new ArrayList<>(List.of(SandboxImage.REFERENCE, ImageRef.parse(TestEngine.baseImage())));
        images.addAll(TestEngine.LESSON_IMAGES);
        certs = Files.createTempDirectory("docproof-client-certs-"); // not among the lessons, copied into sandboxes
        other = OtherMachineEngine.start(local, images, certs);
    }

    @AfterAll
    static void stopTheOtherMachine() throws Exception {
        if (other != null) {
            other.close();
        }
        if (certs != null) {
            try (var files = Files.walk(certs)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void theLessonRunsInsideItsSandboxThereWithTheVerdictsOfASandboxHere() throws Exception {
        Path there = dir.resolve("there.json");
        Path here = dir.resolve("here.json");

        Run remote = docproof(other.environment(), "check", "--json", there.toString(), LESSON.toString());
        Run local = docproof(Map.of(), "check", "--json", here.toString(), LESSON.toString());

        assertThat(remote.output()).contains("the engine runs on another machine (" + other.dockerHost() + ")",
                "content/docker-networking.rst:262: repaired docker network remove",
                "16 runnable: 1 passed, 14 ran, 1 repaired, 0 failed; 10 not run; 2 leaks");
        assertThat(remote.code()).as(remote.output()).isEqualTo(local.code()).isZero();
        assertThat(verdicts(there)).isEqualTo(verdicts(here)).hasSize(26);
        assertThat(leaks(there)).isEqualTo(leaks(here)).containsExactly("221 container client", "152 network my-network");
        // Nothing of the lesson's, nor any sandbox, is left there; nothing of the lesson reached this machine.
        assertThat(other.engine().client().listContainersCmd().withShowAll(true).exec()).isEmpty();
        assertThat(other.engine().client().listNetworksCmd().exec()).extracting(n -> n.getName())
                .doesNotContain("networking-test", "my-network");
        assertThat(TestEngine.ready().client().listNetworksCmd().exec()).extracting(n -> n.getName())
                .doesNotContain("networking-test", "my-network");
        assertThat(Path.of("/tmp/networking-test")).doesNotExist();
    }

    @Test
    void docproofRefusesToRunAsInsideASandboxOnAMachineThatIsNone() throws Exception {
        Run run = docproof(Map.of(), "check", "--isolation", "inside", LESSON.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.output()).contains("--isolation inside is docproof's own", "this machine is no sandbox",
                "choose --isolation sandbox or host");
    }

    /**
     * docproof inside keeps out of the lesson's way, as on this machine's sandboxes: no `java` for the lesson, and a
     * `pkill -f java` that leaves docproof running.
     */
    @Test
    void docproofInsideIsNotPartOfTheLessonsMachine() throws Exception {
        Path lesson = Files.writeString(dir.resolve("machine.md"), String.join("\n", "# The machine", "", "```console",
                "$ command -v java || echo no java", "no java",
                "$ pkill -f java; echo pkill-done", "pkill-done", "```", ""));

        Run remote = docproof(other.environment(), "check", lesson.toString());
        Run local = docproof(Map.of(), "check", lesson.toString());

        assertThat(remote.code()).as(remote.output()).isZero();
        assertThat(remote.output()).contains("2 runnable: 2 passed");
        assertThat(local.output()).as(local.output()).contains("2 runnable: 2 passed");
    }

    /**
     * Ctrl-C reaches the docproof inside the lesson's sandbox: it stops the running step and still writes its results,
     * which the report here holds (the step before it ran, the step itself interrupted); the sandbox is removed.
     */
    @Test
    void aSignalStopsTheLessonInsideAndItsResultsStillComeBack() throws Exception {
        Path lesson = lesson("interrupted.md");
        Path json = dir.resolve("interrupted.json");
        Process docproof = start(other.environment(), "check", "--json", json.toString(), lesson.toString());
        try {
            awaitInASandbox("sleep 300");
            new ProcessBuilder("kill", "-INT", String.valueOf(docproof.pid())).inheritIO().start().waitFor();

            assertThat(docproof.waitFor(2, TimeUnit.MINUTES)).isTrue();
        } finally {
            docproof.destroyForcibly().waitFor();
        }
        assertThat(docproof.exitValue()).isEqualTo(130);
        assertThat(verdicts(json)).hasSize(2).first().isEqualTo("4 passed 0");
        JsonNode interrupted = JSON.readTree(json.toFile()).path("lessons").get(0).path("steps").get(1);
        assertThat(interrupted.path("line").asInt()).isEqualTo(6);
        assertThat(interrupted.path("outcome").path("kind").asText()).isEqualTo("interrupted");
        assertThat(sandboxesThere()).isEmpty();
    }

    /** A run killed with `kill -9` leaves its sandbox there; the next run removes it, says so, and runs the lesson. */
    @Test
    void theNextRunRemovesTheSandboxOfARunKilledThere() throws Exception {
        Path lesson = lesson("killed.md");
        Process docproof = start(other.environment(), "check", lesson.toString());
        String left;
        try {
            left = awaitInASandbox("sleep 300");
        } finally {
            docproof.destroyForcibly().waitFor();
        }
        assertThat(sandboxesThere()).contains(left);

        Path quick = Files.writeString(dir.resolve("quick.md"), "# Quick\n\n```console\n$ echo after\nafter\n```\n");
        Run next = docproof(other.environment(), "check", quick.toString());

        assertThat(next.code()).as(next.output()).isZero();
        assertThat(next.output()).contains("removed the sandbox " + left.substring(0, 12), "left by a run that ended without"
                + " cleaning up", "1 runnable: 1 passed");
        assertThat(sandboxesThere()).isEmpty();
    }

    private static Path lesson(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "# Waiting\n\n```console\n$ echo before\nbefore\n$ sleep 300\n```\n");
    }

    /** The id of the sandbox there in which {@code command} runs, once it does. */
    private static String awaitInASandbox(String command) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            // running ones only: a sandbox started ahead may be created and not started yet
            for (var sandbox : other.engine().client().listContainersCmd()
                    .withLabelFilter(List.of("dev.docproof.sandbox")).exec()) {
                try {
                    var exec = other.engine().client().execCreateCmd(sandbox.getId()).withCmd("pgrep", "-f", "-x", command)
                            .exec();
                    other.engine().client().execStartCmd(exec.getId()).start().awaitCompletion(10, TimeUnit.SECONDS);
                    Long code = other.engine().client().inspectExecCmd(exec.getId()).exec().getExitCodeLong();
                    if (code != null && code == 0) {
                        return sandbox.getId();
                    }
                } catch (com.github.dockerjava.api.exception.ConflictException stoppedMeanwhile) {
                    // not this one
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no sandbox there ran `" + command + "` within 3 minutes");
    }

    private static List<String> sandboxesThere() {
        return other.engine().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of("dev.docproof.sandbox")).exec().stream().map(c -> c.getId()).toList();
    }

    /** Each step's line, status and exit code, in order. */
    private static List<String> verdicts(Path results) throws Exception {
        List<String> verdicts = new ArrayList<>();
        for (JsonNode step : JSON.readTree(results.toFile()).path("lessons").get(0).path("steps")) {
            verdicts.add(step.path("line").asInt() + " " + step.path("status").asText() + " " + step.path("exitCode"));
        }
        return verdicts;
    }

    private static List<String> leaks(Path results) throws Exception {
        List<String> leaks = new ArrayList<>();
        for (JsonNode leak : JSON.readTree(results.toFile()).path("lessons").get(0).path("leaks")) {
            leaks.add(leak.path("line").asInt() + " " + leak.path("kind").asText() + " " + leak.path("name").asText());
        }
        return leaks;
    }

    private record Run(int code, String output) {}

    /** docproof in a process of its own, seeing {@code env} instead of this one's DOCKER_HOST; its output is in LOGS. */
    private static Process start(Map<String, String> env, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createDirectories(LOGS).resolve(String.join("-", args).replaceAll("[^\\w.-]", "_") + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeAll(List.of("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH"));
        builder.environment().putAll(Map.of("TESTCONTAINERS_RYUK_DISABLED", "true", "TESTCONTAINERS_CHECKS_DISABLE", "true"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** {@link #start}, waited for. */
    private static Run docproof(Map<String, String> env, String... args) throws Exception {
        Process process = start(env, args);
        Path log = LOGS.resolve(String.join("-", args).replaceAll("[^\\w.-]", "_") + ".log");
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                throw new AssertionError("docproof " + List.of(args) + " did not end within 10 minutes:\n" + Files.readString(log));
            }
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(log));
    }
}
