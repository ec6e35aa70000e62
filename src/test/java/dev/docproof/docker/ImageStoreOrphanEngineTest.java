package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.docproof.shell.ImageRef;
import dev.docproof.testsupport.TestEngine;
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
 * volume in use.
 */
class ImageStoreOrphanEngineTest {

    @Test
    void aStoreAKilledRunWasFillingIsTakenFromItsOrphanedFillerAndFilled() throws Exception {
        TestEngine.sandboxesReady();
        Engine host = TestEngine.ready();
        DockerClient client = host.client();
        // An image of this test's own, so that its store (named by the images' ids) is this test's alone.
        ImageRef image = ImageRef.parse("docproof-test-store-orphan-" + UUID.randomUUID().toString().substring(0, 8) + ":1");
        importImage(image, UUID.randomUUID().toString());
        String store = ImageStore.name(host, List.of(image));
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        RunOwner self = RunOwner.of("image store " + store);
        RunOwner dead = new RunOwner("deadrun-" + UUID.randomUUID(), ended.pid(), self.processStarted(), self.host(),
                self.started(), "image store " + store);
        Sandbox orphan = Sandbox.start(new Sandbox.Spec(SandboxLabels.Kind.IMAGE_STORE, dead, store, 0));
        try {
            List<String> said = new ArrayList<>();

            assertThat(ImageStore.ensure(host, List.of(image), said::add)).isEqualTo(store);

            assertThat(said).anyMatch(line -> line.startsWith("removed the sandbox " + orphan.containerId().substring(0, 12))
                    && line.endsWith("left by a run that ended without cleaning up"));
            assertThat(client.listContainersCmd().withShowAll(true).withIdFilter(List.of(orphan.containerId())).exec())
                    .isEmpty();
            String mountpoint = client.inspectVolumeCmd(store).exec().getMountpoint();
            assertThat(Path.of(mountpoint, ".docproof-store-complete")).exists();
            assertThat(client.inspectVolumeCmd(store).exec().getLabels()).containsEntry(ImageStore.LABEL, "1");
        } finally {
            orphan.close();
            try {
                client.removeVolumeCmd(store).exec();
            } catch (NotFoundException gone) {
                // the test failed before the store was made
            }
            client.removeImageCmd(image.canonical()).withForce(true).exec();
        }
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
