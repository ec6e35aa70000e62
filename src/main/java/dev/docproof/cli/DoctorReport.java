package dev.docproof.cli;

import dev.docproof.docker.ImageProvisioner.State;
import dev.docproof.docker.ImageStores;
import dev.docproof.docker.RunOwner;
import dev.docproof.docker.SandboxReaper;
import dev.docproof.shell.ImageRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code docproof doctor} says, as a pure function of the facts gathered about this machine. */
final class DoctorReport {

    /**
     * The engine as found: either it answers (versions, where) or the problem.
     *
     * @param dockerHostSet whether DOCKER_HOST chose the engine: then docproof must not start one itself
     * @param speaks        how docproof speaks to an engine at a tcp:// address (TLS or not); empty for a unix socket
     * @param fix           what to do when it does not answer, when the problem says more than that it is down
     */
    record EngineFacts(boolean answers, String serverVersion, String apiVersion, String foundVia, String problem,
                       boolean dockerHostSet, String speaks, String fix) {

        static EngineFacts answering(String serverVersion, String apiVersion, String foundVia) {
            return answering(serverVersion, apiVersion, foundVia, "");
        }

        static EngineFacts answering(String serverVersion, String apiVersion, String foundVia, String speaks) {
            return new EngineFacts(true, serverVersion, apiVersion, foundVia, "", foundVia.startsWith("DOCKER_HOST"),
                    speaks, "");
        }

        static EngineFacts down(String problem, boolean dockerHostSet) {
            return down(problem, dockerHostSet, "");
        }

        static EngineFacts down(String problem, boolean dockerHostSet, String fix) {
            return new EngineFacts(false, "", "", "", problem, dockerHostSet, "", fix);
        }
    }

    /**
     * One image the lessons run.
     *
     * @param state  its state in the engine; empty when no engine answers
     * @param recipe the recipe folder that builds it, if any
     * @param usedAt where the lessons run it ({@code content/x.rst:211}), first use first
     */
    record ImageFacts(ImageRef image, Optional<State> state, Optional<String> recipe, List<String> usedAt) {}

    /**
     * @param lessons     how many lesson files were scanned
     * @param paths       the paths the user named, for the headline
     * @param lessonNotes problems reading the lessons, each with what to do
     * @param leftovers   what runs that are gone left besides their sandboxes, one description each
     */
    record Facts(EngineFacts engine, List<String> paths, int lessons, List<ImageFacts> images,
                 List<String> lessonNotes, List<SandboxReaper.Found> sandboxes, List<ImageStores.Found> unusedStores,
                 List<String> leftovers) {

        Facts(EngineFacts engine, List<String> paths, int lessons, List<ImageFacts> images, List<String> lessonNotes) {
            this(engine, paths, lessons, images, lessonNotes, List.of());
        }

        Facts(EngineFacts engine, List<String> paths, int lessons, List<ImageFacts> images, List<String> lessonNotes,
              List<SandboxReaper.Found> sandboxes) {
            this(engine, paths, lessons, images, lessonNotes, sandboxes, List.of(), List.of());
        }
    }

    record Report(List<String> lines, int problems) {
        boolean ready() {
            return problems == 0;
        }
    }

    static final String ENGINE_FIX = "./docproof engine";

    private DoctorReport() {}

    static Report of(Facts facts) {
        List<String> lines = new ArrayList<>();
        int problems = 0;
        EngineFacts engine = facts.engine();
        if (engine.answers()) {
            lines.add("engine: Docker " + engine.serverVersion() + ", API " + engine.apiVersion() + ", found via "
                    + engine.foundVia());
            if (!engine.speaks().isEmpty()) {
                lines.add("  spoken to over " + engine.speaks());
            }
        } else {
            problems++;
            lines.add("engine: PROBLEM: " + engine.problem());
            lines.add("  fix: " + (!engine.fix().isEmpty() ? engine.fix() : engine.dockerHostSet()
                    ? "start the engine DOCKER_HOST names, or: unset DOCKER_HOST; " + ENGINE_FIX
                    : ENGINE_FIX));
        }
        String where = String.join(" ", facts.paths());
        for (String note : facts.lessonNotes()) {
            problems++;
            lines.add("lessons: PROBLEM: " + note);
        }
        lines.add("lessons: " + facts.lessons() + " file" + (facts.lessons() == 1 ? "" : "s") + " under " + where
                + " run " + facts.images().size() + " image" + (facts.images().size() == 1 ? "" : "s"));
        for (ImageFacts image : facts.images()) {
            String used = image.usedAt().isEmpty() ? "" : " (" + String.join(", ", image.usedAt()) + ")";
            ImageLine line = imageLine(image);
            lines.add("  " + image.image() + ": " + line.status() + used);
            if (line.fix() != null) {
                problems++;
                lines.add("    fix: " + line.fix());
            }
        }
        // A sandbox of a run that still runs is in use, not left over.
        for (SandboxReaper.Found sandbox : facts.sandboxes()) {
            if (sandbox.liveness() != RunOwner.Liveness.RUNNING) {
                problems++;
                lines.add("sandboxes: PROBLEM: left over: " + sandbox.describe());
                lines.add("  fix: " + (sandbox.liveness() == RunOwner.Liveness.GONE
                        ? "the next docproof check removes it, or: docker rm -f -v " + sandbox.containerId()
                        : "docker rm -f -v " + sandbox.containerId() + " once the run on that machine is over"));
            }
        }
        for (String left : facts.leftovers()) {
            problems++;
            lines.add("leftovers: PROBLEM: left by a docproof run that is gone: " + left);
            lines.add("  fix: the next docproof check removes it");
        }
        // Disk the engine need not keep, not a reason the lessons cannot run.
        for (ImageStores.Found store : facts.unusedStores()) {
            lines.add("image stores: unused: " + store.describe());
            lines.add("  fix: " + ENGINE_FIX + " removes it");
        }
        lines.add(problems == 0 ? "ready" : "not ready: " + problems + " problem" + (problems == 1 ? "" : "s"));
        return new Report(lines, problems);
    }

    private record ImageLine(String status, String fix) {}

    private static ImageLine imageLine(ImageFacts image) {
        String recipe = image.recipe().map(r -> "recipe " + r).orElse("docproof's own base recipe");
        if (image.state().isEmpty()) {
            return image.recipe().isPresent()
                    ? new ImageLine("unknown (no engine); buildable from " + recipe, null)
                    : new ImageLine("unknown (no engine); no recipe in content/images", null);
        }
        return switch (image.state().get()) {
            case PRESENT -> new ImageLine("present", null);
            case STALE -> new ImageLine("PROBLEM: present, but " + recipe + " changed since it was built", ENGINE_FIX);
            case BUILDABLE -> new ImageLine("PROBLEM: missing, buildable from " + recipe, ENGINE_FIX);
            case MISSING -> new ImageLine("PROBLEM: missing, and content/images has no recipe for it",
                    "add content/images/" + image.image().repository() + "/Dockerfile, or where a registry is"
                            + " reachable: ./docproof engine --pull " + image.image());
        };
    }
}
