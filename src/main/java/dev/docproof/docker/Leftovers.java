package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.docproof.shell.Resource;
import dev.docproof.shell.ResourceKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs whose owner process is gone (killed with {@code kill -9}, a machine that lost power) left
 * behind: engine resources carrying their labels, and their temp folders on this machine. Recognised by
 * the owner each names (pid, its start, the machine), never by name or age; a live run's resources, an
 * unlabelled resource, or a run of another machine are never touched.
 */
public final class Leftovers {

    /** What one dead run left and what became of it. */
    public record Recovered(RunOwner owner, List<Resource> removed, List<Path> folders, List<String> problems) {

        /** One line for the user: whose leftovers, and what was removed. */
        public String describe() {
            List<String> what = new ArrayList<>();
            removed.forEach(r -> what.add(r.kind().jsonName() + " " + r.name()));
            folders.forEach(f -> what.add("folder " + f));
            return "removed what an interrupted docproof run left (" + owner.describe() + "): "
                    + (what.isEmpty() ? "nothing was left" : String.join(", ", what))
                    + (problems.isEmpty() ? "" : "; could not remove: " + String.join("; ", problems));
        }
    }

    /** What one dead run left, still there: what {@code docproof doctor} lists and the next run removes. */
    public record Left(RunOwner owner, List<Resource> resources, List<Path> folders) {

        /** e.g. "pid 4242 on build-7, started …, lesson content/x.rst: container server, folder /tmp/docproof-lesson-1". */
        public String describe() {
            List<String> what = new ArrayList<>();
            resources.forEach(r -> what.add(r.kind().jsonName() + " " + r.name()));
            folders.forEach(f -> what.add("folder " + f));
            return owner.describe() + ": " + (what.isEmpty() ? "its run folder only" : String.join(", ", what));
        }
    }

    private Leftovers() {}

    /**
     * What dead runs left on the engine at {@code engine} (its address, for messages) and in {@code tmp}, run by run,
     * without removing anything; a run's resources in the order they are removed (containers first, images last).
     */
    public static List<Left> find(DockerClient client, String engine, Path tmp) throws EngineException {
        Map<String, RunOwner> dead = new LinkedHashMap<>();
        Map<String, RunFolder> folders = new LinkedHashMap<>();
        for (RunFolder folder : RunFolder.under(tmp)) {
            if (folder.owner().ownerGone()) {
                dead.put(folder.owner().runId(), folder.owner());
                folders.put(folder.owner().runId(), folder);
            }
        }
        Map<String, List<Resource>> resources = new LinkedHashMap<>();
        // An image made from an earlier one of the run (a commit, a FROM) goes before its parent.
        List<Labelled> found = labelled(client, engine).stream().sorted(Comparator.comparingInt((Labelled l) ->
                l.resource().kind() == ResourceKind.IMAGE ? Ledger.madeAt(l.labels()) : 0).reversed()).toList();
        for (Labelled l : found) {
            RunOwner.fromLabels(l.labels()).filter(RunOwner::ownerGone).ifPresent(owner -> {
                dead.putIfAbsent(owner.runId(), owner);
                resources.computeIfAbsent(owner.runId(), id -> new ArrayList<>()).add(l.resource());
            });
        }
        List<Left> left = new ArrayList<>();
        for (RunOwner owner : dead.values()) {
            List<Resource> ordered = new ArrayList<>();
            // Images last: a container of the run may still use one.
            for (ResourceKind kind : List.of(ResourceKind.CONTAINER, ResourceKind.NETWORK, ResourceKind.VOLUME,
                    ResourceKind.IMAGE)) {
                resources.getOrDefault(owner.runId(), List.of()).stream().filter(r -> r.kind() == kind).forEach(ordered::add);
            }
            RunFolder folder = folders.get(owner.runId());
            left.add(new Left(owner, ordered, folder == null ? List.of() : folder.folders()));
        }
        return left;
    }

    /**
     * Removes what dead runs left on the engine at {@code engine} (its address, for messages) and in
     * {@code tmp}; says what it removed, run by run.
     */
    public static List<Recovered> recover(DockerClient client, String engine, Path tmp) throws EngineException {
        Map<String, RunFolder> runFolders = new LinkedHashMap<>();
        RunFolder.under(tmp).forEach(f -> runFolders.put(f.owner().runId(), f));
        List<Recovered> recovered = new ArrayList<>();
        for (Left left : find(client, engine, tmp)) {
            List<Resource> removed = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Resource r : left.resources()) {
                String problem = Ledger.remove(client, engine, r);
                if (problem == null) {
                    removed.add(r);
                } else {
                    problems.add(r.kind().jsonName() + " " + r.name() + ": " + problem);
                }
            }
            left.folders().forEach(RunFolder::deleteTree);
            RunFolder folder = runFolders.get(left.owner().runId());
            if (folder != null) {
                folder.close();
            }
            recovered.add(new Recovered(left.owner(), removed, left.folders(), problems));
        }
        return recovered;
    }

    private record Labelled(Resource resource, Map<String, String> labels) {}

    /** Every container, network, volume and built image on the engine that carries a docproof run label. */
    private static List<Labelled> labelled(DockerClient client, String engine) throws EngineException {
        List<Labelled> found = new ArrayList<>();
        try {
            for (Container c : client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(RunOwner.RUN)).exec()) {
                if (SandboxReaper.isSandbox(c.getLabels())) {
                    continue; // SandboxReaper's, which removes the sandbox's folder with it
                }
                found.add(new Labelled(new Resource(ResourceKind.CONTAINER, c.getId(), Ledger.containerName(c)), c.getLabels()));
            }
            client.listNetworksCmd().withFilter("label", List.of(RunOwner.RUN)).exec().forEach(n ->
                    found.add(new Labelled(new Resource(ResourceKind.NETWORK, n.getId(), n.getName()), n.getLabels())));
            var volumes = client.listVolumesCmd().withFilter("label", List.of(RunOwner.RUN)).exec().getVolumes();
            if (volumes != null) {
                volumes.forEach(v -> found.add(new Labelled(new Resource(ResourceKind.VOLUME, v.getName(), v.getName()),
                        v.getLabels())));
            }
            client.listImagesCmd().withLabelFilter(RunOwner.RUN).exec().forEach(i ->
                    found.add(new Labelled(new Resource(ResourceKind.IMAGE, i.getId(), Ledger.imageName(i)), i.getLabels())));
        } catch (RuntimeException e) {
            throw EngineCalls.failed(engine, "a list of the resources docproof runs labelled", e);
        }
        return found;
    }
}
