package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;

import java.nio.file.Path;
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

    /** Removes the sandboxes whose owner is gone and returns them. */
    public static List<Found> reap(DockerClient client) {
        List<Found> orphans = list(client).stream().filter(f -> f.liveness() == RunOwner.Liveness.GONE).toList();
        for (Found orphan : orphans) {
            String folder = null;
            try {
                folder = client.inspectContainerCmd(orphan.containerId()).exec().getConfig().getLabels()
                        .get(SandboxLabels.FOLDER);
                client.removeContainerCmd(orphan.containerId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException goneMeanwhile) {
                // another run reaped it first
            }
            if (folder != null && Path.of(folder).getFileName().toString().startsWith("docproof-sandbox-")) {
                Folders.delete(Path.of(folder));
            }
        }
        return orphans;
    }
}
