package dev.docproof.run;

import dev.docproof.shell.ResourceKind;

/** A resource the lesson created and left behind; docproof removed it after the lesson. */
public record Leak(ResourceKind kind, String name, int line, boolean removed) {}
