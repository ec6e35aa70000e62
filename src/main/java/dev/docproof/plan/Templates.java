package dev.docproof.plan;

import dev.docproof.shell.Placeholders;
import dev.docproof.shell.ShellWords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** A stretch of a template that the lesson leaves open. */
    public record Mark(int start, int end, Kind kind) {
        public enum Kind { PLACEHOLDER, ELISION }
    }

    /** Every placeholder ({@link Placeholders}) and every elision word of {@code command}, in order. */
    public static List<Mark> marks(String command) {
        List<Mark> marks = new ArrayList<>();
        Placeholders.find(command).forEach(p -> marks.add(new Mark(p.start(), p.end(), Mark.Kind.PLACEHOLDER)));
        boolean[] quoted = ShellWords.quoted(command);
        Matcher w = WORD.matcher(command);
        while (w.find()) {
            String word = w.group();
            if (!quoted[w.start()] && (word.equals("...") || word.equals("…") || word.equals("[...]"))) {
                marks.add(new Mark(w.start(), w.end(), Mark.Kind.ELISION));
            }
        }
        marks.sort(Comparator.comparingInt(Mark::start));
        return marks;
    }

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
