package dev.docproof.plan;

import dev.docproof.shell.Placeholders;
import dev.docproof.shell.ShellWords;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells an illustrative command from a runnable one. A command is a template when it holds a placeholder
 * (any spelling {@link Placeholders} recognises: {@code <network name>}, {@code {container id}},
 * {@code [IMAGE]}, {@code YOUR_NAME}) or an elision ({@code ...} standing for arguments the lesson leaves out).
 */
public final class Templates {

    private static final Pattern WORD = Pattern.compile("\\S+");

    private Templates() {}

    /** Why {@code command} is a template ("placeholder <port>", "elision ..."), or empty when it is runnable. */
    public static Optional<String> reason(String command) {
        Optional<Placeholders.Placeholder> placeholder = Placeholders.first(command);
        if (placeholder.isPresent()) {
            return Optional.of("placeholder " + placeholder.get().text());
        }
        return elision(command).map(e -> "elision " + e);
    }

    /** The elision in {@code command} ({@code ...}, {@code …}, {@code [...]} outside quotes), if any. */
    public static Optional<String> elision(String command) {
        boolean[] quoted = ShellWords.quoted(command);
        Matcher w = WORD.matcher(command);
        while (w.find()) {
            String word = w.group();
            if (!quoted[w.start()] && (word.equals("...") || word.equals("…") || word.equals("[...]"))) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }
}
