package dev.docproof.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docproof.repair.Repair;
import dev.docproof.run.Note;
import dev.docproof.run.Outcome;
import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.Resource;
import dev.docproof.shell.ResourceKind;
import dev.docproof.verify.MatchResult;

/**
 * A step's {@link Outcome} and {@link Note}s as JSON objects with every field of the record, and back: the
 * results a shard wrote are rebuilt into the same records, so a merge reports them as the run would have.
 * Each object names its kind ({@code "kind": "timed-out"}); nested outcomes (a repair's re-run, a bound run)
 * nest.
 */
final class OutcomeJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OutcomeJson() {}

    static ObjectNode write(Outcome outcome) {
        ObjectNode node = JSON.objectNode();
        if (outcome instanceof Outcome.Passed p) {
            node.put("kind", "passed").put("sampleLine", p.sampleLine()).set("match", match(p.match()));
        } else if (outcome instanceof Outcome.Ran) {
            node.put("kind", "ran");
        } else if (outcome instanceof Outcome.ExitCode e) {
            node.put("kind", "exit-code").put("code", e.code()).put("shellEvent", e.shellEvent());
        } else if (outcome instanceof Outcome.Mismatch m) {
            node.put("kind", "mismatch").put("sampleLine", m.sampleLine()).set("match", match(m.match()));
        } else if (outcome instanceof Outcome.TimedOut t) {
            node.put("kind", "timed-out").put("deadline", t.deadline() == null ? null : t.deadline().toString())
                    .put("shellEvent", t.shellEvent());
        } else if (outcome instanceof Outcome.NotReady n) {
            node.put("kind", "not-ready").put("why", n.why());
        } else if (outcome instanceof Outcome.DiskShort d) {
            node.put("kind", "disk-short").put("why", d.why());
        } else if (outcome instanceof Outcome.Interrupted i) {
            node.put("kind", "interrupted").put("signal", i.signal());
        } else if (outcome instanceof Outcome.Repaired r) {
            node.put("kind", "repaired").<ObjectNode>set("repair", repair(r.repair())).set("rerun", write(r.rerun()));
        } else if (outcome instanceof Outcome.Bound b) {
            node.put("kind", "bound").put("command", b.command()).put("evidence", b.evidence())
                    .put("template", b.template()).set("ran", write(b.ran()));
        } else if (outcome instanceof Outcome.Written w) {
            node.put("kind", "written").put("file", w.file());
        } else if (outcome instanceof Outcome.Started s) {
            node.put("kind", "started").put("readiness", s.readiness());
        } else if (outcome instanceof Outcome.Skipped s) {
            node.put("kind", "skipped").put("reason", s.reason());
        } else if (outcome instanceof Outcome.NotRun n) {
            node.put("kind", "not-run").put("why", JsonIn.jsonName(n.why())).put("line", n.line());
        } else {
            throw new IllegalArgumentException("an outcome the JSON report does not know: " + outcome);
        }
        return node;
    }

    static Outcome read(JsonIn in) throws ResultsException {
        String kind = in.text("kind");
        return switch (kind) {
            case "passed" -> new Outcome.Passed(match(in.field("match")), in.integer("sampleLine"));
            case "ran" -> new Outcome.Ran();
            case "exit-code" -> new Outcome.ExitCode(in.integer("code"), in.textOrNull("shellEvent"));
            case "mismatch" -> new Outcome.Mismatch(match(in.field("match")), in.integer("sampleLine"));
            case "timed-out" -> new Outcome.TimedOut(in.durationOrNull("deadline"), in.textOrNull("shellEvent"));
            case "not-ready" -> new Outcome.NotReady(in.text("why"));
            case "disk-short" -> new Outcome.DiskShort(in.text("why"));
            case "interrupted" -> new Outcome.Interrupted(in.text("signal"));
            case "repaired" -> new Outcome.Repaired(repair(in.field("repair")), read(in.field("rerun")));
            case "bound" -> new Outcome.Bound(in.text("command"), in.text("evidence"), read(in.field("ran")),
                    in.bool("template"));
            case "written" -> new Outcome.Written(in.text("file"));
            case "started" -> new Outcome.Started(in.text("readiness"));
            case "skipped" -> new Outcome.Skipped(in.text("reason"));
            case "not-run" -> new Outcome.NotRun(in.choice("why", Outcome.NotRun.Why.values(), JsonIn::jsonName),
                    in.integer("line"));
            default -> throw in.field("kind").problem("\"" + kind + "\" is no outcome this docproof knows: merge with"
                    + " the docproof version that ran the shards");
        };
    }

    static ObjectNode write(Note note) {
        ObjectNode node = JSON.objectNode();
        if (note instanceof Note.ShellEvent s) {
            node.put("kind", "shell-event").put("event", s.event());
        } else if (note instanceof Note.LedgerBlind b) {
            node.put("kind", "ledger-blind").put("engineError", b.engineError());
        } else if (note instanceof Note.EngineUnanswered u) {
            node.put("kind", "engine-unanswered").put("engine", u.engine()).put("request", u.request())
                    .put("waited", u.waited().toString()).put("answersPing", u.answersPing());
        } else if (note instanceof Note.OutOfMemory m) {
            node.put("kind", "out-of-memory").put("limitBytes", m.limit());
        } else if (note instanceof Note.BesideTheLesson b) {
            ArrayNode paths = node.put("kind", "beside-the-lesson").putArray("paths");
            b.paths().forEach(paths::add);
        } else if (note instanceof Note.SandboxDevices) {
            node.put("kind", "sandbox-devices");
        } else if (note instanceof Note.TerminalWanted) {
            node.put("kind", "terminal-wanted");
        } else if (note instanceof Note.OtherBuilder) {
            node.put("kind", "other-builder");
        } else if (note instanceof Note.StoppedLikeCtrlC s) {
            node.put("kind", "stopped-like-ctrl-c").put("after", s.after().toString());
        } else if (note instanceof Note.ServerStarting s) {
            ArrayNode containers = node.put("kind", "server-starting").put("waited", s.waited().toString())
                    .putArray("containers");
            s.containers().forEach(containers::add);
        } else if (note instanceof Note.OutlivedBy o) {
            ArrayNode containers = node.put("kind", "outlived-by").putArray("containers");
            o.containers().forEach(containers::add);
        } else if (note instanceof Note.NoRepair n) {
            node.put("kind", "no-repair").put("why", n.why());
            ArrayNode candidates = node.putArray("candidates");
            n.candidates().forEach(c -> candidates.add(ledgerEntry(c)));
        } else if (note instanceof Note.Unbound u) {
            node.put("kind", "unbound").put("why", u.why());
        } else if (note instanceof Note.FailureShown f) {
            node.put("kind", "failure-shown").put("sampleLine", f.sampleLine()).put("exitCode", f.exitCode());
        } else if (note instanceof Note.RepairFailed f) {
            node.put("kind", "repair-failed").<ObjectNode>set("tried", repair(f.tried())).set("outcome", write(f.outcome()));
        } else {
            throw new IllegalArgumentException("a note the JSON report does not know: " + note);
        }
        return node;
    }

    static Note readNote(JsonIn in) throws ResultsException {
        String kind = in.text("kind");
        return switch (kind) {
            case "shell-event" -> new Note.ShellEvent(in.text("event"));
            case "ledger-blind" -> new Note.LedgerBlind(in.text("engineError"));
            case "engine-unanswered" -> new Note.EngineUnanswered(in.text("engine"), in.text("request"),
                    in.durationOrNull("waited"), in.bool("answersPing"));
            case "out-of-memory" -> new Note.OutOfMemory(in.longValue("limitBytes"));
            case "beside-the-lesson" -> new Note.BesideTheLesson(in.strings("paths"));
            case "sandbox-devices" -> new Note.SandboxDevices();
            case "terminal-wanted" -> new Note.TerminalWanted();
            case "other-builder" -> new Note.OtherBuilder();
            case "stopped-like-ctrl-c" -> {
                in.text("after"); // there, or the file says where it is missing
                yield new Note.StoppedLikeCtrlC(in.durationOrNull("after"));
            }
            case "outlived-by" -> new Note.OutlivedBy(in.strings("containers"));
            case "server-starting" -> {
                in.text("waited"); // there, or the file says where it is missing
                yield new Note.ServerStarting(in.strings("containers"), in.durationOrNull("waited"));
            }
            case "no-repair" -> new Note.NoRepair(in.text("why"), in.list("candidates", OutcomeJson::ledgerEntry));
            case "unbound" -> new Note.Unbound(in.text("why"));
            case "failure-shown" -> new Note.FailureShown(in.integer("sampleLine"), in.integer("exitCode"));
            case "repair-failed" -> new Note.RepairFailed(repair(in.field("tried")), read(in.field("outcome")));
            default -> throw in.field("kind").problem("\"" + kind + "\" is no note this docproof knows: merge with"
                    + " the docproof version that ran the shards");
        };
    }

    static ObjectNode ledgerEntry(LedgerEntry entry) {
        return JSON.objectNode()
                .put("kind", entry.resource().kind().jsonName())
                .put("id", entry.resource().id())
                .put("name", entry.resource().name())
                .put("createdAtLine", entry.createdAtLine())
                .put("createdInSection", entry.createdInSection())
                .put("removedAtLine", entry.removedAtLine());
    }

    static LedgerEntry ledgerEntry(JsonIn in) throws ResultsException {
        Resource resource = new Resource(resourceKind(in), in.textOrNull("id"), in.textOrNull("name"));
        return new LedgerEntry(resource, in.integer("createdAtLine"), in.textOrNull("createdInSection"),
                in.integer("removedAtLine"));
    }

    static ResourceKind resourceKind(JsonIn in) throws ResultsException {
        return in.choice("kind", ResourceKind.values(), ResourceKind::jsonName);
    }

    private static ObjectNode match(MatchResult match) {
        if (match == null) {
            return null;
        }
        ObjectNode node = JSON.objectNode().put("outcome", JsonIn.jsonName(match.outcome()));
        ArrayNode drift = node.putArray("drift");
        match.drift().forEach(drift::add);
        ArrayNode abridged = node.putArray("abridged");
        match.abridged().forEach(abridged::add);
        return node.put("diff", match.diff());
    }

    private static MatchResult match(JsonIn in) throws ResultsException {
        if (in.isNull()) {
            return null;
        }
        return new MatchResult(in.choice("outcome", MatchResult.Outcome.values(), JsonIn::jsonName),
                in.strings("drift"), in.strings("abridged"), in.textOrNull("diff"));
    }

    static ObjectNode repair(Repair repair) {
        return JSON.objectNode()
                .put("originalCommand", repair.originalCommand())
                .put("command", repair.command())
                .put("evidence", repair.evidence());
    }

    static Repair repair(JsonIn in) throws ResultsException {
        return new Repair(in.text("originalCommand"), in.text("command"), in.text("evidence"));
    }
}
