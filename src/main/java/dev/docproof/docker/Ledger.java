package dev.docproof.docker;

import dev.docproof.shell.ImageRef;
import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.Resource;
import dev.docproof.shell.ResourceKind;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;

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
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which engine resources a lesson created and removed, step by step, and what of it is removed after the
 * lesson. The lesson's engine calls go through an {@link EngineProxy} that labels every create with the
 * run's {@link RunOwner} and reports creates and removals here as the engine answers them: each is
 * attributed to the step that sent the request, however late the answer comes: exactly, with no comparison
 * of snapshots and no guessing from timing. After the lesson, {@link #removeLeftBehind()} removes what carries the run's label and is still
 * there — never anything else. Safe to use from a shutdown hook while the lesson's thread still runs.
 */
public final class Ledger implements EngineProxy.Recorder {

    /** What became of one resource the lesson left behind. */
    public record Removal(LedgerEntry entry, boolean removed, String problem) {}

    /**
     * A create the lesson sent that the engine never answered.
     *
     * @param name null for a resource the lesson did not name
     */
    public record UnansweredCreate(ResourceKind kind, String name, int line) {
        /** {@code container box (line 4)}. */
        public String describe() {
            return kind.jsonName() + (name == null ? " without a name" : " " + (name.startsWith("/") ? name.substring(1) : name))
                    + " (line " + line + ")";
        }
    }

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
            String taken = kind == ResourceKind.IMAGE
                    ? "the lesson gives an image the name \"" + name + "\", but the engine already has an image of that"
                    + " name, and the lesson would take the name from it. It was not made by this lesson and docproof"
                    + " will not touch it."
                    : "the lesson creates the " + kindName + " \"" + name + "\", but the engine already has a " + kindName
                    + " of that name. It was not created by this lesson and docproof will not touch it.";
            return taken + " If it is yours and you no longer need it, remove it yourself (`" + rm + "`) and run again.";
        }
    }

    private final Engine source;
    private final DockerClient client;
    private final String engine;
    private final RunOwner owner;
    private final Map<String, Tracked> tracked = new LinkedHashMap<>();
    /** Containers created with auto-removal: the engine removes them when they stop. */
    private final Set<String> autoRemoving = new HashSet<>();
    private final List<UnansweredCreate> unanswered = new ArrayList<>();
    /** The names the lesson gave images ({@code docker tag}), as it wrote them, each with the first step that did. */
    private final Map<String, Integer> namesGiven = new LinkedHashMap<>();
    /** The image names the engine had before the lesson (canonical); null until {@link #begin()} asked. */
    private Set<String> imageNamesBefore;
    /** The ids of the images the engine had before the lesson; null until {@link #begin()} asked. */
    private Set<String> imageIdsBefore;
    private int line;
    private String section = "";

    private static final class Tracked {
        Resource resource;
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

    /** @param owner the run whose labelled resources this ledger follows */
    public Ledger(Engine engine, RunOwner owner) {
        this.source = Objects.requireNonNull(engine);
        this.client = engine.client();
        this.engine = engine.uri().toString();
        this.owner = Objects.requireNonNull(owner);
    }

    public RunOwner owner() {
        return owner;
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

    /** The engine's resources now (all of them, or only this run's): three list calls, made in parallel. */
    private LedgerSnapshot snapshot(boolean onlyOurs) throws EngineException {
        Map<String, String> label = Map.of(RunOwner.RUN, owner.runId());
        try {
            CompletableFuture<List<Container>> containers = CompletableFuture.supplyAsync(() -> {
                var list = client.listContainersCmd().withShowAll(true);
                return (onlyOurs ? list.withLabelFilter(label) : list).exec();
            }, LISTS);
            CompletableFuture<List<Resource>> networks = CompletableFuture.supplyAsync(() -> {
                var list = client.listNetworksCmd();
                return (onlyOurs ? list.withFilter("label", List.of(RunOwner.RUN + "=" + owner.runId())) : list)
                        .exec().stream().map(n -> new Resource(ResourceKind.NETWORK, n.getId(), n.getName())).toList();
            }, LISTS);
            var volumeList = client.listVolumesCmd();
            var volumeResponse = (onlyOurs ? volumeList.withFilter("label", List.of(RunOwner.RUN + "=" + owner.runId()))
                    : volumeList).exec();
            List<Resource> volumes = volumeResponse.getVolumes() == null ? List.of() : volumeResponse.getVolumes()
                    .stream().map(v -> new Resource(ResourceKind.VOLUME, v.getName(), v.getName())).toList();
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
            throw EngineCalls.failed(engine, "a list of its resources", cause);
        }
    }

    static String containerName(Container c) {
        String[] names = c.getNames();
        if (names == null || names.length == 0) {
            return c.getId().substring(0, Math.min(12, c.getId().length()));
        }
        String n = names[0];
        return n.startsWith("/") ? n.substring(1) : n;
    }

    /** The engine's resources now, the lesson's and everyone else's. */
    public LedgerSnapshot now() throws EngineException {
        return snapshot(false);
    }

    /** The engine's resources before the lesson's first step: what the lesson's names must not clash with. */
    public LedgerSnapshot begin() throws EngineException {
        LedgerSnapshot before = snapshot(false);
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        try {
            for (Image image : client.listImagesCmd().exec()) {
                ids.add(image.getId());
                for (String name : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                    names.add(ImageRef.parse(name).canonical());
                }
            }
        } catch (RuntimeException e) {
            throw EngineCalls.failed(engine, "a list of its images", e);
        }
        synchronized (this) {
            imageNamesBefore = names;
            imageIdsBefore = ids;
        }
        return before;
    }

    /** From now on, what the engine creates or removes for the lesson is the step's at {@code line}. */
    public synchronized void stepStarted(int line, String section) {
        this.line = line;
        this.section = section == null ? "" : section;
    }

    @Override
    public synchronized StepMark sending() {
        return new StepMark(line, section);
    }

    @Override
    public synchronized void created(StepMark sentIn, Resource resource, boolean autoRemove) {
        Tracked known = tracked.get(resource.id());
        if (known != null && known.removedAtLine == 0) {
            // the engine answered a create with what it already had (a volume create is idempotent, and the
            // proxy creates a mounted volume first): the step that made it stays the one that made it
            return;
        }
        tracked.put(resource.id(), new Tracked(resource, Math.max(sentIn.line(), 1), sentIn.section()));
        if (autoRemove) {
            autoRemoving.add(resource.id());
        }
    }

    @Override
    public synchronized void removed(StepMark sentIn, ResourceKind kind, String ref) {
        Tracked t = find(kind, ref);
        if (t == null) {
            // Not the lesson's: it existed before. That the lesson removed it is a fact worth keeping.
            t = new Tracked(new Resource(kind, ref, ref), 0, "");
            tracked.put(kind + ":" + ref, t);
        }
        if (t.removedAtLine == 0) {
            t.removedAtLine = Math.max(sentIn.line(), 1);
        }
    }

    @Override
    public synchronized void unanswered(StepMark sentIn, ResourceKind kind, String name) {
        unanswered.add(new UnansweredCreate(kind, name, Math.max(sentIn.line(), 1)));
    }

    @Override
    public synchronized void tagged(StepMark sentIn, String name) {
        namesGiven.putIfAbsent(name, Math.max(sentIn.line(), 1));
    }

    /** The creates the engine never answered, in the order the connections ended: each may exist, labelled. */
    public synchronized List<UnansweredCreate> unansweredCreates() {
        return List.copyOf(unanswered);
    }

    @Override
    public synchronized void stopped(StepMark sentIn, String ref) {
        Tracked t = find(ResourceKind.CONTAINER, ref);
        if (t != null && autoRemoving.contains(t.resource.id()) && t.removedAtLine == 0) {
            t.removedAtLine = Math.max(sentIn.line(), 1);
        }
    }

    /** The present resource of that kind that {@code ref} names: by id, id prefix, or name. */
    private Tracked find(ResourceKind kind, String ref) {
        Tracked byName = null;
        for (Tracked t : tracked.values()) {
            Resource r = t.resource;
            if (r.kind() != kind || t.createdAtLine == 0) {
                continue;
            }
            if (r.id().equals(ref)) {
                return t;
            }
            if (t.removedAtLine == 0 && (r.name().equals(ref) || ref.length() >= 4 && r.id().startsWith(ref))) {
                byName = t;
            }
        }
        return byName;
    }

    /** Resources the lesson created, and pre-existing ones it removed, in the order the ledger saw them. */
    public synchronized List<LedgerEntry> entries() {
        return tracked.values().stream().map(Tracked::entry).toList();
    }

    /** The names among {@code planned} (each with the line of the step creating it) the engine already has. */
    public static List<Clash> clashes(List<Clash> planned, LedgerSnapshot now) {
        return planned.stream().filter(p -> now.named(p.kind(), p.name()).isPresent()).toList();
    }

    /**
     * The planned image names the engine already has: a build, commit or import would take the name from the image
     * that holds it, and that image would be left without it once the lesson's own is removed. A name the engine
     * would not take (one the shell expands, {@code $IMAGE}) clashes with nothing.
     */
    public List<Clash> imageNamesTaken(List<Clash> planned) throws EngineException {
        List<Clash> taken = new ArrayList<>();
        for (Clash c : planned) {
            if (c.kind() != ResourceKind.IMAGE || c.name().contains("$")) {
                continue;
            }
            try {
                if (source.image(c.name()).isPresent()) {
                    taken.add(c);
                }
            } catch (DockerException e) {
                if (e.getHttpStatus() != 400) {
                    throw EngineCalls.failed(engine, "about the image " + c.name(), e);
                }
            } catch (RuntimeException e) {
                throw EngineCalls.failed(engine, "about the image " + c.name(), e);
            }
        }
        return taken;
    }

    /**
     * Removes what carries this run's label and is still on the engine — containers (forced, with their
     * anonymous volumes), then networks, then volumes — and nothing else. Each removal names the ledger's
     * entry for it (the step that created it); a labelled resource the ledger did not see created (its
     * answer never came back) is removed too, with line 0. An auto-removed container the engine already
     * removed is no leak. The entries keep {@code removedAtLine}: they describe the lesson, not the clean-up.
     *
     * @throws EngineException when the engine does not answer: what is left stays, labelled, for a later
     *                         run to recover
     */
    public List<Removal> removeLeftBehind() throws EngineException {
        return leftBehind(this::remove, this::untag);
    }

    /**
     * What {@link #removeLeftBehind()} would report, for an engine that is dropped whole after the lesson (a
     * sandbox's): the same leaks, each removed by the drop, and no removal call of its own.
     */
    public List<Removal> leftBehindForDrop() throws EngineException {
        return leftBehind(entry -> new Removal(entry, true, null), entry -> new Removal(entry, true, null));
    }

    private List<Removal> leftBehind(Function<LedgerEntry, Removal> remove, Function<LedgerEntry, Removal> untag)
            throws EngineException {
        LedgerSnapshot ours = snapshot(true);
        List<Removal> removals = new ArrayList<>();
        for (ResourceKind kind : List.of(ResourceKind.CONTAINER, ResourceKind.NETWORK, ResourceKind.VOLUME)) {
            for (Resource r : ours.byId().values().stream().filter(r -> r.kind() == kind)
                    .sorted(java.util.Comparator.comparing(Resource::name)).toList()) {
                LedgerEntry entry;
                boolean leak;
                synchronized (this) {
                    Tracked t = tracked.get(r.id());
                    if (t == null) {
                        t = new Tracked(r, 0, "");
                    } else {
                        t.resource = new Resource(r.kind(), r.id(), r.name()); // the engine's name for it
                    }
                    entry = t.entry();
                    leak = t.removedAtLine == 0;
                }
                Removal removal = remove.apply(entry);
                if (leak) {
                    removals.add(removal);
                }
            }
        }
        // Images last: a container the lesson left may still use one.
        for (LedgerEntry image : imagesMade()) {
            removals.add(remove.apply(image));
        }
        // Then the names it gave images it did not make: the name goes, the image stays.
        for (LedgerEntry name : namesLeft()) {
            removals.add(untag.apply(name));
        }
        synchronized (this) {
            // Followed but no longer there: auto-removed by the engine when its process ended.
            for (Tracked t : tracked.values()) {
                if (t.createdAtLine > 0 && t.removedAtLine == 0 && !ours.byId().containsKey(t.resource.id())) {
                    t.removedAtLine = Math.max(line, 1);
                }
            }
        }
        return removals;
    }

    /**
     * The images the lesson made (built, committed or imported) and left, each at the line of the step that made it: the
     * proxy labels every such image with the run, so none is ever taken for another's.
     */
    private List<LedgerEntry> imagesMade() throws EngineException {
        try {
            return client.listImagesCmd().withLabelFilter(Map.of(RunOwner.RUN, owner.runId())).exec().stream()
                    .map(i -> new LedgerEntry(new Resource(ResourceKind.IMAGE, i.getId(), imageName(i)),
                            madeAt(i.getLabels()), "", 0))
                    // The latest first: an image made from an earlier one (a commit, a FROM) goes before its parent.
                    .sorted(Comparator.comparingInt(LedgerEntry::createdAtLine).reversed()
                            .thenComparing(e -> e.resource().name())).toList();
        } catch (RuntimeException e) {
            throw EngineCalls.failed(engine, "a list of the images the lesson made", e);
        }
    }

    /**
     * The names the lesson gave images that are new since it began and still name an image it did not make (a name
     * on one it made went with it), each at the line of the step that gave it. None when the names before are unknown.
     */
    private List<LedgerEntry> namesLeft() throws EngineException {
        Map<String, Integer> given;
        Set<String> before;
        synchronized (this) {
            given = new LinkedHashMap<>(namesGiven);
            before = imageNamesBefore;
        }
        List<LedgerEntry> left = new ArrayList<>();
        for (Map.Entry<String, Integer> name : given.entrySet()) {
            if (before == null || before.contains(ImageRef.parse(name.getKey()).canonical())) {
                continue;
            }
            try {
                boolean foreign = source.image(name.getKey())
                        .filter(i -> !owner.runId().equals(i.labels().get(RunOwner.RUN))).isPresent();
                if (foreign) {
                    left.add(new LedgerEntry(new Resource(ResourceKind.IMAGE, name.getKey(), name.getKey()),
                            name.getValue(), "", 0));
                }
            } catch (RuntimeException e) {
                throw EngineCalls.failed(engine, "about the image " + name.getKey(), e);
            }
        }
        return left;
    }

    /**
     * Takes a name the lesson gave off the image it names. The image goes with its last name only when the engine did
     * not have it before the lesson (one it loaded); else that name is kept, and said so.
     */
    private Removal untag(LedgerEntry entry) {
        String name = entry.resource().name();
        try {
            var image = client.inspectImageCmd(name).exec();
            List<String> names = image.getRepoTags();
            boolean hadIt;
            synchronized (this) {
                hadIt = imageIdsBefore == null || imageIdsBefore.contains(image.getId());
            }
            if ((names == null || names.size() < 2) && hadIt) {
                return new Removal(entry, false, "it is the last name of an image the lesson did not make, so it stays");
            }
            client.removeImageCmd(name).withNoPrune(true).exec(); // not forced: the name goes, and a new image with its last
            return new Removal(entry, true, null);
        } catch (NotFoundException gone) {
            return new Removal(entry, true, null);
        } catch (RuntimeException e) {
            return new Removal(entry, false, EngineCalls.message(engine, e));
        }
    }

    /** The line its labels say a run's image was made at; 0 when they do not say. */
    static int madeAt(Map<String, String> labels) {
        try {
            return labels == null ? 0 : Math.max(0, Integer.parseInt(labels.getOrDefault(RunOwner.MADE_AT, "0")));
        } catch (NumberFormatException damaged) {
            return 0;
        }
    }

    /** An image as the lesson named it ({@code myapp:latest}), or its short id when it has no tag left. */
    static String imageName(Image image) {
        String[] tags = image.getRepoTags();
        if (tags != null) {
            for (String tag : tags) {
                if (!tag.equals("<none>:<none>")) {
                    return tag;
                }
            }
        }
        String id = image.getId().startsWith("sha256:") ? image.getId().substring(7) : image.getId();
        return id.substring(0, Math.min(12, id.length()));
    }

    /** Removes one resource; a resource already gone counts as removed. */
    private Removal remove(LedgerEntry entry) {
        String problem = remove(client, engine, entry.resource());
        return new Removal(entry, problem == null, problem);
    }

    /**
     * Removes one labelled resource: a container with its anonymous volumes, a network once the containers still on
     * it are taken off it (the run's own went first: these are others the lesson connected to it), an image with
     * every tag it has; null when it is gone (or was already), else why not.
     */
    static String remove(DockerClient client, String engine, Resource r) {
        try {
            switch (r.kind()) {
                case CONTAINER -> client.removeContainerCmd(r.id()).withForce(true).withRemoveVolumes(true).exec();
                case NETWORK -> {
                    disconnectEveryContainer(client, r);
                    client.removeNetworkCmd(r.id()).exec();
                }
                case VOLUME -> client.removeVolumeCmd(r.id()).exec();
                case IMAGE -> client.removeImageCmd(r.id()).withForce(true).exec();
            }
            return null;
        } catch (NotFoundException gone) {
            return null;
        } catch (RuntimeException e) {
            return EngineCalls.message(engine, e);
        }
    }

    /**
     * Takes every container still on the network off it, stopped ones too: the engine removes no network a running
     * container is on, and one a stopped container is on would leave it unable to start.
     */
    private static void disconnectEveryContainer(DockerClient client, Resource network) {
        // By id, and by name for a container never started: the engine gives it the network's id only when it starts.
        List<String> either = List.of(network.id(), network.name());
        for (Container attached : client.listContainersCmd().withShowAll(true).withNetworkFilter(either).exec()) {
            try {
                client.disconnectFromNetworkCmd().withNetworkId(network.id()).withContainerId(attached.getId())
                        .withForce(true).exec();
            } catch (NotFoundException gone) {
                // removed meanwhile: off the network too
            }
        }
    }

    /** Which of these images the engine does not have; it is asked, never made to pull. */
    public static List<String> missingImages(Engine engine, List<String> images) throws EngineException {
        List<String> missing = new ArrayList<>();
        for (String image : images) {
            try {
                if (engine.image(image).isEmpty()) {
                    missing.add(image);
                }
            } catch (RuntimeException e) {
                throw EngineCalls.failed(engine.uri().toString(), "about the image " + image, e);
            }
        }
        return missing;
    }

    /** Which of these images the lesson's engine does not have; it is asked, never made to pull. */
    public List<String> missingImages(List<String> images) throws EngineException {
        return missingImages(source, images);
    }

}
