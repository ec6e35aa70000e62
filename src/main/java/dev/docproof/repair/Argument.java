package dev.docproof.repair;

import dev.docproof.shell.ResourceKind;

/** One positional argument a Docker command needs; {@code kind} is null when the ledger cannot supply it. */
enum Argument {
    NETWORK(ResourceKind.NETWORK),
    CONTAINER(ResourceKind.CONTAINER),
    VOLUME(ResourceKind.VOLUME),
    IMAGE(ResourceKind.IMAGE),
    /** The command an {@code exec} runs: only the author knows it. */
    COMMAND(null);

    final ResourceKind kind;

    Argument(ResourceKind kind) {
        this.kind = kind;
    }

    boolean fillable() {
        return kind != null;
    }

    String noun() {
        return name().toLowerCase();
    }
}
