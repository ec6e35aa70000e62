package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.docproof.shell.ImageRef;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One disposable machine with its own Docker engine, started through Testcontainers: a container of
 * {@link SandboxImage} whose labels name its run and owner. A lesson's bash runs in it through
 * {@code docker exec}; docproof reaches its engine through a socket in a folder shared with this machine
 * (at the same path inside, so the session's files and status channel work unchanged). Closing it
 * removes the container, its engine's storage and the shared folder.
 */
public final class Sandbox implements SandboxContainer {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /**
     * The processes and threads a lesson's sandbox may run at once, its engine and containers included (they need a
     * few hundred): a lesson forking without end stops there instead of taking the ids every process of this machine
     * needs (32768 on many).
     */
    static final long PIDS_LIMIT = 4096;
    private static final Duration ANSWER_POLL = Duration.ofMillis(20);
    /** Where a lesson's commands start inside the sandbox; HOME is /root and /tmp is the sandbox's own. */
    public static final String WORKING_FOLDER = "/lesson";
    private static final String SHELL_PID = "shell.pid";
    /** A file with a token of this start in the shared folder: the sandbox sees it when the folder is really shared. */
    private static final String SHARED_MARK = "shared.mark";
    /** How long a start may go without an engine socket before docproof asks whether the folder is shared at all. */
    private static final Duration SHARED_CHECK_AFTER = Duration.ofSeconds(3);

    /**
     * What to start, for whom. {@code store}: the image store volume to mount (null: none); {@code memory}: the bytes
     * all its processes may use together (0: unbounded).
     */
    record Spec(SandboxLabels.Kind kind, RunOwner owner, String store, long memory) {}

    private final GenericContainer<?> container;
    private final Path folder;
    private final Engine engine;
    private final long initPid;
    private final long memory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(GenericContainer<?> container, Path folder, Engine engine, long initPid, long memory) {
        this.container = container;
        this.folder = folder;
        this.engine = engine;
        this.initPid = initPid;
        this.memory = memory;
    }

    static Sandbox start(Spec spec) throws EngineException {
        return start(spec, null);
    }

    /**
     * @param boundInstead a folder of this machine the engine binds in place of the shared folder (null: the shared
     *                     folder itself); an engine on another machine does just that, with a folder of its own
     */
    static Sandbox start(Spec spec, Path boundInstead) throws EngineException {
        TestcontainersSettings.require();
        Path folder;
        String token = UUID.randomUUID().toString();
        try {
            folder = SandboxFolders.create(RunFolder.defaultTemp(), spec.owner());
            Files.writeString(folder.resolve(SHARED_MARK), token, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new EngineException("cannot create a folder for the sandbox: " + e.getMessage());
        }
        Path socket = folder.resolve("engine.sock");
        GenericContainer<?> container = definition(SandboxImage.REFERENCE, spec, folder.toString(), socket.toString())
                .withFileSystemBind((boundInstead == null ? folder : boundInstead).toString(), folder.toString(),
                        BindMode.READ_WRITE)
                .waitingFor(new EngineAnswers(socket, folder.resolve(SHARED_MARK), token));
        try {
            container.start();
            Engine inner = Engine.connect("unix://" + socket);
            return new Sandbox(container, folder, inner, container.getContainerInfo().getState().getPidLong(), spec.memory());
        } catch (RuntimeException | EngineException e) {
            String logs = logs(container);
            discard(container, folder);
            throw notStarted(SandboxImage.REFERENCE, e, logs);
        }
    }

    /**
     * A sandbox's container as Testcontainers starts it: {@code image}, its labels ({@code folder}: its folder on this
     * machine, null when it has none), its engine's second socket at {@code socket} inside, and what an engine inside
     * needs.
     */
    static GenericContainer<?> definition(ImageRef image, Spec spec, String folder, String socket) {
        return new GenericContainer<>(DockerImageName.parse(image.canonical()))
                .withImagePullPolicy(pull -> false) // built offline; a pull would hang where no registry answers
                .withLabels(SandboxLabels.of(spec.kind(), spec.owner(), folder))
                .withCommand(spec.kind() == SandboxLabels.Kind.LESSON ? "run" : "prepare", socket)
                .withCreateContainerCmdModifier(cmd -> engineInside(cmd, spec))
                .withStartupTimeout(START_TIMEOUT)
                .withStartupAttempts(1);
    }

    static SandboxException notStarted(ImageRef image, Exception e, String logs) {
        return new SandboxException("the sandbox (" + image + ") did not start: " + Engine.rootMessage(e)
                + (logs.isBlank() ? "" : "\nIts log ends with:\n" + logs)
                + "\nIf sandboxes cannot run on this engine, run the lessons on this machine directly: --isolation host", e);
    }

    /**
     * What an engine inside a container needs where {@code --privileged} is refused: every capability
     * but CAP_SYS_RESOURCE, no seccomp or AppArmor profile, its cgroups writable and its storage on a volume (the
     * image declares one; the image store's filler mounts the store there). Its cgroups are its own: in a cgroup
     * namespace of its own, {@code /sys/fs/cgroup} shows only the sandbox's subtree (the sandbox makes it writable as
     * it starts), so its engine's containers are nested in the sandbox's bounds, and nothing a lesson does there
     * reaches this machine's other cgroups.
     */
    private static void engineInside(CreateContainerCmd cmd, Spec spec) {
        HostConfig host = cmd.getHostConfig();
        host.withCapAdd(Capability.ALL).withCapDrop(Capability.SYS_RESOURCE)
                .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                .withCgroupnsMode("private")
                // The engine turns IPv6 off in a container; on, the sandbox's engine serves published ports on IPv6
                // too, as a learner's machine does (docker ps shows both mappings).
                .withSysctls(Map.of("net.ipv6.conf.all.disable_ipv6", "0"));
        if (spec.memory() > 0) {
            host.withMemory(spec.memory()).withMemorySwap(spec.memory()); // no swap beyond it either
        }
        if (spec.kind() == SandboxLabels.Kind.LESSON) {
            host.withPidsLimit(PIDS_LIMIT);
        }
        if (spec.store() != null) {
            List<Bind> binds = new ArrayList<>(host.getBinds() == null ? List.of() : Arrays.asList(host.getBinds()));
            binds.add(spec.kind() == SandboxLabels.Kind.IMAGE_STORE
                    ? new Bind(spec.store(), new Volume("/var/lib/docker"))
                    : new Bind(spec.store(), new Volume("/store"), com.github.dockerjava.api.model.AccessMode.ro));
            host.withBinds(binds);
        }
    }

    /**
     * Polls the inner engine's socket until it answers. When the socket is late, it asks once whether the sandbox
     * sees the shared folder at all: an engine on another machine binds a folder of its own there, and the socket
     * would never appear here.
     */
    private static final class EngineAnswers extends AbstractWaitStrategy {
        private final Path socket;
        private final Path mark;
        private final String token;

        EngineAnswers(Path socket, Path mark, String token) {
            this.socket = socket;
            this.mark = mark;
            this.token = token;
        }

        @Override
        protected void waitUntilReady() {
            // Asked often: a lesson waits for this, and until the engine listens the check is a file lookup. Whether
            // the container still runs is a call to the engine outside, so that is asked only now and then.
            int[] looks = {0};
            long sharedCheckAt = System.nanoTime() + SHARED_CHECK_AFTER.toNanos();
            boolean[] sharedChecked = {false};
            if (!Poll.until(startupTimeout, ANSWER_POLL, () -> {
                if (Files.exists(socket) && Engine.answers("unix://" + socket)) {
                    return true;
                }
                if (!sharedChecked[0] && System.nanoTime() > sharedCheckAt && waitStrategyTarget.isRunning()) {
                    sharedChecked[0] = true;
                    refuseUnlessShared();
                }
                return ++looks[0] % 10 == 0 && !waitStrategyTarget.isRunning();
            })) {
                throw new ContainerLaunchException("its engine did not answer within " + startupTimeout.toSeconds() + " s");
            }
            if (!waitStrategyTarget.isRunning()) {
                throw new ContainerLaunchException("it stopped before its engine answered");
            }
        }

        private void refuseUnlessShared() {
            String seen;
            try {
                seen = waitStrategyTarget.execInContainer("cat", mark.toString()).getStdout().strip();
            } catch (IOException | RuntimeException e) {
                return; // no answer to that: the wait goes on, and its own deadline ends it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!seen.equals(token)) {
                String dockerHost = System.getenv("DOCKER_HOST");
                throw new ContainerLaunchException("it does not see the folder docproof shares with it (" + mark.getParent()
                        + "): its engine" + (dockerHost == null || dockerHost.isBlank() ? "" : " (DOCKER_HOST=" + dockerHost + ")")
                        + " is reached as this machine's and names itself as this machine does, yet does not share its"
                        + " folders (a socket mounted into a container of the same host name?). A sandbox on this"
                        + " machine's engine shares a folder and its processes with docproof: run docproof on the engine's"
                        + " machine, or run the lessons here against that engine with --isolation host");
            }
        }
    }

    /**
     * The sandbox's engine as its lesson owns it: the lesson's proxy socket is in the shared folder, where the
     * lesson's shell inside sees it at the same path.
     */
    public LessonEngine openLessonEngine(String lesson) throws EngineException {
        return LessonEngine.openAlone(engine, lesson, folder);
    }

    /** The sandbox's own engine. */
    public DockerClient client() {
        return engine.client();
    }

    public Engine engine() {
        return engine;
    }

    public String containerId() {
        return container.getContainerId();
    }

    /** The folder shared with this machine, at the same path inside the sandbox. */
    public Path folder() {
        return folder;
    }

    /**
     * The command that starts a login-free bash inside the sandbox, in {@link #WORKING_FOLDER}; it first
     * writes its process id (as the sandbox sees it) where {@link #shell()} finds it. Its processes see
     * {@code environment} (a name mapped to null is not set: docker exec passes none of docproof's own on).
     */
    public List<String> shellCommand(Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of("docker", "exec", "-i", "-w", WORKING_FOLDER));
        environment.forEach((name, value) -> {
            if (value != null) {
                command.addAll(List.of("-e", name + "=" + value));
            }
        });
        command.addAll(List.of(container.getContainerId(), "bash", "-c",
                "echo $$ > '" + folder.resolve(SHELL_PID) + "' && exec bash --noprofile --norc"));
        return command;
    }

    /**
     * Copies a file or folder of this machine to {@code path} inside the sandbox, with its modes, through the engine
     * (a folder's content lands in {@code path}).
     */
    public void copyIn(Path source, String path) {
        container.copyFileToContainer(MountableFile.forHostPath(source), path);
    }

    /** The bash {@link #shellCommand()} started last, as this machine sees it. */
    public Optional<ProcessHandle> shell() {
        try {
            long pid = Long.parseLong(Files.readString(folder.resolve(SHELL_PID), StandardCharsets.US_ASCII).strip());
            return process(pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A process of the sandbox, named by its id inside, as this machine sees it. */
    public Optional<ProcessHandle> process(long pidInside) {
        return SandboxProcesses.hostProcess(initPid, pidInside);
    }

    /** The bytes all the sandbox's processes may use together; 0 when unbounded. */
    public long memoryLimit() {
        return memory;
    }

    /** Where the kernel's kills for want of memory in the sandbox stood at a moment; see {@link #killedForMemorySince}. */
    public record MemoryMark(long kills, long epochSecond) {}

    /** The status of a process killed with SIGKILL (128 + 9). */
    private static final int KILLED = 137;
    /** How long the engine may take to record a kill it saw as a container ended. */
    private static final Duration LATE_KILL_EVENT = Duration.ofSeconds(1);

    public MemoryMark memoryMark() {
        return memoryMark(initPid);
    }

    /**
     * As {@link #memoryMark()}, asked by a docproof running inside a sandbox (on an engine of another machine): its
     * first process is the sandbox's, id 1 there, and its cgroups are the sandbox's own.
     */
    public static MemoryMark memoryMarkInside() {
        return memoryMark(1);
    }

    private static MemoryMark memoryMark(long initPid) {
        return new MemoryMark(SandboxMemory.oomKills(initPid), Instant.now().getEpochSecond());
    }

    /**
     * Whether the kernel killed a process of the sandbox, or of a container in it, for want of memory since {@code mark};
     * asked of a step that ended with {@code exitCode}. Under cgroup v1 a container's kills are counted in its own
     * cgroup, which goes as the container ends, so the engine's events tell. The engine records that kill as it
     * handles the container's end, which may come just after the step saw it end: a status of 137 (a SIGKILL, as the
     * kernel's is) waits up to a second for it; any other failure asks only what the engine has recorded already.
     */
    public boolean killedForMemorySince(MemoryMark mark, int exitCode) {
        return killedForMemorySince(initPid, engine, mark, exitCode);
    }

    /** As {@link #killedForMemorySince}, asked inside the sandbox, of its engine ({@link #memoryMarkInside()}). */
    public static boolean killedForMemoryInsideSince(Engine engine, MemoryMark mark, int exitCode) {
        return killedForMemorySince(1, engine, mark, exitCode);
    }

    private static boolean killedForMemorySince(long initPid, Engine engine, MemoryMark mark, int exitCode) {
        return mark.kills() >= 0 && SandboxMemory.oomKills(initPid) > mark.kills()
                || SandboxMemory.containerOomSince(engine, mark.epochSecond(),
                exitCode == KILLED ? LATE_KILL_EVENT : Duration.ZERO);
    }

    /**
     * Whether the sandbox has stopped by itself: its first process, the engine, ended (a lesson's {@code pkill dockerd}
     * or {@code kill -9 -1} ends it). False when this machine's engine does not say.
     */
    public boolean stopped() {
        try {
            Boolean running = container.getDockerClient().inspectContainerCmd(container.getContainerId()).exec()
                    .getState().getRunning();
            return Boolean.FALSE.equals(running);
        } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
            return true;
        } catch (RuntimeException unanswered) {
            return false;
        }
    }

    @Override
    public void loadImage(InputStream saved) {
        engine.client().loadImageCmd(saved).exec();
    }

    @Override
    public String logs() {
        return logs(container);
    }

    @Override
    public synchronized void close() {
        if (closed.compareAndSet(false, true)) {
            engine.close();
            discard(container, folder);
        }
    }

    @Override
    public void stopGracefully(Duration timeout) {
        stopGracefully(container, timeout);
    }

    static void stopGracefully(GenericContainer<?> container, Duration timeout) {
        container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout((int) timeout.toSeconds())
                .exec();
    }

    static String logs(GenericContainer<?> container) {
        try {
            if (container.getContainerId() == null) {
                return "";
            }
            String[] lines = container.getLogs().strip().split("\n");
            return String.join("\n", Arrays.stream(lines).skip(Math.max(0, lines.length - 15)).map(l -> "  " + l).toList());
        } catch (RuntimeException gone) {
            return "";
        }
    }

    /** Removes the container with its volumes, then the shared folder. */
    static void discard(GenericContainer<?> container, Path folder) {
        try {
            if (container.getContainerId() != null) {
                container.stop();
            }
        } finally {
            Folders.delete(folder);
        }
    }

    static Map<String, String> labels(Sandbox sandbox) {
        return sandbox.container.getContainerInfo().getConfig().getLabels();
    }
}
