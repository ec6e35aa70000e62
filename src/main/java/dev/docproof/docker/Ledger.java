package dev.docproof.docker;

import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.Resource;
import dev.docproof.shell.ResourceKind;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which engine resources a lesson created and removed, step by step. Snapshots of containers (stopped
 * ones too), networks and volumes are compared by id: a new id is attributed to the step just run, a
 * vanished one is marked removed by it. After the lesson, {@link #removeLeftBehind()} removes what the
 * lesson created and left — never anything that existed before it started. Safe to use from a
 * shutdown hook while the lesson's thread still runs.
 */
public final class Ledger {

    /** What became of one resource the lesson left behind. */
    public record Removal(LedgerEntry entry, boolean removed, String problem) {}

    /** A name the lesson will create that the engine already has. */
    public record Clash(ResourceKind kind, String name, int line) {

        /** What went wrong and what to do, without the file position. */
        public String message() {
            String kindName = kind.jsonName();
            String rm = switch (kind) {
                case CONTAINER -> "docker rm -f " + name;
                case NETWORK -> "docker network rm " + name;
                case VOLUME -> "docker volume rm " + name;
                case IMAGE -> "docker rmi " + name;
            };
            return "the lesson creates the " + kindName + " \"" + name + "\", but the engine already has a " + kindName
                    + " of that name. It was not created by this lesson and docproof will not touch it. If it is"
                    + " yours and you no longer need it, remove it yourself (`" + rm + "`) and run again.";
        }
    }

    private final DockerClient client;
    private final LessonEvidence evidence = new LessonEvidence();
    private final Map<String, Tracked> tracked = new LinkedHashMap<>();
    /** Containers the engine is removing on its own ({@code --rm}), already counted as removed. */
    private final Set<String> goingAway = new HashSet<>();
    private LedgerSnapshot baseline;
    private LedgerSnapshot before;
    private LedgerSnapshot last;

    private static final class Tracked {
        final Resource resource;
        final int createdAtLine;
        final String section;
        int removedAtLine;

        Tracked(Resource resource, int createdAtLine, String section) {
            this.resource = resource;
            this.createdAtLine = createdAtLine;
            this.section = section;
        }

        LedgerEntry entry() {
            return new LedgerEntry(resource, createdAtLine, section, removedAtLine);
        }
    }

    public Ledger(DockerClient client) {
        this.client = Objects.requireNonNull(client);
    }

    /**
     * Threads for the list calls of a snapshot. Not the common pool: on a two-core machine that has a
     * single worker, which would make the "parallel" calls run one after the other.
     */
    private static final Executor LISTS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "docproof-ledger-list");
        t.setDaemon(true);
        return t;
    });

    /** The engine's resources now: three list calls, made in parallel. */
    public LedgerSnapshot snapshot() throws EngineException {
        try {
            CompletableFuture<List<Container>> containers = CompletableFuture.supplyAsync(
                    () -> client.listContainersCmd().withShowAll(true).exec(), LISTS);
            CompletableFuture<List<Resource>> networks = CompletableFuture.supplyAsync(this::networks, LISTS);
            List<Resource> volumes = volumes();
            Map<String, String> states = new HashMap<>();
            List<Resource> containerResources = new ArrayList<>();
            for (Container c : containers.join()) {
                containerResources.add(new Resource(ResourceKind.CONTAINER, c.getId(), containerName(c)));
                states.put(c.getId(), c.getState() == null ? "" : c.getState());
            }
            return LedgerSnapshot.of(Stream.of(containerResources, networks.join(), volumes)
                    .flatMap(List::stream).toList(), states);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new EngineException("the Docker engine did not answer a list of its resources: " + cause.getMessage()
                    + ". Check that it runs (`docker info`).", cause);
        }
    }

    private static String containerName(Container c) {
        String[] names = c.getNames();
        if (names == null || names.length == 0) {
            return c.getId().substring(0, Math.min(12, c.getId().length()));
        }
        String n = names[0];
        return n.startsWith("/") ? n.substring(1) : n;
    }

    private List<Resource> networks() {
        List<Network> networks = client.listNetworksCmd().exec();
        return networks.stream().map(n -> new Resource(ResourceKind.NETWORK, n.getId(), n.getName())).toList();
    }

    private List<Resource> volumes() {
        var response = client.listVolumesCmd().exec();
        if (response.getVolumes() == null) {
            return List.of();
        }
        return response.getVolumes().stream().map(v -> new Resource(ResourceKind.VOLUME, v.getName(), v.getName())).toList();
    }

    /** Takes the snapshot before the lesson's first step; what it holds is never the lesson's. */
    public synchronized LedgerSnapshot begin() throws EngineException {
        baseline = snapshot();
        before = baseline;
        last = baseline;
        return baseline;
    }

    /** Takes a snapshot after the step at {@code line} ran, attributing what appeared and vanished to it. */
    public synchronized void record(int line, String section) throws EngineException {
        LedgerSnapshot now = snapshot();
        record(now, line, section);
        markGoingAway(now, line);
    }

    /**
     * A container started with {@code --rm} is removed by the engine shortly AFTER {@code docker stop}
     * returns. Waiting for it would cost every such step the engine's clean-up time; instead, a container
     * that is being removed, or was running and has stopped with auto-removal, counts as removed by the
     * step just run, and its actual disappearance later is not blamed on another step.
     */
    private void markGoingAway(LedgerSnapshot now, int line) {
        now.containerStates().forEach((id, state) -> {
            if (goingAway.contains(id)) {
                return;
            }
            boolean stopped = !state.equals("running") && "running".equals(before.containerStates().get(id));
            if (state.equals("removing") || stopped && autoRemoves(id)) {
                goingAway.add(id);
                Tracked t = tracked.computeIfAbsent(id, i -> new Tracked(now.byId().get(i), 0, ""));
                if (t.removedAtLine == 0) {
                    t.removedAtLine = line;
                }
            }
        });
    }

    private boolean autoRemoves(String containerId) {
        try {
            var hostConfig = client.inspectContainerCmd(containerId).exec().getHostConfig();
            return hostConfig != null && Boolean.TRUE.equals(hostConfig.getAutoRemove());
        } catch (RuntimeException goneOrUnknown) {
            // gone already, or the engine cannot say: nothing to wait for
            return false;
        }
    }

    /** Attributes the difference between the previous snapshot and {@code now} to the step at {@code line}. */
    public synchronized void record(LedgerSnapshot now, int line, String section) {
        if (last == null) {
            throw new IllegalStateException("begin() first");
        }
        for (Resource r : now.byId().values().stream().sorted(Comparator.comparing(Resource::kind)
                .thenComparing(Resource::name)).toList()) {
            if (!last.byId().containsKey(r.id())) {
                tracked.put(r.id(), new Tracked(r, line, section == null ? "" : section));
            }
        }
        for (Resource r : last.byId().values()) {
            if (!now.byId().containsKey(r.id())) {
                Tracked t = tracked.computeIfAbsent(r.id(), id -> new Tracked(r, 0, ""));
                if (t.removedAtLine == 0) { // a --rm container already counted as removed by its stop
                    t.removedAtLine = line;
                }
            }
        }
        before = last;
        last = now;
    }

    /** Resources the lesson created, and pre-existing ones it removed, in the order the ledger saw them. */
    public synchronized List<LedgerEntry> entries() {
        return tracked.values().stream().map(Tracked::entry).toList();
    }

    /** Notes what a step ran and printed: the evidence {@link #lessons()} decides by. */
    public void noteStep(int line, String command, String output) {
        evidence.noteStep(line, command, output);
    }

    /** The entries the evidence says are the lesson's own (see {@link LessonEvidence}). */
    public synchronized List<LedgerEntry> lessons() {
        return entries().stream().filter(evidence::isTheLessons).toList();
    }

    /** Removes what the lesson evidently created and left behind. */
    public synchronized List<Removal> removeLessonsLeftBehind() {
        return removeLeftBehind(evidence::isTheLessons);
    }

    /**
     * On an interrupt: the running step's output is not known yet, so what appeared during it counts as the
     * lesson's too.
     */
    public synchronized List<Removal> removeAfterInterrupt(int runningLine) {
        return removeLeftBehind(e -> e.createdAtLine() == runningLine || evidence.isTheLessons(e));
    }

    /** The names among {@code planned} (each with the line of the step creating it) the engine already has. */
    public static List<Clash> clashes(List<Clash> planned, LedgerSnapshot now) {
        return planned.stream().filter(p -> now.named(p.kind(), p.name()).isPresent()).toList();
    }

    /**
     * Removes what the lesson created and left behind — containers (forced), then networks, then volumes —
     * and nothing else. The entries keep {@code removedAtLine} 0: they describe the lesson, not the clean-up.
     */
    public synchronized List<Removal> removeLeftBehind() {
        return removeLeftBehind(entry -> true);
    }

    /**
     * As {@link #removeLeftBehind()}, limited to the entries {@code lessons} accepts: on a shared engine,
     * another process may create a resource while a step runs, and only evidence (the lesson names it, or
     * a step printed its id) tells the lesson's own apart.
     */
    private List<Removal> removeLeftBehind(Predicate<LedgerEntry> lessons) {
        List<Removal> removals = new ArrayList<>();
        // Containers the engine was removing on its own: gone by now as a rule; if one lingers, it goes
        // with the rest of what the lesson created (it is not a leak: the lesson did stop it).
        for (String id : goingAway) {
            Tracked t = tracked.get(id);
            if (t != null && t.createdAtLine > 0 && lessons.test(t.entry())) {
                remove(t);
            }
        }
        for (ResourceKind kind : List.of(ResourceKind.CONTAINER, ResourceKind.NETWORK, ResourceKind.VOLUME)) {
            for (Tracked t : tracked.values()) {
                if (t.resource.kind() == kind && t.createdAtLine > 0 && t.removedAtLine == 0
                        && lessons.test(t.entry())) {
                    removals.add(remove(t));
                }
            }
        }
        return removals;
    }

    /** Which of these images the engine does not have; it is asked, never made to pull. */
    public List<String> missingImages(List<String> images) throws EngineException {
        List<String> missing = new ArrayList<>();
        for (String image : images) {
            try {
                client.inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                missing.add(image);
            } catch (RuntimeException e) {
                throw new EngineException("the Docker engine did not answer about the image " + image + ": "
                        + e.getMessage() + ". Check that it runs (`docker info`).", e);
            }
        }
        return missing;
    }

    private Removal remove(Tracked t) {
        Resource r = t.resource;
        try {
            switch (r.kind()) {
                case CONTAINER -> client.removeContainerCmd(r.id()).withForce(true).exec();
                case NETWORK -> client.removeNetworkCmd(r.id()).exec();
                case VOLUME -> client.removeVolumeCmd(r.id()).exec();
                default -> throw new IllegalStateException("the ledger does not remove " + r.kind());
            }
            return new Removal(t.entry(), true, null);
        } catch (NotFoundException gone) {
            return new Removal(t.entry(), true, null);
        } catch (RuntimeException e) {
            return new Removal(t.entry(), false, e.getMessage() == null ? e.toString() : e.getMessage().strip());
        }
    }
}
