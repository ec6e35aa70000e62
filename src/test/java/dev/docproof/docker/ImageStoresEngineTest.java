package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** docproof's image stores on the real engine: which no run uses again, and removing only those, only docproof's. */
class ImageStoresEngineTest {

    /** An image id no engine has: a store holding it was made from an image since rebuilt. */
    private static final String GONE_IMAGE = "0123456789ab".repeat(5) + "cdef";

    private final DockerClient client = TestEngine.ready().client();
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> volumes = new ArrayList<>();
    private final List<String> containers = new ArrayList<>();

    @AfterEach
    void removeWhatTheTestMade() {
        containers.forEach(id -> client.removeContainerCmd(id).withForce(true).exec());
        for (String volume : volumes) {
            try {
                client.removeVolumeCmd(volume).exec();
            } catch (NotFoundException removedByTheTest) {
                // expected for the stores the test removed
            }
        }
    }

    /** A volume holding the image database of an engine into which {@code imageIds} were loaded. */
    private String volume(String name, boolean docproofs, String... imageIds) throws Exception {
        client.createVolumeCmd().withName(name).withLabels(docproofs ? Map.of(ImageStore.LABEL, "1") : Map.of("test", "1"))
                .exec();
        volumes.add(name);
        Path ids = Path.of(client.inspectVolumeCmd(name).exec().getMountpoint(), "image", "overlay2", "imagedb",
                "content", "sha256");
        Files.createDirectories(ids);
        for (String id : imageIds) {
            Files.writeString(ids.resolve(id), "{}");
        }
        return name;
    }

    private static String fullId(DockerClient client, String image) {
        return client.inspectImageCmd(image).exec().getId().substring("sha256:".length());
    }

    @Test
    void aStoreHoldingAnImageTheEngineNoLongerHasIsRemovedAndSaidSoWhileOneInUseAndAnUnlabelledVolumeStay()
            throws Exception {
        String http = fullId(client, "launchcodedevops/simple-http:latest");
        String outdated = volume("docproof-images-test-outdated-" + tag, true, http, GONE_IMAGE);
        String inUse = volume("docproof-images-test-in-use-" + tag, true, GONE_IMAGE);
        String notOurs = volume("docproof-images-test-not-ours-" + tag, false, GONE_IMAGE);
        String upToDate = volume("docproof-images-test-up-to-date-" + tag, true, http);
        containers.add(client.createContainerCmd(TestEngine.baseImage()).withCmd("true")
                .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(inUse, new Volume("/store"))))
                .exec().getId());

        List<ImageStores.Removal> removals = ImageStores.removeUnused(TestEngine.ready(), Optional.empty()).stream()
                .filter(r -> r.store().name().endsWith(tag)).toList();

        assertThat(removals).extracting(r -> r.store().name(), ImageStores.Removal::removed)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(outdated, true),
                        org.assertj.core.groups.Tuple.tuple(inUse, false));
        assertThat(removals).extracting(ImageStores.Removal::describe).containsExactlyInAnyOrder(
                "removed the sandboxes' unused image store " + outdated + " (holds 0123456789ab, which the engine no"
                        + " longer has under any name)",
                "left the unused image store " + inUse + " (holds 0123456789ab, which the engine no longer has under"
                        + " any name): a container mounts it (a run uses it now); a later `docproof engine` removes it");
        List<String> left = client.listVolumesCmd().exec().getVolumes().stream().map(v -> v.getName()).toList();
        assertThat(left).doesNotContain(outdated).contains(inUse, notOurs, upToDate);
    }

    @Test
    void withTheLessonsKnownOnlyTheirCurrentSetsStoreIsKeptAmongStoresOfImagesTheEngineStillHas() throws Exception {
        String http = fullId(client, "launchcodedevops/simple-http:latest");
        String otherSet = volume("docproof-images-test-other-set-" + tag, true, http);
        List<ImageStores.Found> found = ImageStores.list(TestEngine.ready(),
                Optional.of(List.of(dev.docproof.shell.ImageRef.parse("launchcodedevops/simple-client"))));
        String current = ImageStore.name(TestEngine.ready(), List.of(dev.docproof.shell.ImageRef.parse("launchcodedevops/simple-client")));

        assertThat(found).filteredOn(f -> f.name().equals(otherSet)).singleElement()
                .satisfies(f -> assertThat(f.unused()).isTrue())
                .satisfies(f -> assertThat(f.describe()).isEqualTo(otherSet + " (another image set than the lessons'"
                        + " current one)"));
        assertThat(found).filteredOn(f -> f.name().equals(current)).allSatisfy(f -> assertThat(f.unused()).isFalse());
        assertThat(ImageStores.list(TestEngine.ready(), Optional.empty())).filteredOn(f -> f.name().equals(otherSet))
                .singleElement().satisfies(f -> assertThat(f.unused()).as("lessons unknown: its images are current")
                        .isFalse());
    }
}
