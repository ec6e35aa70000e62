package dev.docproof.docker;

import dev.docproof.shell.Resource;
import dev.docproof.shell.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The engine's containers (stopped ones too), networks and volumes at one moment, by id, with each
 * container's state ("running", "exited", "removing", …).
 */
public record LedgerSnapshot(Map<String, Resource> byId, Map<String, String> containerStates) {

    public LedgerSnapshot {
        byId = Map.copyOf(byId);
        containerStates = Map.copyOf(containerStates);
    }

    static LedgerSnapshot of(List<Resource> resources, Map<String, String> containerStates) {
        return new LedgerSnapshot(resources.stream()
                .collect(Collectors.toMap(Resource::id, Function.identity(), (a, b) -> a)), containerStates);
    }

    /** The resource of that kind with that name, if the engine has one. */
    public Optional<Resource> named(ResourceKind kind, String name) {
        return byId.values().stream().filter(r -> r.kind() == kind && r.name().equals(name)).findFirst();
    }
}
