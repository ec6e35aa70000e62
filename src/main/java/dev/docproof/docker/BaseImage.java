package dev.docproof.docker;

import dev.docproof.shell.ImageRef;
import com.github.dockerjava.api.DockerClient;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The base of the lesson images, made offline from Debian's packages: a debootstrap root file system
 * turned into an image. Its tag is a version: change {@link #DEBOOTSTRAP} and bump the tag, and the
 * recipes that name it change too, so they are rebuilt.
 */
final class BaseImage {

    static final ImageRef REFERENCE = new ImageRef("docproof/bookworm-minbase", "1", "");
    static final List<String> DEBOOTSTRAP = List.of("--variant=minbase", "--include=python3,curl,ca-certificates",
            "bookworm");
    /**
     * The root file system enters the engine through a build ({@code ADD} unpacks a local tar) rather
     * than an import, because docker-java's import command sends a body this engine cannot read.
     */
    private static final String DOCKERFILE = """
            FROM scratch
            ADD rootfs.tar /
            CMD ["bash"]
            """;
    private static final Duration DEBOOTSTRAP_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration FILES_TIMEOUT = Duration.ofMinutes(5);

    private BaseImage() {}

    static void build(DockerClient client, Path workDir, Consumer<String> progress) throws EngineException {
        if (Host.program("debootstrap").isEmpty()) {
            Apt.install(List.of("debootstrap"), workDir, progress);
        }
        String debootstrap = Host.program("debootstrap").orElseThrow(() -> new EngineException(
                "debootstrap was installed but is not on PATH; see " + workDir.resolve("apt.log"))).toString();
        Path scratch = workDir.toAbsolutePath().resolve("base-image-" + UUID.randomUUID());
        Path rootfs = scratch.resolve("rootfs");
        Path rootfsTar = scratch.resolve("rootfs.tar");
        Path context = scratch.resolve("context.tar");
        Path log = workDir.resolve("debootstrap.log");
        try {
            progress.accept("making the base image " + REFERENCE + " from Debian packages: debootstrap "
                    + String.join(" ", DEBOOTSTRAP) + " (about a minute; log: " + log + ")");
            List<String> command = new ArrayList<>(List.of(debootstrap));
            command.addAll(DEBOOTSTRAP);
            command.add(rootfs.toString());
            Processes.run(command, Map.of(), DEBOOTSTRAP_TIMEOUT, log);
            // Package lists and downloaded archives are not needed inside the image.
            Processes.run(List.of("bash", "-c", "rm -rf \"$0\"/var/lib/apt/lists/* \"$0\"/var/cache/apt/archives/*.deb",
                    rootfs.toString()), Map.of(), FILES_TIMEOUT, log);
            // tar, not Java: the tree holds device nodes, ownerships and links that must survive as they are.
            Processes.run(List.of("tar", "-C", rootfs.toString(), "--numeric-owner", "-cf", rootfsTar.toString(), "."),
                    Map.of(), FILES_TIMEOUT, log);
            writeContext(context, rootfsTar);
            progress.accept("turning the root file system into " + REFERENCE);
            try (InputStream in = Files.newInputStream(context)) {
                ImageProvisioner.build(client, in, REFERENCE,
                        ImageProvisioner.labels(REFERENCE, "debootstrap " + String.join(" ", DEBOOTSTRAP)),
                        progress, "from Debian packages failed", "See " + log + ", then run: ./docproof engine");
            } catch (IOException e) {
                throw new EngineException("Could not read " + context + ": " + e.getMessage());
            }
        } finally {
            // Only what this method created. --one-file-system: never follow into a /proc left mounted.
            try {
                Processes.run(List.of("rm", "-rf", "--one-file-system", scratch.toString()), Map.of(), FILES_TIMEOUT,
                        log);
            } catch (EngineException e) {
                progress.accept("could not remove " + scratch + ": " + e.getMessage());
            }
        }
    }

    /** A build context holding the Dockerfile above and the root file system tar. */
    private static void writeContext(Path context, Path rootfsTar) throws EngineException {
        try (OutputStream file = Files.newOutputStream(context);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            byte[] dockerfile = DOCKERFILE.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            entry.setSize(dockerfile.length);
            tar.putArchiveEntry(entry);
            tar.write(dockerfile);
            tar.closeArchiveEntry();
            tar.putArchiveEntry(new TarArchiveEntry(rootfsTar.toFile(), "rootfs.tar"));
            Files.copy(rootfsTar, tar);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new EngineException("Could not write the build context " + context + ": " + e.getMessage());
        }
    }
}
