package dev.docproof.docker;

import dev.docproof.shell.LedgerEntry;
import dev.docproof.shell.LedgerNames;
import dev.docproof.shell.ResourceKind;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which resources the ledger saw appear are the lesson's own. On a shared engine another process
 * may create a resource while a step runs, so appearing during a step is not enough: the lesson must name
 * it, or the step must have printed its name or id, or the step must be able to create that kind of
 * resource without naming it. Thread-safe: a shutdown hook asks while the lesson's thread still notes.
 */
public final class LessonEvidence {

    /** What each step (with its repair) printed, by line: evidence of the ids it created. */
    private final Map<Integer, String> printed = new ConcurrentHashMap<>();
    /** The commands each step ran (with its repair), by line. */
    private final Map<Integer, String> commands = new ConcurrentHashMap<>();
    /** The names the lesson's commands give what they create. */
    private final Set<String> named = ConcurrentHashMap.newKeySet();

    /** Notes what a step ran and printed; called for the step's command and again for its repair. */
    public void noteStep(int line, String command, String output) {
        LedgerNames.plannedNames(command).forEach(n -> named.add(n.name()));
        printed.merge(line, output, String::concat);
        commands.merge(line, command + "\n", String::concat);
    }

    /** Whether the evidence says the lesson created this resource (or, pre-existing, removed it). */
    public boolean isTheLessons(LedgerEntry e) {
        if (e.preExisting()) {
            return true; // a pre-existing resource the lesson removed: a fact about the lesson, never removed again
        }
        String name = e.resource().name();
        String id = e.resource().id();
        String out = printed.getOrDefault(e.createdAtLine(), "");
        return named.contains(name) || out.contains(name) || out.contains(id.substring(0, Math.min(12, id.length())))
                || canCreate(commands.getOrDefault(e.createdAtLine(), ""), e.resource().kind());
    }

    /**
     * Whether a step that ran {@code commands} can have created a resource of this kind that its text does
     * not name: a script, {@code make} or compose can create anything; {@code docker run|create} without
     * {@code --name} a container with a generated name; a volume can come from {@code docker volume create}
     * or a {@code -v} of {@code run|create}. A network always gets its name from the command.
     */
    private static boolean canCreate(String commands, ResourceKind kind) {
        if (!commands.contains("docker") || commands.contains("compose")) {
            return true;
        }
        return switch (kind) {
            case CONTAINER -> LedgerNames.imagesUsed(commands).size() > LedgerNames.plannedNames(commands).stream()
                    .filter(n -> n.kind() == ResourceKind.CONTAINER).count();
            case NETWORK -> false;
            case VOLUME -> commands.matches("(?s).*\\b(volume\\s+create|run|create)\\b.*");
            default -> true;
        };
    }
}
