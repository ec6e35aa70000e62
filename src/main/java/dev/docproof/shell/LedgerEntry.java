package dev.docproof.shell;

/**
 * What the ledger knows of one resource over a lesson run.
 *
 * @param createdAtLine line of the step that created it; 0 when it existed before the lesson
 * @param createdInSection section title of that step ("" when none or pre-existing)
 * @param removedAtLine line of the step that removed it; 0 while it still exists
 */
public record LedgerEntry(Resource resource, int createdAtLine, String createdInSection, int removedAtLine) {

    public boolean preExisting() {
        return createdAtLine == 0;
    }

    public boolean present() {
        return removedAtLine == 0;
    }
}
