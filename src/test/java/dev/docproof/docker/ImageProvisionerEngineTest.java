package dev.docproof.docker;

import dev.docproof.shell.ImageRef;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.docproof.testsupport.EngineResources;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Provisioning on the real engine, with fixture recipes under unique names on top of the base image. */
class ImageProvisionerEngineTest {

    @TempDir
    Path images;

    @Test
    void buildsAMissingImageOnceAndRebuildsOnlyWhenItsRecipeChanges() throws Exception {
        Engine engine = TestEngine.ready();
        try (EngineResources mine = EngineResources.forTest("foundation")) {
            ImageRef image = ImageRef.parse(mine.name("fixture"));
            Path recipe = writeRecipe(image, "first\n");
            mine.image(image.canonical());
            List<String> progress = new ArrayList<>();
            ImageProvisioner provisioner = provisioner(engine, progress);

            assertThat(provisioner.state(image)).isEqualTo(ImageProvisioner.State.BUILDABLE);
            assertThat(provisioner.ensure(List.of(image)))
                    .containsExactly(new ImageProvisioner.Provisioned(image, ImageProvisioner.Outcome.BUILT));
            String firstId = mine.image(imageId(engine, image));
            assertThat(label(engine, image)).isEqualTo(ImageRecipes.sha256(recipe));
            assertThat(progress).anyMatch(line -> line.startsWith("building " + image));

            progress.clear();
            assertThat(provisioner(engine, progress).ensure(List.of(image)))
                    .containsExactly(new ImageProvisioner.Provisioned(image, ImageProvisioner.Outcome.PRESENT));
            assertThat(imageId(engine, image)).isEqualTo(firstId);
            assertThat(progress).noneMatch(line -> line.startsWith("building"));

            Files.writeString(recipe.resolve("hello.txt"), "second\n");
            ImageProvisioner changed = provisioner(engine, progress);
            assertThat(changed.state(image)).isEqualTo(ImageProvisioner.State.STALE);
            assertThat(changed.ensure(List.of(image)))
                    .containsExactly(new ImageProvisioner.Provisioned(image, ImageProvisioner.Outcome.REBUILT));
            assertThat(mine.image(imageId(engine, image))).isNotEqualTo(firstId);
            assertThat(label(engine, image)).isEqualTo(ImageRecipes.sha256(recipe));
        }
    }

    @Test
    void anImagePresentWithoutTheRecipeLabelIsUsedAsItIs() throws Exception {
        Engine engine = TestEngine.ready();
        try (EngineResources mine = EngineResources.forTest("foundation")) {
            ImageRef image = ImageRef.parse(mine.name("pulled"));
            mine.image(image.canonical());
            buildUnlabelled(engine.client(), image); // as if pulled from a registry
            String id = imageId(engine, image);
            writeRecipe(image, "a recipe that differs from the image\n");

            ImageProvisioner provisioner = provisioner(engine, new ArrayList<>());
            assertThat(provisioner.state(image)).isEqualTo(ImageProvisioner.State.PRESENT);
            assertThat(provisioner.ensure(List.of(image)))
                    .containsExactly(new ImageProvisioner.Provisioned(image, ImageProvisioner.Outcome.PRESENT));
            assertThat(imageId(engine, image)).isEqualTo(id);
        }
    }

    @Test
    void aMissingImageWithoutRecipeFailsWithTheFixAndIsNeverPulled() throws Exception {
        Engine engine = TestEngine.ready();
        ImageRef image = ImageRef.parse("docproof-test-foundation-absent-" + System.nanoTime());
        ImageProvisioner provisioner = provisioner(engine, new ArrayList<>());

        assertThat(provisioner.state(image)).isEqualTo(ImageProvisioner.State.MISSING);
        long started = System.nanoTime();
        assertThatThrownBy(() -> provisioner.ensure(List.of(image)))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("is not in the engine and content/images has no recipe")
                .hasMessageContaining("content/images/" + image.repository() + "/");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(5);
    }

    @Test
    void recipesThatBuildOnEachOtherInACircleAreRefusedBeforeAnyBuild() throws Exception {
        Engine engine = TestEngine.ready();
        String prefix = "docproof-test-foundation-circle-" + System.nanoTime();
        for (String[] pair : new String[][] {{"a", "b"}, {"b", "a"}}) {
            Path recipe = Files.createDirectories(images.resolve(prefix + "-" + pair[0]));
            Files.writeString(recipe.resolve("Dockerfile"), "FROM " + prefix + "-" + pair[1] + "\n");
        }
        List<String> progress = new ArrayList<>();
        assertThatThrownBy(() -> provisioner(engine, progress).ensure(List.of(ImageRef.parse(prefix + "-a"))))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("build on each other in a circle at " + prefix + "-a:latest");
        assertThat(progress).isEmpty();
    }

    private ImageProvisioner provisioner(Engine engine, List<String> progress) throws IOException {
        return new ImageProvisioner(engine, ImageRecipes.discover(images), Path.of("target"), progress::add);
    }

    private Path writeRecipe(ImageRef image, String hello) throws IOException {
        Path recipe = Files.createDirectories(images.resolve(image.repository()));
        Files.writeString(recipe.resolve("Dockerfile"),
                "FROM " + TestEngine.baseImage() + "\nCOPY hello.txt /hello.txt\n");
        Files.writeString(recipe.resolve("hello.txt"), hello);
        return recipe;
    }

    private static String imageId(Engine engine, ImageRef image) {
        return engine.client().inspectImageCmd(image.canonical()).exec().getId();
    }

    private static String label(Engine engine, ImageRef image) {
        return engine.client().inspectImageCmd(image.canonical()).exec().getConfig().getLabels()
                .get(ImageProvisioner.RECIPE_LABEL);
    }

    private static void buildUnlabelled(DockerClient client, ImageRef image) throws Exception {
        Path context = Files.createTempDirectory("docproof-test-foundation-context");
        try {
            Files.writeString(context.resolve("Dockerfile"), "FROM " + TestEngine.baseImage() + "\nENV ORIGIN=elsewhere\n");
            client.buildImageCmd()
                    .withTarInputStream(new ByteArrayInputStream(ImageProvisioner.tar(context)))
                    .withTags(Set.of(image.canonical())).withPull(false)
                    .exec(new BuildImageResultCallback()).awaitImageId(60, TimeUnit.SECONDS);
        } finally {
            try (var files = Files.walk(context)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
