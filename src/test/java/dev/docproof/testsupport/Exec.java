package dev.docproof.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs a command in a running container (like {@code docker exec}) and collects what it printed. */
public final class Exec {

    public record Result(long exitCode, String stdout, String stderr) {}

    private Exec() {}

    public static Result run(DockerClient client, String container, String... command) {
        String id = client.execCreateCmd(container).withCmd(command).withAttachStdout(true).withAttachStderr(true)
                .exec().getId();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        try (ResultCallback.Adapter<Frame> frames = client.execStartCmd(id).exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                (frame.getStreamType() == StreamType.STDERR ? err : out).append(text);
            }
        })) {
            if (!frames.awaitCompletion(30, TimeUnit.SECONDS)) {
                throw new AssertionError("`" + String.join(" ", command) + "` in " + container
                        + " did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Long exit = client.inspectExecCmd(id).exec().getExitCodeLong();
        return new Result(exit == null ? -1 : exit, out.toString(), err.toString());
    }
}
