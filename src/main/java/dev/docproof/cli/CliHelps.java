package dev.docproof.cli;

import dev.docproof.docker.ClientHelp;
import dev.docproof.shell.CliModel;
import dev.docproof.shell.KnownCli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models of the CLIs lesson commands are checked against, read from the clients on this machine
 * (cached in {@code target/cli-help/}), with what a reader should be told: a help read afresh, a client missing
 * (and what stood in for it).
 */
record CliHelps(Map<String, CliModel> models, List<String> notes) {

    static CliHelps load() {
        ClientHelp help = ClientHelp.inTarget();
        Map<String, CliModel> models = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (KnownCli cli : KnownCli.values()) {
            help.load(cli, notes).ifPresent(loaded -> models.put(cli.program(), loaded.model()));
        }
        return new CliHelps(Map.copyOf(models), List.copyOf(notes));
    }

    /** Loads the models and says on {@code err} what it could not read from the cache of the client on {@code PATH}. */
    static Map<String, CliModel> load(PrintWriter err) {
        CliHelps helps = load();
        helps.printNotes(err);
        return helps.models();
    }

    void printNotes(PrintWriter err) {
        notes.forEach(note -> err.println("docproof: " + note));
    }
}
