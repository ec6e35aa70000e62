package dev.docproof.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that recognises what a lesson's author left for the reader to fill in: placeholders in every
 * spelling courses use ({@code <container_name/id>}, {@code {container id}}, {@code [IMAGE]}, {@code YOUR_NAME}),
 * and values copied from the author's own run ({@code docker stop 3f9a1c2be4d7}), which look like real
 * engine ids. Pure.
 *
 * <p>Shell syntax that looks alike is not a placeholder: redirections ({@code < file}, {@code <<EOF}),
 * process substitution, {@code ${VAR}}, brace expansion ({@code {a,b}}, {@code {1..3}}), Go templates
 * ({@code {{.Id}}}), test brackets ({@code [ -f x ]}), a tag closed later inside quotes ({@code '<h1>hi</h1>'}),
 * and anything inside quotes other than the {@code <...>} spelling. A here-document's body is a file's content:
 * there only {@code YOUR_NAME} and {@code <your name>} count, the latter unless the body is markup (it closes a tag).
 */
public final class Placeholders {

    /** How a placeholder is written. */
    public enum Spelling { ANGLE, BRACE, BRACKET, YOUR_WORD }

    /**
     * One placeholder: as written, where it stands in the command, and the kind of resource its words name
     * ({@code <container id>} → container), null when they name none.
     */
    public record Placeholder(String text, int start, int end, Spelling spelling, ResourceKind kind) {}

    /** A value that looks like an engine id (12 or 64 hex digits, or {@code sha256:…}) in a docker command. */
    public record AuthorValue(String text, int start, int end) {}

    // Words separated by single spaces, never ending in a space: "<in.txt >out" is two redirections.
    private static final Pattern ANGLE = Pattern.compile("<([A-Za-z][A-Za-z0-9_.:/-]*(?: [A-Za-z0-9_.:/-]+)*)>");
    private static final Pattern BRACE = Pattern.compile("(?<![${])\\{([A-Za-z][A-Za-z0-9_/-]*(?: [A-Za-z0-9_/-]+)*)}(?!})");
    private static final Pattern BRACKET = Pattern.compile("(?<!\\[)\\[([A-Z][A-Z0-9_/-]*(?: [A-Z0-9_/-]+)*)](?!])");
    private static final Pattern YOUR = Pattern.compile("(?<![\\w${-])(?:YOUR|[Yy]our)[_-][A-Za-z0-9_-]*[A-Za-z0-9](?![\\w=-])");
    private static final Pattern MARKUP = Pattern.compile("</[A-Za-z][A-Za-z0-9]*>");
    private static final Pattern HEX_ID = Pattern.compile("(?:sha256:)?(?:[0-9a-f]{64}|[0-9a-f]{12})");

    private Placeholders() {}

    /** Every placeholder in {@code command}, in the order they stand. */
    public static List<Placeholder> find(String command) {
        boolean[] quoted = ShellWords.quoted(command);
        boolean[] body = ShellWords.inHereDocument(command);
        boolean markup = MARKUP.matcher(command).find();
        List<Placeholder> found = new ArrayList<>();
        Matcher m = ANGLE.matcher(command);
        while (m.find()) {
            int at = m.start();
            boolean redirection = at > 0 && command.charAt(at - 1) == '<';
            boolean closedTag = command.contains("</" + m.group(1).split("[ >]")[0]);
            // In a file's content, <h1> or <br> beside a closing tag is markup, not a gap to fill.
            if (!redirection && !(quoted[at] && closedTag) && !(body[at] && markup)) {
                found.add(placeholder(m, Spelling.ANGLE));
            }
        }
        // A file's content holds braces and brackets of its own language: f"{name}", [INPUT], {{ .Values }}.
        boolean[] notHere = new boolean[command.length()];
        for (int i = 0; i < notHere.length; i++) {
            notHere[i] = quoted[i] || body[i];
        }
        addUnquoted(found, BRACE.matcher(command), Spelling.BRACE, notHere);
        addUnquoted(found, BRACKET.matcher(command), Spelling.BRACKET, notHere);
        addUnquoted(found, YOUR.matcher(command), Spelling.YOUR_WORD, quoted);
        found.sort(Comparator.comparingInt(Placeholder::start));
        return found;
    }

    /** The first placeholder, for a template's reason. */
    public static Optional<Placeholder> first(String command) {
        return find(command).stream().findFirst();
    }

    /**
     * Values in the positional arguments of docker commands that look like engine ids: an author's run
     * printed them, so on another machine they name nothing unless the lesson made them.
     */
    public static List<AuthorValue> authorValues(String command) {
        List<AuthorValue> found = new ArrayList<>();
        for (DockerArguments.Argument a : DockerArguments.of(command)) {
            String name = a.call().command();
            // after the first argument of run and exec comes the command run inside the container
            boolean inside = a.n() > 0 && (name.equals("exec") || name.equals("run"));
            if (!inside && looksLikeId(a.word().text())) {
                found.add(new AuthorValue(a.word().text(), a.word().start(), a.word().end()));
            }
        }
        return found;
    }

    /** 12 or 64 lower-case hex digits with both a digit and a letter, optionally after {@code sha256:}. */
    public static boolean looksLikeId(String word) {
        String hex = word.startsWith("sha256:") ? word.substring(7) : word;
        return HEX_ID.matcher(word).matches() && hex.chars().anyMatch(Character::isDigit)
                && hex.chars().anyMatch(Character::isLetter);
    }

    private static void addUnquoted(List<Placeholder> found, Matcher m, Spelling spelling, boolean[] quoted) {
        while (m.find()) {
            int at = m.start();
            boolean inside = found.stream().anyMatch(p -> at >= p.start() && at < p.end());
            if (!quoted[at] && !inside) {
                found.add(placeholder(m, spelling));
            }
        }
    }

    private static Placeholder placeholder(Matcher m, Spelling spelling) {
        return new Placeholder(m.group(), m.start(), m.end(), spelling, kindNamed(m.group()));
    }

    /** The kind of resource a placeholder's words name; null when none or more than one. */
    static ResourceKind kindNamed(String text) {
        String words = text.toLowerCase(Locale.ROOT);
        List<ResourceKind> named = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            if (words.contains(kind.jsonName())) {
                named.add(kind);
            }
        }
        return named.size() == 1 ? named.get(0) : null;
    }
}
