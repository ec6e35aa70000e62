package dev.docproof.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.docproof.docker.Engine;
import dev.docproof.docker.EngineException;
import dev.docproof.docker.SandboxImage;
import dev.docproof.shell.ImageRef;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A Docker engine standing for one on another machine: an engine in a container of this machine's engine, reached
 * over TCP at the container's address (as DOCKER_HOST=tcp://... names a remote engine). It shares no folder and no
 * process with this machine, and holds its own images: those {@link #start} is given, copied from this machine's.
 */
public final class OtherMachineEngine implements AutoCloseable {

    private static final int PORT = 2375;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);
    /**
     * The engine as sandbox-init starts a sandbox's, but listening on TCP: its cgroup mounts writable (under cgroup v2,
     * its own processes moved aside first so that its containers get every controller).
     */
    private static final String START = String.join("\n",
            "for m in /sys/fs/cgroup /sys/fs/cgroup/*; do mountpoint -q \"$m\" && mount -o remount,bind,rw \"$m\"; done",
            "if [ -f /sys/fs/cgroup/cgroup.controllers ]; then",
            "  mkdir -p /sys/fs/cgroup/init",
            "  while read -r p; do echo \"$p\" > /sys/fs/cgroup/init/cgroup.procs 2>/dev/null; done < /sys/fs/cgroup/cgroup.procs",
            "  for c in $(cat /sys/fs/cgroup/cgroup.controllers); do echo \"+$c\" > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; done",
            "fi",
            "exec dockerd -H tcp://0.0.0.0:" + PORT + " --tls=false");

    private final DockerClient host;
    private final String container;
    private final String volume;
    private final Engine engine;
    private final String dockerHost;

    private OtherMachineEngine(DockerClient host, String container, String volume, Engine engine, String dockerHost) {
        this.host = host;
        this.container = container;
        this.volume = volume;
        this.engine = engine;
        this.dockerHost = dockerHost;
    }

    /** Starts one on {@code local} (this machine's engine), with {@code images} copied from it. */
    public static OtherMachineEngine start(Engine local, List<ImageRef> images) throws EngineException {
        DockerClient host = local.client();
        String name = "docproof-test-other-machine-" + UUID.randomUUID().toString().substring(0, 8);
        host.createVolumeCmd().withName(name).exec();
        String id = null;
        try {
            id = host.createContainerCmd(SandboxImage.REFERENCE.canonical()).withName(name)
                    .withEntrypoint("/usr/bin/tini", "--", "bash", "-c", START)
                    .withHostConfig(HostConfig.newHostConfig().withCapAdd(Capability.ALL).withCapDrop(Capability.SYS_RESOURCE)
                            .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined")).withCgroupnsMode("private")
                            .withBinds(new Bind(name, new Volume("/var/lib/docker"))))
                    .exec().getId();
            host.startContainerCmd(id).exec();
            String address = host.inspectContainerCmd(id).exec().getNetworkSettings().getNetworks().values().iterator()
                    .next().getIpAddress();
            String dockerHost = "tcp://" + address + ":" + PORT;
            long deadline = System.nanoTime() + ANSWER_WITHIN.toNanos();
            while (!Engine.answers(dockerHost)) {
                if (System.nanoTime() > deadline) {
                    throw new EngineException("the engine in " + name + " did not answer at " + dockerHost);
                }
                Thread.sleep(200);
            }
            Engine other = Engine.connect(dockerHost);
            var save = local.patientClient().saveImagesCmd(); // in one archive: the layers the images share go once
            images.forEach(image -> save.withImage(image.repository(), image.tag()));
            try (InputStream saved = save.exec()) {
                other.patientClient().loadImageCmd(saved).exec();
            }
            return new OtherMachineEngine(host, id, name, other, dockerHost);
        } catch (Exception e) {
            remove(host, id, name);
            throw e instanceof EngineException ee ? ee : new EngineException("cannot start an engine standing for another"
                    + " machine: " + e, e);
        }
    }

    /** Its DOCKER_HOST, as seen from this machine. */
    public String dockerHost() {
        return dockerHost;
    }

    public Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
        remove(host, container, volume);
    }

    private static void remove(DockerClient host, String container, String volume) {
        try {
            if (container != null) {
                host.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec();
            }
        } finally {
            host.removeVolumeCmd(volume).exec();
        }
    }
}
