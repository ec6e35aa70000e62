package dev.docproof.docker;

import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.ResourceKind;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.docproof.docker.LedgerTestEngine.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The ledger fed by the lesson's engine proxy, on the real engine, with the docker CLI as a lesson runs it. */
class LedgerEngineTest {

    @TempDir
    Path tmp;

    private final List<String[]> cleanups = new ArrayList<>();
    private LessonEngine owned;

    @BeforeEach
    void openTheLessonsEngine() throws Exception {
        owned = LessonEngine.open(TestEngine.ready(), "ledger-test.md", List.of(), tmp, tmp.resolve("locks"));
    }

    @AfterEach
    void removeWhatTheTestCreated() {
        owned.close();
        cleanups.forEach(LedgerTestEngine::removeQuietly);
    }

    private String network(String name) {
        cleanups.add(new String[] {"network", "rm", name});
        return name;
    }

    private String volume(String name) {
        cleanups.add(new String[] {"volume", "rm", "-f", name});
        return name;
    }

    private String container(String name) {
        cleanups.add(0, new String[] {"rm", "-f", name});
        return name;
    }

    /** The docker CLI as the lesson's shell runs it: through the lesson's proxy. */
    private String lesson(String... args) throws Exception {
        return lessonWithInput(null, args);
    }

    private String lessonWithInput(byte[] input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        ProcessExecutor exec = new ProcessExecutor(command).environment("DOCKER_HOST", owned.dockerHost())
                .readOutput(true).timeout(60, TimeUnit.SECONDS);
        if (input != null) {
            exec.redirectInput(new ByteArrayInputStream(input));
        }
        ProcessResult r = exec.execute();
        assertThat(r.getExitValue()).as(String.join(" ", command) + " said: " + r.outputUTF8()).isZero();
        return r.outputUTF8();
    }

    private Map<String, String> labelsOf(String... inspect) {
        String json = docker(inspect);
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get(0);
            var labels = node.has("Config") ? node.path("Config").path("Labels") : node.path("Labels");
            Map<String, String> out = new java.util.HashMap<>();
            labels.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        } catch (Exception e) {
            throw new AssertionError("cannot read " + json, e);
        }
    }

    @Test
    void attributesEachResourceToTheStepThatCreatedOrRemovedIt() throws Exception {
        String image = LedgerTestEngine.tinyImage();
        String net = network(LedgerTestEngine.uniqueName("net"));
        String vol = volume(LedgerTestEngine.uniqueName("vol"));
        String box = container(LedgerTestEngine.uniqueName("box"));
        Ledger ledger = owned.ledger();
        ledger.begin();

        ledger.stepStarted(10, "First");
        lesson("network", "create", net);
        ledger.stepStarted(20, "Second");
        lesson("volume", "create", vol);
        lesson("create", "--name", box, "--network", net, image);
        ledger.stepStarted(30, "Third");
        lesson("volume", "rm", vol);

        assertThat(ledger.entries()).extracting(e -> e.resource().kind(), e -> e.resource().name(),
                        LedgerEntry::createdAtLine, LedgerEntry::createdInSection, LedgerEntry::removedAtLine)
                .containsExactly(
                        tuple(ResourceKind.NETWORK, net, 10, "First", 0),
                        tuple(ResourceKind.VOLUME, vol, 20, "Second", 30),
                        tuple(ResourceKind.CONTAINER, box, 20, "Second", 0));
    }

    @Test
    void aVolumeStaysTheStepsThatCreatedItWhenLaterContainersMountIt() throws Exception {
        String image = LedgerTestEngine.tinyImage();
        String vol = volume(LedgerTestEngine.uniqueName("vol"));
        String first = container(LedgerTestEngine.uniqueName("box"));
        String second = container(LedgerTestEngine.uniqueName("box"));
        Ledger ledger = owned.ledger();
        ledger.begin();

        ledger.stepStarted(8, "Create");
        lesson("volume", "create", vol);
        ledger.stepStarted(21, "Use");
        lesson("create", "--name", first, "-v", vol + ":/data", image);
        ledger.stepStarted(22, "Use");
        lesson("create", "--name", second, "-v", vol + ":/data", image);

        assertThat(ledger.entries()).filteredOn(e -> e.resource().kind() == ResourceKind.VOLUME)
                .extracting(e -> e.resource().name(), LedgerEntry::createdAtLine)
                .containsExactly(tuple(vol, 8));
    }

    @Test
    void everythingTheLessonCreatesCarriesTheRunsLabelsAnImageBuiltToo() throws Exception {
        String image = LedgerTestEngine.tinyImage();
        String net = network(LedgerTestEngine.uniqueName("net"));
        String vol = volume(LedgerTestEngine.uniqueName("vol"));
        String mounted = volume(LedgerTestEngine.uniqueName("mounted"));
        String box = container(LedgerTestEngine.uniqueName("box"));
        String built = LedgerTestEngine.uniqueName("built") + ":1";
        cleanups.add(new String[] {"rmi", "-f", built});
        Path context = Files.createDirectories(tmp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + image + "\nLABEL mine=kept\n");
        owned.ledger().stepStarted(5, "");

        lesson("network", "create", net);
        lesson("volume", "create", vol);
        lesson("create", "--name", box, "-v", mounted + ":/data", image);
        lesson("build", "-q", "-t", built, context.toString());

        String run = owned.owner().runId();
        assertThat(labelsOf("network", "inspect", net)).containsEntry(RunOwner.RUN, run);
        assertThat(labelsOf("volume", "inspect", vol)).containsEntry(RunOwner.RUN, run);
        assertThat(labelsOf("volume", "inspect", mounted)).as("a named volume the engine would have made unlabelled")
                .containsEntry(RunOwner.RUN, run);
        assertThat(labelsOf("container", "inspect", box)).containsEntry(RunOwner.RUN, run)
                .containsEntry(RunOwner.PID, Long.toString(ProcessHandle.current().pid()))
                .containsEntry(RunOwner.LESSON, "ledger-test.md");
        assertThat(labelsOf("image", "inspect", built)).containsEntry(RunOwner.RUN, run).containsEntry("mine", "kept");
        assertThat(owned.ledger().entries()).extracting(e -> e.resource().name())
                .containsExactlyInAnyOrder(net, vol, mounted, box);
    }

    @Test
    void autoRemovedContainerCountsAsRemovedByTheStepThatStoppedIt() throws Exception {
        TestEngine.ready();
        String server = container(LedgerTestEngine.uniqueName("server"));
        Ledger ledger = owned.ledger();

        ledger.stepStarted(10, "Run");
        lesson("run", "-d", "--rm", "--name", server, "launchcodedevops/simple-http");
        ledger.stepStarted(20, "Stop");
        lesson("stop", server);
        ledger.stepStarted(30, "Later");
        lesson("network", "ls");

        assertThat(ledger.entries()).extracting(LedgerEntry::createdAtLine, LedgerEntry::removedAtLine)
                .containsExactly(tuple(10, 20));
        assertThat(owned.removeLeftBehind()).as("stopped, so removed by the engine: no leak").isEmpty();
    }

    @Test
    void removesWhatTheLessonLeftAndNeverWhatExistedBeforeOrCameFromElsewhereMeanwhile() throws Exception {
        String image = LedgerTestEngine.tinyImage();
        String before = network(LedgerTestEngine.uniqueName("before"));
        String foreign = container(LedgerTestEngine.uniqueName("foreign"));
        String net = network(LedgerTestEngine.uniqueName("net"));
        String box = container(LedgerTestEngine.uniqueName("box"));
        String vol = volume(LedgerTestEngine.uniqueName("vol"));
        docker("network", "create", before);
        Ledger ledger = owned.ledger();
        ledger.begin();

        ledger.stepStarted(7, "");
        lesson("network", "create", net);
        docker("create", "--name", foreign, image); // another user of the engine, during the step
        lesson("create", "--name", box, "--network", net, image);
        lesson("volume", "create", vol);

        List<Ledger.Removal> removals = owned.removeLeftBehind();

        assertThat(removals).extracting(r -> r.entry().resource().kind(), r -> r.entry().resource().name(),
                        r -> r.entry().createdAtLine(), Ledger.Removal::removed)
                .containsExactly(
                        tuple(ResourceKind.CONTAINER, box, 7, true),
                        tuple(ResourceKind.NETWORK, net, 7, true),
                        tuple(ResourceKind.VOLUME, vol, 7, true));
        assertThat(docker("ps", "-a", "--format", "{{.Names}}").lines()).contains(foreign).doesNotContain(box);
        assertThat(docker("network", "ls", "--format", "{{.Name}}").lines()).contains(before).doesNotContain(net);
        assertThat(ledger.entries()).extracting(e -> e.resource().name()).doesNotContain(foreign, before);
    }

    @Test
    void aNetworkTheLessonConnectedAnotherContainerToIsRemovedWithThatContainerTakenOffItAndKept() throws Exception {
        String image = LedgerTestEngine.tinyImage();
        String foreign = container(LedgerTestEngine.uniqueName("foreign"));
        String running = container(LedgerTestEngine.uniqueName("running"));
        String net = network(LedgerTestEngine.uniqueName("net"));
        docker("create", "--name", foreign, image);
        docker("run", "-d", "--name", running, "launchcodedevops/simple-http");
        owned.ledger().begin();

        owned.ledger().stepStarted(9, "");
        lesson("network", "create", net);
        lesson("network", "connect", net, foreign);
        lesson("network", "connect", net, running);

        assertThat(owned.removeLeftBehind()).extracting(r -> r.entry().resource().name(), Ledger.Removal::removed)
                .containsExactly(tuple(net, true));
        assertThat(docker("network", "ls", "-q", "--filter", "name=^" + net + "$")).isEmpty();
        for (String other : List.of(foreign, running)) {
            assertThat(docker("inspect", "-f", "{{range $n, $e := .NetworkSettings.Networks}}{{$n}} {{end}}", other))
                    .as("the other container stays, off the lesson's network").doesNotContain(net);
        }
        assertThat(docker("inspect", "-f", "{{.State.Running}}", running)).isEqualTo("true");
    }

    @Test
    void aPreExistingResourceTheLessonRemovesIsRecordedButNotCountedAsTheLessons() throws Exception {
        String before = network(LedgerTestEngine.uniqueName("before"));
        docker("network", "create", before);
        Ledger ledger = owned.ledger();

        ledger.stepStarted(12, "Clean up");
        lesson("network", "rm", before);

        assertThat(ledger.entries()).singleElement().satisfies(e -> {
            assertThat(e.resource().name()).isEqualTo(before);
            assertThat(e.preExisting()).isTrue();
            assertThat(e.removedAtLine()).isEqualTo(12);
        });
        assertThat(owned.removeLeftBehind()).isEmpty();
    }

    @Test
    void streamsPassThroughByteForByteBothWays() throws Exception {
        TestEngine.ready();
        String client = container(LedgerTestEngine.uniqueName("client"));
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);

        // attach with stdin (hijacked connection), the client half-closing at the end of its input
        byte[] echoed = new ProcessExecutor("docker", "run", "--rm", "-i", "launchcodedevops/simple-client", "cat")
                .environment("DOCKER_HOST", owned.dockerHost()).redirectInput(new ByteArrayInputStream(data))
                .readOutput(true).timeout(60, TimeUnit.SECONDS).execute().output();
        assertThat(echoed).isEqualTo(data);

        lesson("run", "-d", "--name", client, "launchcodedevops/simple-client", "sh", "-c",
                "for i in 1 2 3; do echo line $i; sleep 0.3; done; sleep 600");
        byte[] viaExec = new ProcessExecutor("docker", "exec", "-i", client, "sh", "-c", "cat; echo end")
                .environment("DOCKER_HOST", owned.dockerHost()).redirectInput(new ByteArrayInputStream(data))
                .readOutput(true).timeout(60, TimeUnit.SECONDS).execute().output();
        byte[] expected = new byte[data.length + 4];
        System.arraycopy(data, 0, expected, 0, data.length);
        System.arraycopy("end\n".getBytes(), 0, expected, data.length, 4);
        assertThat(viaExec).isEqualTo(expected);

        // a followed log arrives while the container still writes it
        String followed = new ProcessExecutor("timeout", "3", "docker", "logs", "-f", client)
                .environment("DOCKER_HOST", owned.dockerHost()).readOutput(true).timeout(60, TimeUnit.SECONDS)
                .execute().outputUTF8();
        assertThat(followed.lines()).containsExactly("line 1", "line 2", "line 3");
    }

    @Test
    void aNameTheLessonWillCreateThatAlreadyExistsIsAClashWithTheFix() throws Exception {
        String taken = network(LedgerTestEngine.uniqueName("taken"));
        String free = LedgerTestEngine.uniqueName("free");
        docker("network", "create", taken);

        List<Ledger.Clash> clashes = Ledger.clashes(List.of(
                new Ledger.Clash(ResourceKind.NETWORK, taken, 194),
                new Ledger.Clash(ResourceKind.NETWORK, free, 200),
                new Ledger.Clash(ResourceKind.CONTAINER, taken, 211)), owned.ledger().begin());

        assertThat(clashes).containsExactly(new Ledger.Clash(ResourceKind.NETWORK, taken, 194));
        assertThat(clashes.get(0).message())
                .contains("network \"" + taken + "\"")
                .contains("not created by this lesson")
                .contains("`docker network rm " + taken + "`");
    }
}
