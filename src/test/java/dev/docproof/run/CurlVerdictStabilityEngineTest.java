package dev.docproof.run;

import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.testsupport.EngineResources;
import dev.docproof.verify.MatchResult;
import dev.docproof.verify.Matcher;
import org.junit.jupiter.api.Test;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course lesson's curl step (line 241) on the real engine, 20 times: the same verdict every time.
 * The server runs on a network of its own with the alias {@code server}, so the lesson's command runs
 * as written except for the client's (unique) name, and is matched against the lesson's own sample.
 */
class CurlVerdictStabilityEngineTest {

    private static final Path LESSON = Path.of("content/docker-networking.rst");
    private static final int RUNS = 20;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void curlStepGivesTwentyIdenticalVerdictsAgainstTheLessonSample() throws Exception {
        Step curl = Planner.plan(LessonFiles.read(LESSON)).steps().stream()
                .filter(s -> s.line() == 241).findFirst().orElseThrow();
        assertThat(curl.kind()).isEqualTo(StepKind.RUN);
        assertThat(curl.command()).isEqualTo("docker exec client curl -v server:8080/message");
        assertThat(curl.sample().lines()).contains("* Connected to server (172.28.0.2) port 8080 (#0)");

        Path www = Files.createTempDirectory("docproof-test-perf-check-www-");
        try (EngineResources mine = EngineResources.forTest("perf-check")) {
            Files.writeString(www.resolve("message"), "using container aliases works!\n");
            String network = mine.network(mine.name("net"));
            docker("network", "create", network);
            String server = mine.container(mine.name("server"));
            docker("run", "-d", "--name", server, "--network", network, "--network-alias", "server",
                    "-v", www + "/:/var/www/:ro", "launchcodedevops/simple-http");
            String client = mine.container(mine.name("client"));
            docker("run", "-itd", "--name", client, "--network", network, "launchcodedevops/simple-client");
            awaitServer(client);

            String command = curl.command().replace("docker exec client ", "docker exec " + client + " ");
            List<StepResult> verdicts = new ArrayList<>();
            try (ShellSession session = ShellSession.start(www)) {
                for (int i = 0; i < RUNS; i++) {
                    ShellSession.Execution e = session.run(command, STEP_TIMEOUT);
                    assertThat(e.exitCode()).as("run %d: %s", i + 1, e.output().merged()).isZero();
                    MatchResult match = Matcher.match(curl.sample(), LESSON, e.output().merged(),
                            e.output().stdout(), e.output().stderr());
                    verdicts.add(Verdicts.result(curl, Verdicts.outcome(curl, e, match, STEP_TIMEOUT), e, List.of()));
                }
            }

            StepResult first = verdicts.get(0);
            assertThat(first.status()).as(first.outcome().describe()).isEqualTo(Status.PASSED);
            assertThat(first.match().outcome()).isEqualTo(MatchResult.Outcome.MATCHED);
            // The engine picks the server's address; only if it happens to be the lesson's is there no drift.
            String address = dockerOutput("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                    server).strip();
            assertThat(first.match().drift()).isEqualTo(address.equals("172.28.0.2") ? List.of()
                    : List.of("line 246: 172.28.0.2 → " + address));
            assertThat(first.match().abridged()).containsExactly(
                    "after line 250: 3 actual lines not shown in the sample (stderr, from \"{ [31 bytes data]\")");
            assertThat(first.match().diff()).isNull();
            for (int i = 1; i < RUNS; i++) {
                StepResult r = verdicts.get(i);
                assertThat(r.status()).as("run %d: %s\n%s", i + 1, r.match().diff(), r.output().merged())
                        .isEqualTo(first.status());
                assertThat(r.match()).as("run %d", i + 1).isEqualTo(first.match());
                assertThat(r.outcome()).as("run %d", i + 1).isEqualTo(first.outcome());
            }
        } finally {
            try (Stream<Path> files = Files.walk(www)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Polls until the server answers through the network alias, so the first run does not race its start. */
    private static void awaitServer(String client) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ProcessResult r;
        do {
            r = new ProcessExecutor("docker", "exec", client, "curl", "-sf", "--max-time", "2", "server:8080/message")
                    .readOutput(true).redirectErrorStream(true).timeout(10, TimeUnit.SECONDS).execute();
        } while (r.getExitValue() != 0 && System.nanoTime() < deadline);
        assertThat(r.getExitValue()).as("the server never answered: %s", r.outputUTF8()).isZero();
    }

    private static void docker(String... args) throws Exception {
        dockerOutput(args);
    }

    private static String dockerOutput(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        ProcessResult r = new ProcessExecutor(command).readOutput(true).redirectErrorStream(true)
                .timeout(60, TimeUnit.SECONDS).execute();
        assertThat(r.getExitValue()).as("%s: %s", command, r.outputUTF8()).isZero();
        return r.outputUTF8();
    }
}
