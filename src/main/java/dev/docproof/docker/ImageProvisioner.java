package dev.docproof.docker;

import dev.docproof.shell.ImageRef;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Makes the images a lesson runs present in the engine, offline. An image already present is used as
 * it is, unless docproof built it from a recipe that has changed since; a missing image with a recipe is
 * built (its base first); a pull happens only when asked for, with a deadline.
 */
public final class ImageProvisioner {

    /** The label that ties a built image to the recipe it was built from. */
    public static final String RECIPE_LABEL = "dev.docproof.recipe-sha256";
    /**
     * The image the recipe label belongs to. Labels are inherited: an image built elsewhere FROM a
     * docproof image carries its parent's recipe label, which says nothing about the child.
     */
    public static final String RECIPE_IMAGE_LABEL = "dev.docproof.recipe-image";

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);
    /** Serialises provisioning across processes on this machine, so parallel test runs build once. */
    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "docproof-images.lock");

    /** What docproof knows of an image before provisioning it. */
    public enum State {
        /** In the engine, and not built from an older recipe: nothing to do. */
        PRESENT,
        /** Built by docproof from a recipe that has changed since: will be rebuilt. */
        STALE,
        /** Absent, but content/images has a recipe (or it is docproof's base image): will be built. */
        BUILDABLE,
        /** Absent and no recipe: a run cannot start. */
        MISSING
    }

    /** What provisioning did for one image. */
    public enum Outcome { PRESENT, BUILT, REBUILT, PULLED }

    public record Provisioned(ImageRef image, Outcome outcome) {}

    private final Engine engine;
    /** Builds and pulls may stay quiet longer than an ordinary call's deadline. */
    private final DockerClient builds;
    private final ImageRecipes recipes;
    private final Path workDir;
    private final Consumer<String> progress;

    /**
     * @param recipes  the recipes (usually {@code ImageRecipes.discover(Path.of("content/images"))})
     * @param workDir  scratch space and logs (debootstrap.log, apt.log), e.g. target/
     * @param progress receives one line per thing done
     */
    public ImageProvisioner(Engine engine, ImageRecipes recipes, Path workDir, Consumer<String> progress) {
        this.engine = engine;
        this.builds = engine.patientClient();
        this.recipes = recipes;
        this.workDir = workDir;
        this.progress = progress;
    }

    /** Where {@code image} stands now; changes nothing. */
    public State state(ImageRef image) throws EngineException {
        Optional<Engine.ImageFacts> present = inspect(image);
        Optional<ImageRecipe> recipe = recipes.forImage(image);
        if (present.isPresent()) {
            return recipe.isPresent() && isStale(present.get(), recipe.get()) ? State.STALE : State.PRESENT;
        }
        return recipe.isPresent() || image.equals(BaseImage.REFERENCE) ? State.BUILDABLE : State.MISSING;
    }

    /** Provisions each image (in order, once each) and says what it did. */
    public List<Provisioned> ensure(List<ImageRef> images) throws EngineException {
        if (allPresent(images)) {
            // The usual case needs no lock: nothing will be built.
            return images.stream().distinct().map(image -> new Provisioned(image, Outcome.PRESENT)).toList();
        }
        synchronized (LOCK_FILE) { // a file lock guards against other processes, not other threads
            return ensureLocked(images);
        }
    }

    private List<Provisioned> ensureLocked(List<ImageRef> images) throws EngineException {
        FileChannel channel;
        try {
            channel = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // Another user's lock file: provisioning still works, only without cross-process coordination.
            return ensureEach(images);
        }
        try (channel; FileLock ignored = channel.lock()) {
            return ensureEach(images);
        } catch (IOException e) {
            throw new EngineException("Cannot take the provisioning lock " + LOCK_FILE + ": " + e.getMessage());
        }
    }

    private List<Provisioned> ensureEach(List<ImageRef> images) throws EngineException {
        List<Provisioned> done = new ArrayList<>();
        for (ImageRef image : new LinkedHashSet<>(images)) {
            done.add(ensure(image, new HashSet<>()));
        }
        return done;
    }

    /**
     * Pulls an image that has no recipe, if the engine can reach its registry within {@code deadline};
     * never called implicitly, because where no registry answers a pull hangs for minutes.
     */
    public Provisioned pull(ImageRef image, Duration deadline) throws EngineException {
        if (recipes.forImage(image).isPresent()) {
            throw new EngineException(image + " has a recipe in content/images; it is built, never pulled.");
        }
        progress.accept("pulling " + image + " (giving up after " + deadline.toSeconds() + " s)");
        PullImageResultCallback callback = image.digest().isEmpty()
                ? builds.pullImageCmd(image.repository()).withTag(image.tag()).exec(new PullImageResultCallback())
                : builds.pullImageCmd(image.canonical()).exec(new PullImageResultCallback());
        try (callback) {
            if (!callback.awaitCompletion(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EngineException("Pulling " + image + " did not finish within " + deadline.toSeconds()
                        + " s: no registry seems reachable. Add a recipe folder content/images/" + image.repository()
                        + "/ with a Dockerfile, or load the image (docker load -i FILE).");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while pulling " + image);
        } catch (IOException | RuntimeException e) {
            throw new EngineException("Pulling " + image + " failed: " + Engine.rootMessage(e));
        }
        return new Provisioned(image, Outcome.PULLED);
    }

    /** @param building the images whose build waits on this one: meeting one of them again is a cycle */
    private Provisioned ensure(ImageRef image, Set<ImageRef> building) throws EngineException {
        if (!building.add(image)) {
            throw new EngineException("The recipes in content/images build on each other in a circle at " + image);
        }
        try {
            return ensureOnce(image, building);
        } finally {
            building.remove(image);
        }
    }

    private Provisioned ensureOnce(ImageRef image, Set<ImageRef> building) throws EngineException {
        Optional<Engine.ImageFacts> present = inspect(image);
        Optional<ImageRecipe> recipe = recipes.forImage(image);
        if (image.equals(BaseImage.REFERENCE) && present.isEmpty()) {
            BaseImage.build(builds, workDir, progress);
            return new Provisioned(image, Outcome.BUILT);
        }
        if (recipe.isEmpty()) {
            if (present.isPresent()) {
                return new Provisioned(image, Outcome.PRESENT);
            }
            throw new EngineException(missing(image));
        }
        if (present.isPresent() && !isStale(present.get(), recipe.get())) {
            return new Provisioned(image, Outcome.PRESENT);
        }
        for (ImageRef parent : parents(recipe.get())) {
            ensure(parent, building);
        }
        build(recipe.get());
        return new Provisioned(image, present.isPresent() ? Outcome.REBUILT : Outcome.BUILT);
    }

    /** The message for an image that neither the engine nor content/images has. */
    public static String missing(ImageRef image) {
        return "Image " + image + " is not in the engine and content/images has no recipe for it. Add a folder"
                + " content/images/" + image.repository() + "/ with a Dockerfile (docproof builds it offline),"
                + " or, where a registry is reachable, run: ./docproof engine --pull " + image;
    }

    /**
     * Stale: docproof built this very image from another version of its recipe. An image without
     * docproof's labels for itself (pulled, or built elsewhere) is kept as it is.
     */
    private static boolean isStale(Engine.ImageFacts image, ImageRecipe recipe) {
        Map<String, String> labels = image.labels();
        if (!recipe.image().canonical().equals(labels.get(RECIPE_IMAGE_LABEL))) {
            return false;
        }
        return !recipe.sha256().equals(labels.get(RECIPE_LABEL));
    }

    /** The labels that mark {@code image} as built by docproof from the recipe with {@code sha256}. */
    static Map<String, String> labels(ImageRef image, String sha256) {
        return Map.of(RECIPE_IMAGE_LABEL, image.canonical(), RECIPE_LABEL, sha256);
    }

    private boolean allPresent(List<ImageRef> images) throws EngineException {
        for (ImageRef image : images) {
            if (state(image) != State.PRESENT) {
                return false;
            }
        }
        return true;
    }

    /** What the engine has of {@code image}; an engine that fails to answer is an error naming it. */
    private Optional<Engine.ImageFacts> inspect(ImageRef image) throws EngineException {
        try {
            return engine.image(image.canonical());
        } catch (RuntimeException e) {
            throw EngineCalls.failed(engine.uri().toString(), "about the image " + image, e);
        }
    }

    private void build(ImageRecipe recipe) throws EngineException {
        progress.accept("building " + recipe.image() + " from " + recipe.folder());
        build(builds, new ByteArrayInputStream(tar(recipe.folder())), recipe.image(),
                labels(recipe.image(), recipe.sha256()), progress,
                "from " + recipe.folder() + " failed", "Fix the Dockerfile, then run: ./docproof engine");
    }

    /** Builds a tar build context into {@code image}, passing the build's "Step n/m" lines on as progress. */
    static void build(DockerClient client, InputStream context, ImageRef image, Map<String, String> labels,
                      Consumer<String> progress, String failed, String fix) throws EngineException {
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                String stream = item.getStream();
                if (stream != null && stream.startsWith("Step ")) {
                    progress.accept("  " + stream.strip());
                }
                super.onNext(item);
            }
        };
        try {
            client.buildImageCmd()
                    .withTarInputStream(context)
                    .withTags(Set.of(image.canonical()))
                    .withLabels(labels)
                    .withPull(false) // FROM images are provisioned first; the engine must never go to a registry
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(callback)
                    .awaitImageId(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new EngineException("Building " + image + " " + failed + ": " + Engine.rootMessage(e) + ". " + fix);
        }
    }

    /** The images a recipe's FROM lines name, skipping earlier build stages and ARG-dependent names. */
    static List<ImageRef> parents(ImageRecipe recipe) throws EngineException {
        List<String> lines;
        try {
            lines = Files.readAllLines(recipe.folder().resolve("Dockerfile"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException("Cannot read " + recipe.folder().resolve("Dockerfile") + ": " + e.getMessage());
        }
        return parents(lines);
    }

    public static List<ImageRef> parents(List<String> dockerfileLines) {
        List<ImageRef> parents = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        for (String line : dockerfileLines) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 2 || !words[0].equalsIgnoreCase("FROM")) {
                continue;
            }
            List<String> args = Stream.of(words).skip(1).filter(w -> !w.startsWith("--")).toList();
            if (args.isEmpty()) {
                continue;
            }
            String from = args.get(0);
            if (args.size() >= 3 && args.get(1).equalsIgnoreCase("AS")) {
                stages.add(args.get(2).toLowerCase());
            }
            if (!from.contains("$") && !from.equalsIgnoreCase("scratch") && !stages.contains(from.toLowerCase())) {
                parents.add(ImageRef.parse(from));
            }
        }
        return parents;
    }

    /** The recipe folder as a tar: the build context, with executable bits kept. */
    static byte[] tar(Path folder) throws EngineException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);
             Stream<Path> files = Files.walk(folder)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.toFile(),
                        folder.relativize(file).toString().replace('\\', '/'));
                entry.setMode(Files.isExecutable(file) ? 0100755 : 0100644);
                tar.putArchiveEntry(entry);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new EngineException("Cannot pack " + folder + " as a build context: " + e.getMessage());
        }
        return bytes.toByteArray();
    }
}
