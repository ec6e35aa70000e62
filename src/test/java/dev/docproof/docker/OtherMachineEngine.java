package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.docproof.shell.ImageRef;
import dev.docproof.testsupport.TestCertificates;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Docker engine standing for one on another machine: an engine in a container of this machine's engine, reached
 * over TCP at the container's address (as DOCKER_HOST=tcp://... names a remote engine), plain or with TLS both ways
 * (the engine's certificate names that address; docproof's client certificate is in {@link #certFolder()}). It shares
 * no folder and no process with this machine, and holds its own images: those {@link #start} is given, copied from
 * this machine's.
 */
public final class OtherMachineEngine implements AutoCloseable {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);
    /**
     * The engine as sandbox-init starts a sandbox's, listening on TCP: its cgroup mounts writable (under cgroup v2,
     * its own processes moved aside first so that its containers get every controller); with TLS, once the engine's
     * certificate is in /certs.
     */
    private static final String CGROUPS = String.join("\n",
            "for m in /sys/fs/cgroup /sys/fs/cgroup/*; do mountpoint -q \"$m\" && mount -o remount,bind,rw \"$m\"; done",
            "if [ -f /sys/fs/cgroup/cgroup.controllers ]; then",
            "  mkdir -p /sys/fs/cgroup/init",
            "  while read -r p; do echo \"$p\" > /sys/fs/cgroup/init/cgroup.procs 2>/dev/null; done < /sys/fs/cgroup/cgroup.procs",
            "  for c in $(cat /sys/fs/cgroup/cgroup.controllers); do echo \"+$c\" > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; done",
            "fi");
    private static final String PLAIN = CGROUPS + "\nexec dockerd -H tcp://0.0.0.0:2375 --tls=false";
    private static final String TLS = CGROUPS + "\nwhile [ ! -f /certs/ready ]; do sleep 0.1; done"
            + "\nexec dockerd -H tcp://0.0.0.0:2376 --tlsverify --tlscacert /certs/ca.pem --tlscert /certs/cert.pem"
            + " --tlskey /certs/key.pem";

    private final DockerClient host;
    private final String container;
    private final String volume;
    private final Engine engine;
    private final String dockerHost;
    private final Path certFolder;

    private OtherMachineEngine(DockerClient host, String container, String volume, Engine engine, String dockerHost,
                               Path certFolder) {
        this.host = host;
        this.container = container;
        this.volume = volume;
        this.engine = engine;
        this.dockerHost = dockerHost;
        this.certFolder = certFolder;
    }

    /**
     * Starts one on {@code local} (this machine's engine), with {@code images} copied from it. {@code certs}: where the
     * client certificate goes, for an engine that speaks TLS; null for a plain one.
     */
    public static OtherMachineEngine start(Engine local, List<ImageRef> images, Path certs) throws EngineException {
        DockerClient host = local.client();
        String name = "docproof-test-other-machine-" + UUID.randomUUID().toString().substring(0, 8);
        host.createVolumeCmd().withName(name).exec();
        String id = null;
        try {
            id = host.createContainerCmd(SandboxImage.REFERENCE.canonical()).withName(name)
                    .withEntrypoint("/usr/bin/tini", "--", "bash", "-c", certs == null ? PLAIN : TLS)
                    .withHostConfig(HostConfig.newHostConfig().withCapAdd(Capability.ALL).withCapDrop(Capability.SYS_RESOURCE)
                            .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined")).withCgroupnsMode("private")
                            .withBinds(new Bind(name, new Volume("/var/lib/docker"))))
                    .exec().getId();
            host.startContainerCmd(id).exec();
            String address = host.inspectContainerCmd(id).exec().getNetworkSettings().getNetworks().values().iterator()
                    .next().getIpAddress();
            EngineTls tls = EngineTls.plain();
            String dockerHost = "tcp://" + address + ":2375";
            if (certs != null) {
                dockerHost = "tcp://" + address + ":2376";
                tls = EngineTls.of(Map.of(EngineTls.VERIFY, "1", EngineTls.CERT_PATH, certs.toString()), certs);
                giveCertificates(host, id, address, certs);
            }
            Engine other = answering(dockerHost, tls);
            var save = local.patientClient().saveImagesCmd(); // in one archive: the layers the images share go once
            images.forEach(image -> save.withImage(image.repository(), image.tag()));
            try (InputStream saved = save.exec()) {
                other.patientClient().loadImageCmd(saved).exec();
            }
            return new OtherMachineEngine(host, id, name, other, dockerHost, certs);
        } catch (Exception e) {
            remove(host, id, name);
            throw e instanceof EngineException ee ? ee : new EngineException("cannot start an engine standing for another"
                    + " machine: " + e, e);
        }
    }

    /** A CA, the engine's certificate for {@code address} (into the container), docproof's into {@code certs}. */
    private static void giveCertificates(DockerClient host, String id, String address, Path certs) throws Exception {
        TestCertificates.Signed ca = TestCertificates.ca("docproof test CA");
        Path folder = Files.createTempDirectory("docproof-engine-certs-");
        Path server = TestCertificates.certFolder(folder.resolve("certs"), ca.certificate(),
                TestCertificates.signed(ca, "engine", address));
        TestCertificates.certFolder(certs, ca.certificate(), TestCertificates.signed(ca, "docproof", null));
        try {
            host.copyArchiveToContainerCmd(id).withHostResource(server.toString()).withRemotePath("/").exec();
            // the engine starts once this is there, after the files it reads
            Path ready = Files.writeString(folder.resolve("ready"), "");
            host.copyArchiveToContainerCmd(id).withHostResource(ready.toString()).withRemotePath("/certs").exec();
        } finally {
            Folders.delete(folder);
        }
    }

    private static Engine answering(String dockerHost, EngineTls tls) throws Exception {
        long deadline = System.nanoTime() + ANSWER_WITHIN.toNanos();
        while (true) {
            try {
                return Engine.connect(dockerHost, tls, Engine.DEFAULT_DEADLINE);
            } catch (EngineException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    /** Its DOCKER_HOST, as seen from this machine. */
    public String dockerHost() {
        return dockerHost;
    }

    /** The environment that names it to docproof and the docker CLI. */
    public Map<String, String> environment() {
        return certFolder == null ? Map.of("DOCKER_HOST", dockerHost)
                : Map.of("DOCKER_HOST", dockerHost, "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", certFolder.toString());
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
