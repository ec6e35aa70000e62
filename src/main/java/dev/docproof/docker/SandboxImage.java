package dev.docproof.docker;

import dev.docproof.shell.ImageRef;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The image every sandbox runs: docproof's base with bash, coreutils, curl and Debian's Docker engine
 * and CLI. Its recipe ships inside docproof ({@code dev/docproof/docker/sandbox/}); it is built offline
 * on first use and rebuilt when the recipe changes, like the lesson images.
 */
public final class SandboxImage {

    public static final ImageRef REFERENCE = new ImageRef("docproof/sandbox", "latest", "");
    /** The recipe's files, with whether each must be executable. */
    private static final List<String> FILES = List.of("Dockerfile", "sandbox-init", "docker-service", "systemctl");

    private SandboxImage() {}

    /** Builds the sandbox image (its base first) unless the engine has it from the current recipe. */
    public static void ensure(Engine engine, Path workDir, Consumer<String> progress) throws EngineException {
        Path folder = null;
        try {
            Files.createDirectories(workDir);
            folder = Files.createTempDirectory(workDir.toAbsolutePath(), "sandbox-recipe-");
            ImageRecipe recipe = writeRecipe(folder);
            new ImageProvisioner(engine, ImageRecipes.of(List.of(recipe)), workDir, progress).ensure(List.of(REFERENCE));
        } catch (IOException e) {
            throw new EngineException("cannot write the sandbox image's recipe into " + workDir + ": " + e.getMessage());
        } finally {
            if (folder != null) {
                for (String name : FILES) {
                    folder.resolve(name).toFile().delete();
                }
                folder.toFile().delete();
            }
        }
    }

    /** The recipe as a folder, as content/images would hold it. */
    static ImageRecipe writeRecipe(Path folder) throws IOException {
        for (String name : FILES) {
            Path file = folder.resolve(name);
            try (InputStream in = Objects.requireNonNull(SandboxImage.class.getResourceAsStream("sandbox/" + name),
                    "docproof's jar lacks the sandbox recipe file " + name)) {
                Files.copy(in, file);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                    name.equals("Dockerfile") ? "rw-r--r--" : "rwxr-xr-x"));
        }
        return new ImageRecipe(REFERENCE, folder, ImageRecipes.sha256(folder));
    }
}
