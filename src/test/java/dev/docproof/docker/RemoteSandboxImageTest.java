package dev.docproof.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/** The recipe of the sandbox image that runs docproof itself: the running docproof's classes, in their order. */
class RemoteSandboxImageTest {

    @TempDir
    Path dir;

    @Test
    void theClassPathTakesInTheJarsAJarsManifestNamesRelativeOrWhole() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path picocli = jar(lib.resolve("picocli.jar"), null);
        Path elsewhere = jar(Files.createDirectories(dir.resolve("m2")).resolve("jackson.jar"), null);
        Path docproof = jar(dir.resolve("docproof.jar"), "lib/picocli.jar " + elsewhere.toUri() + " lib/absent.jar");
        Path classes = Files.createDirectories(dir.resolve("classes"));

        List<Path> classpath = RemoteSandboxImage.classpath(docproof + ":" + classes + ":" + picocli);

        assertThat(classpath).containsExactly(docproof, picocli, elsewhere, classes);
    }

    @Test
    void theRecipeHoldsEachEntryInOrderAndTheCommandNamesThemSoAndChangesWithThem() throws IOException {
        Path first = jar(dir.resolve("docproof.jar"), null);
        Path classes = Files.createDirectories(dir.resolve("classes/dev/docproof"));
        Files.writeString(classes.resolve("Main.class"), "bytes");
        Path one = Files.createDirectories(dir.resolve("one"));
        Path two = Files.createDirectories(dir.resolve("two"));

        ImageRecipe recipe = RemoteSandboxImage.writeRecipe(one, "sha256:abc", List.of(first, dir.resolve("classes")));

        assertThat(Files.readString(one.resolve("Dockerfile"))).startsWith("# built on sha256:abc\n")
                .contains("FROM docproof/sandbox:latest", "openjdk-17-jre-headless", "COPY docproof/ /opt/docproof/");
        assertThat(one.resolve("docproof/lib/000.jar")).hasSameBinaryContentAs(first);
        assertThat(one.resolve("docproof/lib/001/dev/docproof/Main.class")).hasContent("bytes");
        // Nothing in the command line says "java": a lesson's `pkill -f java` leaves docproof inside alone.
        assertThat(Files.readString(one.resolve("docproof/docproof")).lines().filter(l -> l.startsWith("exec")))
                .containsExactly("exec /usr/local/lib/docproof/docproof-jvm @/opt/docproof/arguments \"$@\"");
        assertThat(Files.readAllLines(one.resolve("docproof/arguments"))).contains("-Djava.io.tmpdir=/run/docproof-tmp")
                .containsSubsequence("-cp", "/opt/docproof/lib/000.jar:/opt/docproof/lib/001", "dev.docproof.cli.Main");
        assertThat(Files.isExecutable(one.resolve("docproof/docproof"))).isTrue();

        Files.writeString(classes.resolve("Main.class"), "other bytes");
        assertThat(RemoteSandboxImage.writeRecipe(two, "sha256:abc", List.of(first, dir.resolve("classes"))).sha256())
                .isNotEqualTo(recipe.sha256());
    }

    private static Path jar(Path file, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
