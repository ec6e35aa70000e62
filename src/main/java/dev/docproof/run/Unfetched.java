package dev.docproof.run;

import dev.docproof.shell.Downloads;
import dev.docproof.shell.ShellWords;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What skipped steps would have fetched into the working folder ({@code git clone URL}, {@code wget URL}, see
 * {@link Downloads}), and the steps that cannot run without it: those that name it, and, after a {@code cd} into
 * it was skipped, those that would have run inside it, until a {@code cd} leaves it (which is skipped too, the
 * session never having entered it) or goes to a folder of its own ({@code cd ~}, {@code cd /srv}).
 */
final class Unfetched {

    /** Each path with why it is missing: "line 44 would have fetched (it was skipped: needs the internet ...)". */
    private final Map<String, String> missing = new LinkedHashMap<>();
    /** The folder the session would be in, with why, while its steps cannot run; null otherwise. */
    private String inside;
    private String insideWhy;
    /** How many folders down from where the session really is. */
    private int depth;

    /** Records what a skipped step would have fetched. */
    void skipped(int line, String command, String reason) {
        for (String path : Downloads.by(command)) {
            missing.put(path, "line " + line + " would have fetched (it was skipped: " + reason + ")");
        }
    }

    /** Why {@code command} cannot run, if so; also follows a skipped {@code cd} into or out of a missing folder. */
    Optional<String> blocks(String command) {
        List<ShellWords.Command> commands = ShellWords.commands(command);
        List<String> first = commands.isEmpty() ? List.of() : commands.get(0).texts();
        String cdTo = !first.isEmpty() && first.get(0).equals("cd") ? (first.size() > 1 ? first.get(1) : "~") : null;
        if (inside != null && cdTo != null && ownFolder(cdTo)) {
            inside = null; // to a folder of its own: what follows runs where it says
        } else if (inside != null) {
            String why = "runs inside " + inside + ", which the session could not enter: " + insideWhy;
            if (cdTo != null) {
                depth += steps(cdTo);
                if (depth <= 0) {
                    inside = null;
                }
            }
            return Optional.of(why);
        }
        for (ShellWords.Command simple : commands) {
            for (String word : simple.texts()) {
                for (Map.Entry<String, String> path : missing.entrySet()) {
                    if (word.equals(path.getKey()) || word.startsWith(path.getKey() + "/")) {
                        if (cdTo != null && (cdTo.equals(path.getKey()) || cdTo.startsWith(path.getKey() + "/"))) {
                            inside = cdTo;
                            insideWhy = path.getKey() + " is missing, which " + path.getValue();
                            depth = steps(cdTo);
                        }
                        return Optional.of("needs " + path.getKey() + ", which " + path.getValue());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A cd to a folder of its own: home, an absolute path, the previous folder. */
    private static boolean ownFolder(String to) {
        return to.startsWith("/") || to.startsWith("~") || to.startsWith("$") || to.equals("-");
    }

    /** How many folders down a relative cd goes: {@code app/src} 2, {@code ..} -1. */
    private static int steps(String relative) {
        int down = 0;
        for (String part : relative.split("/+")) {
            down += part.equals("..") ? -1 : part.isEmpty() || part.equals(".") ? 0 : 1;
        }
        return down;
    }
}
