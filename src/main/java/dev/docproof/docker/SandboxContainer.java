package dev.docproof.docker;

import java.io.InputStream;
import java.time.Duration;

/**
 * A container docproof started as a sandbox, wherever its engine runs: {@link Sandbox} on this machine's engine,
 * {@link RemoteSandbox} on another machine's.
 */
public interface SandboxContainer extends AutoCloseable {

    /** Loads a saved image ({@code docker save}'s tar) into the sandbox's engine. */
    void loadImage(InputStream saved) throws EngineException;

    /** Stops the container and waits for the engine inside it to shut down cleanly (used for the image store). */
    void stopGracefully(Duration timeout);

    /** The container's log (the inner engine's output), for a message. */
    String logs();

    /** Removes the sandbox; a second call, from another thread, returns once the first has removed it. */
    @Override
    void close();
}
