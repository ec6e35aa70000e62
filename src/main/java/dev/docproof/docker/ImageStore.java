package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.docproof.shell.ImageRef;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lesson images, ready for every sandbox: a volume holding a stopped engine's storage into which
 * the images were loaded once. A sandbox mounts it read-only and shares its image layers through links
 * instead of loading the images again (measured: a sandbox with both lesson images answers as fast as
 * an empty one, where {@code docker save | docker load} costs 5 s or more per sandbox). The volume's name
 * is derived from the images' ids, so a rebuilt image makes a new store.
 */
final class ImageStore {

    static final String LABEL = "dev.docproof.image-store";
    /** Written by the filler's engine once it stopped cleanly, whatever stopped it (see sandbox-init). */
    private static final String COMPLETE = ".docproof-store-complete";
    /**
     * Written by the run that loaded every image, after that clean stop: a filler left by a killed run and stopped by
     * anyone else (`docker stop`, an engine shutting down) marks its store complete with part of the images.
     */
    static final String LOADED = ".docproof-images-loaded";
    /** How the store is laid out (see sandbox-init): part of its name, so a store of another layout is never used. */
    private static final String FORMAT = "layout 3: a template for each sandbox, sealed by the run that loaded it";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "docproof-image-store.lock");

    private ImageStore() {}

    /** The store volume holding {@code images} (as the host engine has them), filled first when needed. */
    static String ensure(Engine host, List<ImageRef> images, Consumer<String> progress)
            throws EngineException {
        String name = name(host, images);
        if (complete(host, name)) {
            return name;
        }
        synchronized (ImageStore.class) {
            try (FileChannel channel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!complete(host, name)) {
                    fill(host, name, images, progress);
                }
            } catch (IOException e) {
                throw new EngineException("cannot take the image store lock " + LOCK_FILE + ": " + e.getMessage());
            }
        }
        return name;
    }

    /** The store's name for {@code images}: derived from their ids, so a rebuilt image makes a new store. */
    static String name(Engine host, List<ImageRef> images) {
        List<String> ids = new ArrayList<>(images.stream().map(i -> imageId(host, i)).sorted().distinct().toList());
        ids.add(FORMAT);
        return "docproof-images-" + digest(ids).substring(0, 16);
    }

    private static void fill(Engine host, String name, List<ImageRef> images, Consumer<String> progress) throws EngineException {
        DockerClient client = host.client();
        // A store left half-filled by a run that died; its filler may still hold it.
        for (SandboxReaper.Found filler : SandboxReaper.reapUsing(client, name)) {
            progress.accept("removed the " + filler.describe() + ", left by a run that ended without cleaning up");
        }
        try {
            removeIfPresent(client, name);
        } catch (ConflictException inUse) {
            throw new EngineException("the sandboxes' image store " + name + " is half-filled and still in use ("
                    + inUse.getMessage().strip() + "): a docproof run on another machine may be filling it; when none"
                    + " is, remove the container named there, then run docproof again");
        }
        client.createVolumeCmd().withName(name).withLabels(Map.of(LABEL, "1")).exec();
        progress.accept("loading the lesson images into the sandboxes' image store " + name + " (once)");
        boolean filled = false;
        Sandbox.Spec spec = new Sandbox.Spec(SandboxLabels.Kind.IMAGE_STORE, RunOwner.of("image store " + name), name, 0);
        try (SandboxContainer filler = host.onThisMachine() ? Sandbox.start(spec) : RemoteSandbox.start(spec)) {
            for (ImageRef image : images) {
                // an image takes as long as it takes to save: no deadline on the engine's answer
                try (InputStream saved = host.patientClient().saveImageCmd(image.canonical()).exec()) {
                    filler.loadImage(saved);
                } catch (IOException | RuntimeException e) {
                    throw new EngineException("could not load " + image + " into the sandboxes' image store: "
                            + Engine.rootMessage(e));
                }
            }
            // The engine inside marks the store complete once it has shut down cleanly.
            filler.stopGracefully(STOP_TIMEOUT);
            filled = sealed(host, name);
            if (!filled) {
                throw new EngineException("the sandboxes' image store " + name + " was not completed; the filler's"
                        + " log ends with:\n" + filler.logs());
            }
        } finally {
            if (!filled) {
                removeIfPresent(client, name);
            }
        }
    }

    /**
     * Whether the volume exists, its filler finished and the run that filled it loaded every image; read where the
     * engine keeps it on this machine, or asked of a container on an engine elsewhere.
     */
    private static boolean complete(Engine host, String name) throws EngineException {
        if (!host.onThisMachine()) {
            return exists(host.client(), name) && StoreProbe.succeeds(host, name, true,
                    "test -f /store/" + COMPLETE + " && test -f /store/" + LOADED);
        }
        return mountpoint(host.client(), name)
                .filter(m -> Files.exists(m.resolve(COMPLETE)) && Files.exists(m.resolve(LOADED))).isPresent();
    }

    /** After every image was loaded and the filler stopped: seals the store when its engine marked it complete. */
    private static boolean sealed(Engine host, String name) throws EngineException {
        if (!host.onThisMachine()) {
            return StoreProbe.succeeds(host, name, false, "test -f /store/" + COMPLETE + " && touch /store/" + LOADED);
        }
        Optional<Path> mountpoint = mountpoint(host.client(), name).filter(m -> Files.exists(m.resolve(COMPLETE)));
        if (mountpoint.isEmpty()) {
            return false;
        }
        try {
            Files.writeString(mountpoint.get().resolve(LOADED), "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException("cannot seal the sandboxes' image store " + name + " (" + mountpoint.get() + "): "
                    + e.getMessage());
        }
        return true;
    }

    private static Optional<Path> mountpoint(DockerClient client, String name) {
        try {
            InspectVolumeResponse volume = client.inspectVolumeCmd(name).exec();
            return Optional.ofNullable(volume.getMountpoint()).map(Path::of);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean exists(DockerClient client, String name) {
        try {
            client.inspectVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void removeIfPresent(DockerClient client, String name) {
        try {
            client.removeVolumeCmd(name).exec();
        } catch (NotFoundException gone) {
            // nothing to remove
        }
    }

    private static String imageId(Engine host, ImageRef image) {
        return host.image(image.canonical()).map(Engine.ImageFacts::id)
                .orElseThrow(() -> new NotFoundException("the engine has no image " + image));
    }

    static String digest(List<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("\n", ids).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
