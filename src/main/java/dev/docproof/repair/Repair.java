package dev.docproof.repair;

/**
 * A proven repair of a step: the command as the lesson wrote it, the command that ran instead,
 * and the ledger evidence that justified the filled-in value.
 */
public record Repair(String originalCommand, String command, String evidence) {}
