package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sandbox on an engine of another machine, started through Testcontainers as {@link Sandbox} is. Nothing of this
 * machine is shared with it, neither a folder nor its processes, so docproof itself runs the lesson inside it (its
 * image is {@link RemoteSandboxImage}), and this side reaches it through the engine alone: files copied in and out,
 * commands run with {@code docker exec}.
 */
public final class RemoteSandbox implements SandboxContainer {

    /** The engine's second socket inside; nothing outside uses it. */
    private static final String SOCKET = "/run/docproof-engine.sock";
    /** The output of a command kept for a message: its last characters. */
    private static final int OUTPUT_KEPT = 16_000;

    private final GenericContainer<?> container;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RemoteSandbox(GenericContainer<?> container) {
        this.container = container;
    }

    /** Starts one and returns once its engine listens. */
    static RemoteSandbox start(Sandbox.Spec spec) throws EngineException {
        TestcontainersSettings.require();
        GenericContainer<?> container = Sandbox.definition(RemoteSandboxImage.REFERENCE, spec, null, SOCKET)
                .waitingFor(Wait.forLogMessage(".*API listen on /var/run/docker\\.sock.*", 1)
                        .withStartupTimeout(Sandbox.START_TIMEOUT));
        try {
            container.start();
            return new RemoteSandbox(container);
        } catch (RuntimeException e) {
            String logs = Sandbox.logs(container);
            Sandbox.discard(container, null);
            throw Sandbox.notStarted(RemoteSandboxImage.REFERENCE, e, logs);
        }
    }

    /** What a command run in the sandbox did: its exit status (null when it did not end in time) and its output's end. */
    public record Ran(Integer exitCode, String output) {}

    /**
     * Runs {@code command} in {@code workingFolder} inside the sandbox and waits for it up to {@code deadline}; its
     * standard output and error are kept together.
     */
    public Ran run(List<String> command, String workingFolder, Duration deadline) {
        DockerClient client = container.getDockerClient();
        String exec = client.execCreateCmd(container.getContainerId()).withCmd(command.toArray(String[]::new))
                .withWorkingDir(workingFolder).withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder output = new StringBuilder();
        ResultCallback.Adapter<Frame> heard = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (output) {
                    output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    if (output.length() > 2 * OUTPUT_KEPT) {
                        output.delete(0, output.length() - OUTPUT_KEPT);
                    }
                }
            }
        };
        boolean ended;
        try {
            ended = client.execStartCmd(exec).exec(heard).awaitCompletion(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        Long code = ended ? client.inspectExecCmd(exec).exec().getExitCodeLong() : null;
        synchronized (output) {
            String kept = output.length() > OUTPUT_KEPT ? output.substring(output.length() - OUTPUT_KEPT) : output.toString();
            return new Ran(code == null ? null : code.intValue(), kept);
        }
    }

    /** Copies a file or folder of this machine to {@code path} inside, with its modes (a folder's content lands there). */
    public void copyIn(Path source, String path) {
        container.copyFileToContainer(MountableFile.forHostPath(source), path);
    }

    /** Copies the file at {@code path} inside to {@code destination} here. */
    public void copyOut(String path, Path destination) {
        container.copyFileFromContainer(path, destination.toString());
    }

    /** Copies the image in through a file inside: the sandbox's engine is reached through docker exec alone. */
    @Override
    public void loadImage(InputStream saved) throws EngineException {
        Path file = null;
        String inside = "/tmp/docproof-image.tar";
        try {
            file = Files.createTempFile("docproof-image-", ".tar");
            Files.copy(saved, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            copyIn(file, inside);
            Ran loaded = run(List.of("sh", "-c", "docker load -i " + inside + " && rm -f " + inside), "/",
                    Duration.ofMinutes(10));
            if (loaded.exitCode() == null || loaded.exitCode() != 0) {
                throw new EngineException("docker load in the sandbox " + container.getContainerId() + " "
                        + (loaded.exitCode() == null ? "did not end within 10 min" : "ended with status " + loaded.exitCode())
                        + (loaded.output().isBlank() ? "" : ": " + loaded.output().strip()));
            }
        } catch (IOException e) {
            throw new EngineException("cannot keep the image for the sandbox in a file here: " + e.getMessage());
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    @Override
    public void stopGracefully(Duration timeout) {
        Sandbox.stopGracefully(container, timeout);
    }

    public String containerId() {
        return container.getContainerId();
    }

    @Override
    public String logs() {
        return Sandbox.logs(container);
    }

    @Override
    public synchronized void close() {
        if (closed.compareAndSet(false, true)) {
            Sandbox.discard(container, null);
        }
    }
}
