package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;

/** A Docker engine that answers: the client to it and how it was found. */
public final class Engine implements AutoCloseable {

    private Engine() {}

    /** Connects to the engine named by DOCKER_HOST, else the default socket; fails with the fix when none answers. */
    public static Engine connect() throws EngineException {
        throw new UnsupportedOperationException("not built yet");
    }

    public DockerClient client() {
        throw new UnsupportedOperationException("not built yet");
    }

    public String serverVersion() {
        throw new UnsupportedOperationException("not built yet");
    }

    public String apiVersion() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** e.g. "DOCKER_HOST=tcp://…" or "socket /var/run/docker.sock". */
    public String foundVia() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {
    }
}
