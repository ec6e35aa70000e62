package dev.docproof.docker;

import dev.docproof.shell.Resource;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.docproof.docker.LedgerTestEngine.docker;
import static org.assertj.core.api.Assertions.assertThat;

/** Recovery after a killed run, on the real engine: by the owner its labels name, never by name or age. */
class LeftoversEngineTest {

    @TempDir
    Path tmp;

    private final List<String[]> cleanups = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestCreated() {
        cleanups.forEach(LedgerTestEngine::removeQuietly);
    }

    /** An owner whose process has ended: a real process, started and waited for. */
    private static RunOwner deadOwner(String lesson) throws Exception {
        Process p = new ProcessBuilder("sleep", "0.5").start();
        Instant start = p.toHandle().info().startInstant().orElseThrow().truncatedTo(ChronoUnit.SECONDS);
        p.waitFor();
        return new RunOwner("dead-" + p.pid() + "-" + System.nanoTime(), p.pid(), start, RunOwner.hostName(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), lesson);
    }

    private String network(String name, Map<String, String> labels) {
        List<String> args = new ArrayList<>(List.of("network", "create"));
        labels.forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
        args.add(name);
        cleanups.add(new String[] {"network", "rm", name});
        docker(args.toArray(String[]::new));
        return name;
    }

    private String container(String name, Map<String, String> labels) {
        List<String> args = new ArrayList<>(List.of("create", "--name", name));
        labels.forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
        args.add(LedgerTestEngine.tinyImage());
        cleanups.add(0, new String[] {"rm", "-f", name});
        docker(args.toArray(String[]::new));
        return name;
    }

    /** An image built with these labels, as a run's proxy labels a build; its name as the engine lists it. */
    private String image(String name, Map<String, String> labels) throws Exception {
        Path context = Files.createDirectories(tmp.resolve("context-" + name));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + LedgerTestEngine.tinyImage() + "\nLABEL image=" + name + "\n");
        List<String> args = new ArrayList<>(List.of("build", "-q", "-t", name));
        labels.forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
        args.add(context.toString());
        cleanups.add(new String[] {"rmi", "-f", name});
        docker(args.toArray(String[]::new));
        return name + ":latest";
    }

    @Test
    void aDeadRunsResourcesAndFoldersGoAndNothingElseIsTouched() throws Exception {
        Engine engine = TestEngine.ready();
        RunOwner dead = deadOwner("content/killed.rst");
        RunOwner live = RunOwner.of("content/running.rst");
        RunOwner elsewhere = new RunOwner("remote-" + System.nanoTime(), dead.pid(), dead.processStarted(),
                "another-machine", dead.started(), "content/remote.rst");
        String deadBox = container(LedgerTestEngine.uniqueName("dead"), dead.labels());
        String deadNet = network(LedgerTestEngine.uniqueName("dead"), dead.labels());
        String liveNet = network(LedgerTestEngine.uniqueName("live"), live.labels());
        String remoteNet = network(LedgerTestEngine.uniqueName("remote"), elsewhere.labels());
        String plainNet = network(LedgerTestEngine.uniqueName("plain"), Map.of());
        String deadImage = image(LedgerTestEngine.uniqueName("dead"), dead.labels());
        String liveImage = image(LedgerTestEngine.uniqueName("live"), live.labels());
        RunFolder deadFolder = RunFolder.create(tmp, dead);
        Path lessonDir = Files.createDirectory(tmp.resolve("docproof-lesson-x"));
        Files.writeString(lessonDir.resolve("notes"), "left by the killed run");
        deadFolder.register(lessonDir);
        Path notDocproofs = Files.createDirectory(tmp.resolve("precious"));
        deadFolder.register(notDocproofs);
        RunFolder liveFolder = RunFolder.create(tmp, live);

        // What doctor lists: found, and nothing removed yet.
        Leftovers.Left found = Leftovers.find(engine.client(), engine.uri().toString(), tmp).stream()
                .filter(l -> l.owner().runId().equals(dead.runId())).findFirst().orElseThrow();
        assertThat(found.resources()).extracting(Resource::name).containsExactly(deadBox, deadNet, deadImage);
        assertThat(found.describe()).contains("lesson content/killed.rst: container " + deadBox).contains("folder " + lessonDir);
        assertThat(docker("ps", "-a", "--format", "{{.Names}}").lines()).contains(deadBox);
        assertThat(lessonDir).exists();

        List<Leftovers.Recovered> recovered = Leftovers.recover(engine.client(), engine.uri().toString(), tmp);

        Leftovers.Recovered mine = recovered.stream().filter(r -> r.owner().runId().equals(dead.runId()))
                .findFirst().orElseThrow();
        assertThat(mine.removed()).extracting(Resource::name).containsExactly(deadBox, deadNet, deadImage);
        assertThat(mine.folders()).containsExactly(lessonDir);
        assertThat(mine.describe()).contains("pid " + dead.pid()).contains("lesson content/killed.rst")
                .contains("container " + deadBox).contains("network " + deadNet).contains("folder " + lessonDir);
        assertThat(recovered).extracting(r -> r.owner().runId()).doesNotContain(live.runId(), elsewhere.runId());
        assertThat(Files.exists(lessonDir)).isFalse();
        assertThat(Files.exists(deadFolder.path())).isFalse();
        assertThat(Files.exists(notDocproofs)).as("only docproof's own folders are removed").isTrue();
        assertThat(Files.exists(liveFolder.path())).isTrue();
        assertThat(docker("ps", "-a", "--format", "{{.Names}}").lines()).doesNotContain(deadBox);
        assertThat(docker("network", "ls", "--format", "{{.Name}}").lines())
                .contains(liveNet, remoteNet, plainNet).doesNotContain(deadNet);
        assertThat(docker("images", "--format", "{{.Repository}}:{{.Tag}}").lines())
                .contains(liveImage).doesNotContain(deadImage);
        liveFolder.close();
    }
}
