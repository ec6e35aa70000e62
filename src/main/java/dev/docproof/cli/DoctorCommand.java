package dev.docproof.cli;

import dev.docproof.docker.Engine;
import dev.docproof.docker.EngineException;
import dev.docproof.docker.EngineTlsException;
import dev.docproof.docker.ImageProvisioner;
import dev.docproof.docker.ImageRecipe;
import dev.docproof.docker.ImageRecipes;
import dev.docproof.docker.ImageStores;
import dev.docproof.docker.Leftovers;
import dev.docproof.docker.RunFolder;
import dev.docproof.docker.SandboxFolders;
import dev.docproof.docker.SandboxReaper;
import dev.docproof.shell.ImageRef;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.StepKind;
import dev.docproof.plan.LessonImages;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.run.CourseRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Says whether this machine can run the lessons: does a Docker engine answer, are the"
                + " images the lessons run present, buildable from content/images, or missing, and which sandboxes"
                + " runs left behind.",
                "Exit 0 when ready, 2 otherwise; each problem is followed by the command that fixes it."})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Lesson files or folders (default: content).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--images", paramLabel = "DIR", description = "Image recipes (default: ${DEFAULT-VALUE}).")
    Path images = ImageRecipes.DEFAULT_ROOT;

    /** A command a lesson runs and where it stands. */
    /** An image a lesson's step starts a container from or pulls, and where. */
    record LessonImage(ImageRef image, String where) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> lessonPaths = paths.isEmpty() ? List.of(Path.of("content")) : paths;
        DoctorReport.Report report = DoctorReport.of(gather(lessonPaths));
        report.lines().forEach(out::println);
        return report.ready() ? Main.OK : Main.SETUP_ERROR;
    }

    private DoctorReport.Facts gather(List<Path> lessonPaths) {
        List<String> notes = new ArrayList<>();
        ImageRecipes recipes;
        try {
            recipes = ImageRecipes.discover(images);
        } catch (IOException e) {
            notes.add("cannot read the image recipes under " + images + ": " + e.getMessage());
            recipes = ImageRecipes.of(List.of());
        }
        List<Path> lessonFiles = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        readLessons(lessonPaths, lessonFiles, plans, notes);
        Map<ImageRef, List<String>> usedAt = new LinkedHashMap<>();
        for (Plan plan : plans) {
            for (LessonImage use : neededImages(plan)) {
                usedAt.computeIfAbsent(use.image(), i -> new ArrayList<>()).add(use.where());
            }
        }
        try (Engine engine = Engine.connect()) {
            ImageProvisioner provisioner = new ImageProvisioner(engine, recipes, Path.of("target"), line -> { });
            List<DoctorReport.ImageFacts> imageFacts = new ArrayList<>();
            for (Map.Entry<ImageRef, List<String>> use : usedAt.entrySet()) {
                imageFacts.add(new DoctorReport.ImageFacts(use.getKey(), Optional.of(provisioner.state(use.getKey())),
                        recipeFolder(recipes, use.getKey()), use.getValue()));
            }
            List<SandboxReaper.Found> sandboxes = SandboxReaper.list(engine.client());
            return new DoctorReport.Facts(DoctorReport.EngineFacts.answering(engine.serverVersion(),
                    engine.apiVersion(), engine.foundVia(), engine.speaks()), names(lessonPaths), lessonFiles.size(), imageFacts, notes,
                    sandboxes, ImageStores.list(engine,
                    Optional.of(CourseRunner.sandboxImages(engine, plans))).stream().filter(ImageStores.Found::unused).toList(),
                    leftovers(engine, sandboxes));
        } catch (EngineException e) {
            List<DoctorReport.ImageFacts> imageFacts = new ArrayList<>();
            for (Map.Entry<ImageRef, List<String>> use : usedAt.entrySet()) {
                imageFacts.add(new DoctorReport.ImageFacts(use.getKey(), Optional.empty(),
                        recipeFolder(recipes, use.getKey()), use.getValue()));
            }
            return new DoctorReport.Facts(DoctorReport.EngineFacts.down(e.getMessage().lines().findFirst().orElse(""),
                    Optional.ofNullable(System.getenv("DOCKER_HOST")).filter(h -> !h.isBlank()).isPresent(),
                    e instanceof EngineTlsException tls ? tls.fix() : ""), names(lessonPaths),
                    lessonFiles.size(), imageFacts, notes);
        }
    }

    /** What dead runs left besides the sandboxes listed: their resources on the engine and folders on this machine. */
    private static List<String> leftovers(Engine engine, List<SandboxReaper.Found> sandboxes) throws EngineException {
        Path tmp = RunFolder.defaultTemp();
        List<String> left = new ArrayList<>();
        Leftovers.find(engine.client(), engine.uri().toString(), tmp).forEach(l -> left.add(l.describe()));
        // A listed sandbox's folder goes with it.
        SandboxFolders.left(tmp).stream().filter(f -> sandboxes.stream().noneMatch(s -> s.owner() != null
                && s.owner().runId().equals(f.owner().runId()))).forEach(f -> left.add(f.describe()));
        return left;
    }

    private static Optional<String> recipeFolder(ImageRecipes recipes, ImageRef image) {
        return recipes.forImage(image).map(ImageRecipe::folder).map(Path::toString);
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(Path::toString).toList();
    }

    /** The images a lesson needs the engine to have before it runs (pulls included), as the run counts them. */
    static List<LessonImage> neededImages(Plan plan) {
        return LessonImages.needed(plan, true).stream()
                .map(use -> new LessonImage(ImageRef.parse(use.image()), use.step().span().fileLine())).toList();
    }

    /** Reads and plans the lessons under the paths; the files and plans go into the lists given. */
    private static void readLessons(List<Path> paths, List<Path> files, List<Plan> plans, List<String> notes) {
        LessonFiles.Discovery discovery = LessonFiles.discover(paths);
        discovery.diagnostics().forEach(d -> notes.add(d.toString()));
        files.addAll(discovery.files());
        for (Lesson lesson : discovery.read()) {
            lesson.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                    .forEach(d -> notes.add(d.toString()));
            plans.add(Planner.plan(lesson));
        }
    }
}
