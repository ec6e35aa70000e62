package dev.docproof.docker;

import dev.docproof.shell.ImageRef;
import java.nio.file.Path;

/**
 * A folder under {@code content/images} that builds one image: a Dockerfile and the files it copies.
 * The folder's path below {@code content/images} is the image's repository and the tag is
 * {@code latest}: {@code content/images/launchcodedevops/simple-http/} builds
 * {@code launchcodedevops/simple-http:latest}.
 *
 * @param sha256 digest of every file in the folder (paths, executable bits, bytes): the recipe's identity,
 *               stored on the built image as the label {@link ImageProvisioner#RECIPE_LABEL}
 */
public record ImageRecipe(ImageRef image, Path folder, String sha256) {}
