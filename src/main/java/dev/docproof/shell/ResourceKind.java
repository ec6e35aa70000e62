package dev.docproof.shell;

/** The kinds of engine resource the ledger follows. */
public enum ResourceKind {
    CONTAINER, NETWORK, VOLUME, IMAGE;

    public String jsonName() {
        return name().toLowerCase();
    }
}
