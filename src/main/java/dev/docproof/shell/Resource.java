package dev.docproof.shell;

/** An engine resource as the ledger saw it; {@code id} is the engine's full id. */
public record Resource(ResourceKind kind, String id, String name) {}
