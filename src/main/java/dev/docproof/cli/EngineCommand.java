package dev.docproof.cli;

import dev.docproof.docker.Engine;
import dev.docproof.docker.EngineException;
import dev.docproof.docker.EngineSetup;
import dev.docproof.docker.ImageProvisioner;
import dev.docproof.docker.ImageRecipe;
import dev.docproof.docker.ImageRecipes;
import dev.docproof.docker.ImageStores;
import dev.docproof.docker.RunFolder;
import dev.docproof.docker.SandboxFolders;
import dev.docproof.docker.SandboxReaper;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.run.CourseRunner;
import dev.docproof.shell.ImageRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Command(name = "engine", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Gets a Docker engine that answers and the lesson images into it.",
                "An engine that answers is used as it is; otherwise, as root on Debian, docproof installs"
                        + " docker.io when needed and starts dockerd. Every recipe under --images is built when its"
                        + " image is missing or its recipe changed.",
                "Removes the sandboxes of runs that ended without cleaning up, and docproof's image stores (volumes"
                        + " docproof-images-*) that no run of the lessons under content/ will use again; one a"
                        + " container mounts is left, saying so."})
final class EngineCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--images", paramLabel = "DIR", description = "Image recipes (default: ${DEFAULT-VALUE}).")
    Path images = ImageRecipes.DEFAULT_ROOT;

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "Where apt, dockerd and debootstrap logs go (default: ${DEFAULT-VALUE}).")
    Path logDir = Path.of("target");

    @Option(names = "--pull", paramLabel = "IMAGE",
            description = "Also pull IMAGE (one without a recipe) from its registry, giving up after 20 s.")
    List<String> pulls = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        try (Engine engine = EngineSetup.ensure(logDir, out::println)) {
            for (SandboxReaper.Found orphan : SandboxReaper.reap(engine.client())) {
                out.println("removed the " + orphan.describe() + ", left by a run that ended without cleaning up");
            }
            for (SandboxFolders.Left folder : SandboxFolders.reap(RunFolder.defaultTemp())) {
                out.println("removed the " + folder.describe() + ", left by a run that ended without cleaning up");
            }
            ImageRecipes recipes = ImageRecipes.discover(images);
            ImageProvisioner provisioner = new ImageProvisioner(engine, recipes, logDir, out::println);
            for (ImageProvisioner.Provisioned done : provisioner.ensure(
                    recipes.all().stream().map(ImageRecipe::image).toList())) {
                out.println(done.image() + ": " + describe(done.outcome()));
            }
            for (String pull : pulls) {
                ImageRef image = ImageRef.parse(pull);
                ImageProvisioner.Provisioned done = provisioner.pull(image, Duration.ofSeconds(20));
                out.println(done.image() + ": " + describe(done.outcome()));
            }
            for (ImageStores.Removal removal : ImageStores.removeUnused(engine, lessonImages(engine))) {
                out.println(removal.describe());
            }
            out.printf("ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            return Main.OK;
        } catch (EngineException e) {
            err.println("docproof: " + e.getMessage());
            return Main.SETUP_ERROR;
        } catch (IOException e) {
            err.println("docproof: cannot read the image recipes under " + images + ": " + e.getMessage());
            return Main.SETUP_ERROR;
        }
    }

    /**
     * The images a run of the lessons under content/ puts into the sandboxes' image store; empty when there
     * are no lessons to read there (then only stores of images the engine no longer has count as unused).
     */
    private static Optional<List<ImageRef>> lessonImages(Engine engine) throws EngineException {
        if (!Files.isDirectory(CourseInput.DEFAULT_CONTENT)) {
            return Optional.empty();
        }
        LessonFiles.Discovery found = LessonFiles.discover(List.of(CourseInput.DEFAULT_CONTENT));
        if (found.files().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CourseRunner.sandboxImages(engine, found.read().stream().map(Planner::plan).toList()));
    }

    private static String describe(ImageProvisioner.Outcome outcome) {
        return switch (outcome) {
            case PRESENT -> "present";
            case BUILT -> "built";
            case REBUILT -> "rebuilt (its recipe changed)";
            case PULLED -> "pulled";
        };
    }
}
