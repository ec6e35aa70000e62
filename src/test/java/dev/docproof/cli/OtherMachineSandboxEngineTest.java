package dev.docproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docproof.docker.Engine;
import dev.docproof.docker.SandboxImage;
import dev.docproof.shell.ImageRef;
import dev.docproof.testsupport.OtherMachineEngine;
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
 * Sandboxes on an engine of another machine (DOCKER_HOST=tcp://...), which shares no folder and no process with the
 * machine docproof runs on: docproof runs each lesson inside its sandbox there, with the verdicts a sandbox on this
 * machine's engine gives, and leaves nothing behind on either engine.
 */
class OtherMachineSandboxEngineTest {

    private static final Path LESSON = Path.of("content/docker-networking.rst");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static OtherMachineEngine other;

    @BeforeAll
    static void startTheOtherMachine() throws Exception {
        Engine local = TestEngine.sandboxesReady();
        List<ImageRef> images = new ArrayList<>(List.of(SandboxImage.REFERENCE, ImageRef.parse(TestEngine.baseImage())));
        images.addAll(TestEngine.LESSON_IMAGES);
        other = OtherMachineEngine.start(local, images);
    }

    @AfterAll
    static void stopTheOtherMachine() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void theLessonRunsInsideItsSandboxThereWithTheVerdictsOfASandboxHere() throws Exception {
        Path there = dir.resolve("there.json");
        Path here = dir.resolve("here.json");

        Run remote = docproof(Map.of("DOCKER_HOST", other.dockerHost()), "check", "--json", there.toString(), LESSON.toString());
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

    /** docproof in a process of its own, seeing {@code env} instead of this one's DOCKER_HOST. */
    private static Run docproof(Map<String, String> env, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "docproof-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeAll(List.of("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH"));
        builder.environment().putAll(Map.of("TESTCONTAINERS_RYUK_DISABLED", "true", "TESTCONTAINERS_CHECKS_DISABLE", "true"));
        builder.environment().putAll(env);
        Process process = builder.start();
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
