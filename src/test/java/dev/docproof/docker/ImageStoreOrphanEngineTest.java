package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.docproof.shell.ImageRef;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed with {@code kill -9} while it filled the sandboxes' image store leaves its filler running on the
 * half-filled store: the next run removes that filler, says so, and fills the store, instead of failing on a
 * volume in use; so it does when someone stopped that filler meanwhile, which then marked its store complete.
 */
class ImageStoreOrphanEngineTest {

    private Engine host;
    private DockerClient client;
    private ImageRef image;
    private String store;
    private Sandbox orphan;

    @BeforeEach
    void aKilledRunsFillerOnAStoreOfThisTestsOwn() throws Exception {
        TestEngine.sandboxesReady();
        host = TestEngine.ready();
        client = host.client();
        image = ownImage();
        store = ImageStore.name(host, List.of(image));
        orphan = orphanedFiller(store);
    }

    @AfterEach
    void removeAll() {
        if (orphan != null) {
            orphan.close();
        }
        if (store != null) {
            try {
                client.removeVolumeCmd(store).exec();
            } catch (NotFoundException gone) {
                // the test failed before the store was made
            }
        }
        if (image != null) {
            client.removeImageCmd(image.canonical()).withForce(true).exec();
        }
    }

    @Test
    void aStoreAKilledRunWasFillingIsTakenFromItsOrphanedFillerAndFilled() throws Exception {
        List<String> said = new ArrayList<>();

        assertThat(ImageStore.ensure(host, List.of(image), said::add)).isEqualTo(store);

        assertThat(said).anyMatch(line -> line.startsWith("removed the sandbox " + orphan.containerId().substring(0, 12))
                && line.endsWith("left by a run that ended without cleaning up"));
        assertThat(client.listContainersCmd().withShowAll(true).withIdFilter(List.of(orphan.containerId())).exec())
                .isEmpty();
        String mountpoint = client.inspectVolumeCmd(store).exec().getMountpoint();
        assertThat(Path.of(mountpoint, ".docproof-store-complete")).exists();
        assertThat(client.inspectVolumeCmd(store).exec().getLabels()).containsEntry(ImageStore.LABEL, "1");
    }

    @Test
    void aStoreWhoseOrphanedFillerSomeoneElseStoppedIsFilledAgain() throws Exception {
        // Its run died before loading any image; then `docker stop` (or the engine shutting down) ends it cleanly.
        client.stopContainerCmd(orphan.containerId()).withTimeout(30).exec();
        String mountpoint = client.inspectVolumeCmd(store).exec().getMountpoint();
        assertThat(Path.of(mountpoint, ".docproof-store-complete")).as("the stopped filler marked its store").exists();
        List<String> said = new ArrayList<>();

        assertThat(ImageStore.ensure(host, List.of(image), said::add)).isEqualTo(store);

        assertThat(said).contains("loading the lesson images into the sandboxes' image store " + store + " (once)");
        String filled = client.inspectVolumeCmd(store).exec().getMountpoint();
        assertThat(Path.of(filled, ImageStore.LOADED)).exists();
    }

    /** An image of this test's own, so that its store (named by the images' ids) is this test's alone. */
    private static ImageRef ownImage() throws Exception {
        ImageRef image = ImageRef.parse("docproof-test-store-orphan-" + UUID.randomUUID().toString().substring(0, 8) + ":1");
        importImage(image, UUID.randomUUID().toString());
        return image;
    }

    /** A filler of {@code store} as a run that has ended since left it: running, its owner gone. */
    private static Sandbox orphanedFiller(String store) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        RunOwner self = RunOwner.of("image store " + store);
        RunOwner dead = new RunOwner("deadrun-" + UUID.randomUUID(), ended.pid(), self.processStarted(), self.host(),
                self.started(), "image store " + store);
        return Sandbox.start(new Sandbox.Spec(SandboxLabels.Kind.IMAGE_STORE, dead, store, 0));
    }

    /** A one-file image made with {@code docker import}, whose id no other image shares. */
    private static void importImage(ImageRef image, String content) throws Exception {
        Path root = Files.createTempDirectory("docproof-test-store-orphan-");
        try {
            Files.writeString(root.resolve("marker.txt"), content);
            Process docker = new ProcessBuilder("bash", "-c", "tar -C \"$0\" -c . | docker import - \"$1\"",
                    root.toString(), image.canonical()).redirectErrorStream(true).start();
            String output = new String(docker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(docker.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(docker.exitValue()).as(output).isZero();
        } finally {
            Files.deleteIfExists(root.resolve("marker.txt"));
            Files.deleteIfExists(root);
        }
    }
}
