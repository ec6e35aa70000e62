package dev.docproof.plan;

import dev.docproof.shell.ShellWords;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells an illustrative command from a runnable one. A command is a template when it holds a
 * placeholder such as {@code <network name>} or {@code <port>}, or an elision ({@code ...} standing for
 * arguments the lesson leaves out).
 *
 * <p>Shell syntax that also uses angle brackets is not a placeholder: redirections ({@code < file},
 * {@code <<EOF}, {@code <<<}, {@code 2>&1}) and process substitution ({@code <(...)}). Inside quotes, a
 * tag that is closed later in the command ({@code '<h1>hi</h1>'}) is markup, not a placeholder.
 */
public final class Templates {

    // Words separated by single spaces, never ending in a space: "<in.txt >out" is two redirections.
    private static final Pattern PLACEHOLDER =
            Pattern.compile("<([A-Za-z][A-Za-z0-9_.:/-]*(?: [A-Za-z0-9_.:/-]+)*)>");
    private static final Pattern WORD = Pattern.compile("\\S+");

    private Templates() {}

    /** Why {@code command} is a template ("placeholder <port>", "elision ..."), or empty when it is runnable. */
    public static Optional<String> reason(String command) {
        boolean[] quoted = ShellWords.quoted(command);
        Matcher m = PLACEHOLDER.matcher(command);
        while (m.find()) {
            int at = m.start();
            boolean redirection = at > 0 && command.charAt(at - 1) == '<';
            if (redirection) {
                continue;
            }
            String name = m.group(1);
            boolean closedTag = command.contains("</" + name.split("[ >]")[0]);
            if (quoted[at] && closedTag) {
                continue;
            }
            return Optional.of("placeholder " + m.group());
        }
        Matcher w = WORD.matcher(command);
        while (w.find()) {
            String word = w.group();
            if (!quoted[w.start()] && (word.equals("...") || word.equals("…") || word.equals("[...]"))) {
                return Optional.of("elision " + word);
            }
        }
        return Optional.empty();
    }
}
