package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Image;
import dev.docproof.shell.ImageRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * docproof's image stores ({@link ImageStore}) on an engine, and which of them no run will mount again: a
 * store is named after the ids of the images it holds, so once one of those images is rebuilt (its name
 * now gives another id) or removed, no run asks for that store any more. Only volumes carrying docproof's
 * image-store label are ever looked at or removed.
 */
public final class ImageStores {

    /** Where a store keeps the ids of the images loaded into it (the inner engine's image database). */
    private static final Path IMAGE_IDS = Path.of("image", "overlay2", "imagedb", "content", "sha256");

    /**
     * One image store.
     *
     * @param outdated the images it holds (short ids) that the engine no longer has under any name
     * @param current  whether it is the store of the lessons' current image set (false when that set is unknown)
     * @param other    whether it holds another image set than the lessons' current one (false when that is unknown)
     */
    public record Found(String name, List<String> outdated, boolean current, boolean other) {

        /** Neither the current image set's nor of one the engine still has: no run will mount it again. */
        public boolean unused() {
            return !current && (!outdated.isEmpty() || other);
        }

        /** e.g. "docproof-images-1a2b (holds 18aebc917668, which the engine no longer has under any name)". */
        public String describe() {
            return name + (outdated.isEmpty() ? " (another image set than the lessons' current one)"
                    : " (holds " + String.join(", ", outdated) + ", which the engine no longer "
                    + (outdated.size() == 1 ? "has" : "have") + " under any name)");
        }
    }

    /** What became of one unused store: removed, or left because a container mounts it. */
    public record Removal(Found store, boolean removed, String problem) {

        public String describe() {
            return removed ? "removed the sandboxes' unused image store " + store.describe()
                    : "left the unused image store " + store.describe() + ": " + problem;
        }
    }

    private ImageStores() {}

    /**
     * Every docproof image store on the engine, with whether a run can still use it; {@code lessonImages}: the
     * images the lessons run (those the engine has go into the current store), or empty when the lessons are unknown.
     */
    public static List<Found> list(Engine engine, Optional<List<ImageRef>> lessonImages) {
        DockerClient client = engine.client();
        Optional<String> current = lessonImages.filter(images -> !images.isEmpty())
                .map(images -> ImageStore.name(engine, images));
        Set<String> named = client.listImagesCmd().exec().stream()
                .filter(i -> i.getRepoTags() != null && Arrays.stream(i.getRepoTags()).anyMatch(t -> !t.startsWith("<none>")))
                .map(Image::getId).map(ImageStores::shortId).collect(Collectors.toSet());
        var volumes = client.listVolumesCmd().withFilter("label", List.of(ImageStore.LABEL)).exec().getVolumes();
        return (volumes == null ? List.<InspectVolumeResponse>of() : volumes).stream()
                .map(v -> found(v, named, current)).sorted(Comparator.comparing(Found::name)).toList();
    }

    private static Found found(InspectVolumeResponse volume, Set<String> named, Optional<String> current) {
        List<String> outdated = imagesIn(volume).map(ids -> ids.stream().filter(id -> !named.contains(id)).toList())
                .orElse(List.of()); // unreadable here (an engine on another machine): judged by its name alone
        String name = volume.getName();
        return new Found(name, outdated, current.filter(name::equals).isPresent(),
                current.filter(c -> !c.equals(name)).isPresent());
    }

    /** The short ids of the images in the store, read where the engine keeps the volume on this machine. */
    private static Optional<List<String>> imagesIn(InspectVolumeResponse volume) {
        if (volume.getMountpoint() == null) {
            return Optional.empty();
        }
        Path root = Path.of(volume.getMountpoint());
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        Path ids = root.resolve(IMAGE_IDS);
        if (!Files.isDirectory(ids)) {
            return Optional.of(List.of()); // nothing loaded yet: a store being filled, or whose filling died
        }
        try (Stream<Path> files = Files.list(ids)) {
            return Optional.of(files.map(f -> f.getFileName().toString()).map(ImageStores::shortId).sorted().toList());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes the stores no run of these lessons will use again (see {@link #list}), and says what became of
     * each; a store a container mounts (a run using it now) is left, saying so.
     */
    public static List<Removal> removeUnused(Engine engine, Optional<List<ImageRef>> lessonImages) {
        return list(engine, lessonImages).stream().filter(Found::unused).map(store -> remove(engine.client(), store))
                .toList();
    }

    private static Removal remove(DockerClient client, Found store) {
        try {
            client.removeVolumeCmd(store.name()).exec();
            return new Removal(store, true, null);
        } catch (NotFoundException goneMeanwhile) {
            return new Removal(store, true, null);
        } catch (ConflictException inUse) {
            return new Removal(store, false, "a container mounts it (a run uses it now); a later `docproof engine`"
                    + " removes it");
        }
    }

    static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
