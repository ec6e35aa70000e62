package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;

import java.util.concurrent.TimeUnit;

/**
 * Looks into the image store on an engine of another machine, whose volumes are not folders here: a short container
 * of the sandbox image with the store mounted on {@code /store} runs one shell command. It carries a sandbox's labels,
 * so a run killed meanwhile leaves nothing {@link SandboxReaper} does not find.
 */
final class StoreProbe {

    private static final long WAIT_SECONDS = 60;

    private StoreProbe() {}

    /** Whether {@code command} succeeds with the store {@code volume} mounted ({@code readOnly} or not). */
    static boolean succeeds(Engine engine, String volume, boolean readOnly, String command) throws EngineException {
        DockerClient client = engine.client();
        String id = null;
        try {
            id = client.createContainerCmd(SandboxImage.REFERENCE.canonical())
                    .withLabels(SandboxLabels.of(SandboxLabels.Kind.IMAGE_STORE, RunOwner.of("image store " + volume), null))
                    .withEntrypoint("sh", "-c", command)
                    .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(volume, new Volume("/store"),
                            readOnly ? AccessMode.ro : AccessMode.rw)))
                    .exec().getId();
            client.startContainerCmd(id).exec();
            Integer status = client.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                    .awaitStatusCode(WAIT_SECONDS, TimeUnit.SECONDS);
            return status != null && status == 0;
        } catch (RuntimeException e) {
            throw new EngineException("cannot look into the sandboxes' image store " + volume + " on " + engine.uri()
                    + ": " + Engine.rootMessage(e));
        } finally {
            if (id != null) {
                try {
                    client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec(); // the image's /var/lib/docker
                } catch (NotFoundException gone) {
                    // removed already
                }
            }
        }
    }
}
