package dev.docproof.shell;


import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a step cannot have changed what the engine holds, so the ledger need not ask the engine after it.
 *
 * <p>The rule, deliberately narrow: a step is engine-free when every simple command in it runs one of a few
 * plain file and text utilities (mkdir, echo, rm, …: programs that start no other program), with no command
 * or process substitution and nothing sent to the background. That holds only while those names still
 * mean the utilities: once a step defines a function or alias, touches PATH, sources or evals text, or
 * starts anything in the background (which may create resources while later steps run), no later step of
 * the lesson is taken for engine-free. Anything else — {@code docker}, a script, {@code make}, {@code sed}
 * (its {@code e} command runs programs) — gets its snapshot.
 */
public final class LedgerSkip {

    private static final Set<String> FILE_UTILITIES = Set.of("mkdir", "rmdir", "rm", "echo", "printf", "cat", "cd",
            "pwd", "ls", "touch", "cp", "mv", "ln", "chmod", "head", "tail", "wc", "true", "false", ":");
    private static final Set<String> LOOKUP_CHANGERS = Set.of("alias", "function", "source", ".", "eval", "enable",
            "hash", "exec", "builtin", "command", "trap");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\(|`|<\\(|>\\(");
    /** A lone {@code &} (not {@code &&}, {@code >&}, {@code &>}): a background job. */
    private static final Pattern BACKGROUND = Pattern.compile("(?<![&>|])&(?![&>])");

    private LedgerSkip() {}

    private static List<List<String>> simpleCommands(String command) {
        return ShellWords.commands(command).stream().map(ShellWords.Command::texts).filter(w -> !w.isEmpty()).toList();
    }

    /** Whether {@code command} only runs plain file utilities, in the foreground, as written. */
    public static boolean engineFree(String command) {
        if (SUBSTITUTION.matcher(command).find() || BACKGROUND.matcher(command).find()) {
            return false;
        }
        List<List<String>> commands = simpleCommands(command);
        return !commands.isEmpty() && commands.stream().allMatch(words -> FILE_UTILITIES.contains(words.get(0)));
    }

    /**
     * Whether after {@code command} a utility's name may run something else (a function, an alias, another
     * PATH), or a background job may still be creating resources.
     */
    public static boolean mayChangeLater(String command) {
        if (BACKGROUND.matcher(command).find() || command.contains("()") || command.contains("PATH")) {
            return true;
        }
        return simpleCommands(command).stream().anyMatch(words -> LOOKUP_CHANGERS.contains(words.get(0)));
    }
}
