package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Finds sandboxes by their labels and removes those whose owner is gone (a run ended by {@code kill -9}
 * or a crash): the container, the engine storage inside it and its folder on this machine. A sandbox of a
 * run that still runs, or of another machine sharing the engine, is never touched.
 */
public final class SandboxReaper {

    /** A sandbox the engine holds, with its labels' story; {@code owner} null when its labels are damaged. */
    public record Found(String containerId, String kind, RunOwner owner, RunOwner.Liveness liveness, String state) {

        /** e.g. "sandbox 1a2b3c4d5e6f (for content/x.rst, owner pid 123 on vm: gone, running)". */
        public String describe() {
            String whose = owner == null ? "no owner label"
                    : "for " + owner.lesson() + ", owner pid " + owner.pid() + " on " + owner.host() + ": "
                    + switch (liveness) {
                        case GONE -> "gone";
                        case RUNNING -> "still running";
                        case ELSEWHERE -> "another machine";
                    };
            return "sandbox " + containerId.substring(0, Math.min(12, containerId.length())) + " (" + whose + ", "
                    + state + ")";
        }
    }

    /** How long a removal another run began may take. */
    private static final Duration REMOVAL = Duration.ofSeconds(30);

    private SandboxReaper() {}

    /** Every sandbox the engine holds, running or not. */
    public static List<Found> list(DockerClient client) {
        List<Container> containers = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(SandboxLabels.KIND)).exec();
        return containers.stream().map(SandboxReaper::found).toList();
    }

    private static Found found(Container c) {
        Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
        RunOwner owner = RunOwner.fromLabels(labels).orElse(null);
        return new Found(c.getId(), labels.getOrDefault(SandboxLabels.KIND, "?"), owner,
                owner == null ? RunOwner.Liveness.ELSEWHERE : owner.liveness(), c.getState());
    }

    /** Whether {@code labels} are a sandbox's: its orphans are this reaper's, which also removes its folder. */
    static boolean isSandbox(Map<String, String> labels) {
        return labels != null && labels.containsKey(SandboxLabels.KIND);
    }

    /** Removes the sandboxes whose owner is gone and returns those this call removed. */
    public static List<Found> reap(DockerClient client) {
        return removed(client, list(client));
    }

    /**
     * Removes the sandboxes of runs that are gone among the containers using volume {@code volume} (a store a
     * killed run was filling) and returns those this call removed; any other container using it is left alone.
     */
    static List<Found> reapUsing(DockerClient client, String volume) {
        return removed(client, client.listContainersCmd().withShowAll(true).withVolumeFilter(List.of(volume)).exec()
                .stream().filter(c -> isSandbox(c.getLabels())).map(SandboxReaper::found).toList());
    }

    private static List<Found> removed(DockerClient client, List<Found> sandboxes) {
        return sandboxes.stream().filter(f -> f.liveness() == RunOwner.Liveness.GONE)
                .filter(orphan -> remove(client, orphan.containerId())).toList();
    }

    /**
     * Removes an orphan (its anonymous volumes too) and its folder on this machine; false when another run removed
     * it first. When another run is removing it at this moment, waits until it is gone, so that what it held (a
     * volume) is free on return.
     */
    private static boolean remove(DockerClient client, String containerId) {
        String folder = null;
        boolean removed = false;
        try {
            folder = client.inspectContainerCmd(containerId).exec().getConfig().getLabels().get(SandboxLabels.FOLDER);
            client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
            removed = true;
        } catch (NotFoundException goneMeanwhile) {
            // another run reaped it first
        } catch (ConflictException removalInProgress) {
            Poll.until(REMOVAL, () -> gone(client, containerId));
        }
        if (folder != null && Path.of(folder).getFileName().toString().startsWith("docproof-sandbox-")) {
            Folders.delete(Path.of(folder));
        }
        return removed;
    }

    private static boolean gone(DockerClient client, String containerId) {
        return client.listContainersCmd().withShowAll(true).withIdFilter(List.of(containerId)).exec().isEmpty();
    }
}
