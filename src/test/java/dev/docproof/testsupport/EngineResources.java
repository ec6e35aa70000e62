package dev.docproof.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The engine resources one test creates, with unique names, removed on close even when the test fails:
 * {@code try (EngineResources mine = EngineResources.forTest("foundation")) { ... mine.container(name) ... }}.
 * Only what was registered here is removed; nothing else in the shared engine is touched.
 */
public final class EngineResources implements AutoCloseable {

    private final DockerClient client;
    private final String prefix;
    private final Deque<String> containers = new ArrayDeque<>();
    private final Deque<String> networks = new ArrayDeque<>();
    private final Deque<String> images = new ArrayDeque<>();

    private EngineResources(DockerClient client, String prefix) {
        this.client = client;
        this.prefix = prefix;
    }

    /** Resources named {@code docproof-test-<branch>-<random>-…}, on the shared {@link TestEngine}. */
    public static EngineResources forTest(String branch) {
        return new EngineResources(TestEngine.ready().client(),
                "docproof-test-" + branch + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A name no other test uses, e.g. {@code name("server")}. */
    public String name(String purpose) {
        return prefix + "-" + purpose;
    }

    /** Registers a container (name or id) for removal, with its volumes; returns it. */
    public String container(String nameOrId) {
        containers.push(nameOrId);
        return nameOrId;
    }

    /** Registers a network (name or id) for removal, after the containers; returns it. */
    public String network(String nameOrId) {
        networks.push(nameOrId);
        return nameOrId;
    }

    /** Registers an image (reference or id) the test built, for removal last; returns it. */
    public String image(String referenceOrId) {
        images.push(referenceOrId);
        return referenceOrId;
    }

    public DockerClient client() {
        return client;
    }

    /** Removes everything registered, newest first; reports every removal that failed at once. */
    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        for (String container : containers) {
            remove(failures, "container " + container,
                    () -> client.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec());
        }
        for (String network : networks) {
            remove(failures, "network " + network, () -> client.removeNetworkCmd(network).exec());
        }
        for (String image : images) {
            remove(failures, "image " + image, () -> client.removeImageCmd(image).withForce(true).exec());
        }
        containers.clear();
        networks.clear();
        images.clear();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Could not remove what the test created: " + String.join("; ", failures));
        }
    }

    private static void remove(List<String> failures, String what, Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException alreadyGone) {
            // Removed by the test itself (e.g. --rm); nothing left to do.
        } catch (ConflictException e) {
            if (!e.getMessage().contains("already in progress")) { // --rm is removing it right now
                failures.add(what + ": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            failures.add(what + ": " + e.getMessage());
        }
    }
}
