package dev.docproof.repair;

import dev.docproof.docker.LedgerEntry;
import dev.docproof.lesson.Step;

import java.util.List;

/** Fills a missing argument of a failed step from what the lesson itself created. Pure. */
public final class GapRepair {

    /** What the evidence allows: a repaired command to try, or why there is none. */
    public sealed interface Proposal {
        record Fill(Repair repair) implements Proposal {}

        /** No gap recognised, no candidate, or a tie: {@code candidates} lists what was considered. */
        record None(String reason, List<LedgerEntry> candidates) implements Proposal {}
    }

    private GapRepair() {}

    /**
     * @param output what the failed step printed (the engine's usage error says an argument is missing)
     * @param ledger the ledger as it stands when the step ran
     */
    public static Proposal propose(Step step, String output, List<LedgerEntry> ledger) {
        throw new UnsupportedOperationException("not built yet");
    }
}
