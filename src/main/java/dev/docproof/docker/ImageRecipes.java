package dev.docproof.docker;

import dev.docproof.shell.ImageRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the image recipes under a folder such as {@code content/images} and fingerprints them. */
public final class ImageRecipes {

    /** Where recipes live, relative to the project root. */
    public static final Path DEFAULT_ROOT = Path.of("content", "images");

    private final List<ImageRecipe> recipes;

    private ImageRecipes(List<ImageRecipe> recipes) {
        this.recipes = List.copyOf(recipes);
    }

    /** A fixed set of recipes, e.g. none, or ones a test made. */
    public static ImageRecipes of(List<ImageRecipe> recipes) {
        return new ImageRecipes(recipes);
    }

    /** Every folder under {@code root} holding a Dockerfile is a recipe; a missing root holds none. */
    public static ImageRecipes discover(Path root) throws IOException {
        List<ImageRecipe> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> dockerfiles = Files.walk(root)) {
                for (Path dockerfile : dockerfiles.filter(p -> p.getFileName().toString().equals("Dockerfile"))
                        .filter(Files::isRegularFile).sorted().toList()) {
                    Path folder = dockerfile.getParent();
                    if (folder.equals(root) || insideAnother(folder, root)) {
                        continue; // A Dockerfile nested in a recipe is one of that recipe's files.
                    }
                    String repository = root.relativize(folder).toString().replace('\\', '/');
                    found.add(new ImageRecipe(new ImageRef(repository, "latest", ""), folder, sha256(folder)));
                }
            }
        }
        return new ImageRecipes(found);
    }

    public List<ImageRecipe> all() {
        return recipes;
    }

    public Optional<ImageRecipe> forImage(ImageRef image) {
        return recipes.stream().filter(r -> r.image().equals(image)).findFirst();
    }

    private static boolean insideAnother(Path folder, Path root) {
        for (Path p = folder.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("Dockerfile"))) {
                return true;
            }
        }
        return false;
    }

    /** sha256 over each file's relative path, executable bit and bytes, in path order. */
    public static String sha256(Path folder) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                digest.update((relative + "\0" + (Files.isExecutable(file) ? "x" : "-") + "\0")
                        .getBytes(StandardCharsets.UTF_8));
                byte[] bytes = Files.readAllBytes(file);
                digest.update((bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
