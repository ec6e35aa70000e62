package dev.docproof.docker;

import dev.docproof.shell.ImageRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImageRecipesTest {

    @TempDir
    Path root;

    private Path recipe(String repository, String dockerfile) throws IOException {
        Path folder = Files.createDirectories(root.resolve(repository));
        Files.writeString(folder.resolve("Dockerfile"), dockerfile);
        return folder;
    }

    @Test
    void aFoldersPathBelowTheRootIsTheImageRepositoryTaggedLatest() throws IOException {
        recipe("launchcodedevops/simple-http", "FROM base\n");
        recipe("tool", "FROM base\n");
        Files.createDirectories(root.resolve("empty/folder"));

        assertThat(ImageRecipes.discover(root).all()).extracting(r -> r.image().canonical())
                .containsExactly("launchcodedevops/simple-http:latest", "tool:latest");
        assertThat(ImageRecipes.discover(root).forImage(ImageRef.parse("tool"))).get()
                .extracting(ImageRecipe::folder).isEqualTo(root.resolve("tool"));
        assertThat(ImageRecipes.discover(root).forImage(ImageRef.parse("tool:2"))).isEmpty();
    }

    @Test
    void aDockerfileInsideARecipeIsOneOfItsFilesNotAnotherRecipe() throws IOException {
        Path outer = recipe("app", "FROM base\n");
        Files.createDirectories(outer.resolve("sub"));
        Files.writeString(outer.resolve("sub/Dockerfile"), "FROM other\n");

        assertThat(ImageRecipes.discover(root).all()).extracting(r -> r.image().canonical())
                .containsExactly("app:latest");
    }

    @Test
    void aMissingRootHoldsNoRecipes() throws IOException {
        assertThat(ImageRecipes.discover(root.resolve("absent")).all()).isEmpty();
    }

    @Test
    void theRecipeHashFollowsContentNamesAndExecutableBitsOnly() throws IOException {
        Path folder = recipe("app", "FROM base\nCOPY run.sh /\n");
        Files.writeString(folder.resolve("run.sh"), "echo hi\n");
        String first = ImageRecipes.sha256(folder);

        assertThat(ImageRecipes.sha256(folder)).isEqualTo(first).hasSize(64);
        Files.setLastModifiedTime(folder.resolve("run.sh"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(ImageRecipes.sha256(folder)).as("timestamps do not count").isEqualTo(first);

        assertThat(folder.resolve("run.sh").toFile().setExecutable(true)).isTrue();
        String executable = ImageRecipes.sha256(folder);
        assertThat(executable).isNotEqualTo(first);

        Files.writeString(folder.resolve("run.sh"), "echo ho\n");
        assertThat(ImageRecipes.sha256(folder)).isNotIn(first, executable);

        Files.move(folder.resolve("run.sh"), folder.resolve("start.sh"));
        assertThat(ImageRecipes.sha256(folder)).isNotIn(first, executable);
    }

    @Test
    void theLessonImagesHaveRecipesInContent() throws IOException, EngineException {
        assertThat(ImageRecipes.discover(ImageRecipes.DEFAULT_ROOT).all()).extracting(r -> r.image().canonical())
                .contains("launchcodedevops/simple-client:latest", "launchcodedevops/simple-http:latest");
        for (ImageRecipe recipe : ImageRecipes.discover(ImageRecipes.DEFAULT_ROOT).all()) {
            assertThat(ImageProvisioner.parents(recipe)).as(recipe.folder() + " builds on the offline base")
                    .isEqualTo(List.of(BaseImage.REFERENCE));
        }
    }
}
