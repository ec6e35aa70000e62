package dev.docproof.verify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks values that look like credentials, so that no report and no page shows them: cloud access keys,
 * API tokens, Docker Swarm join tokens and unlock keys, private keys, and the values of password, secret, token and key settings ({@code KEY=value},
 * {@code key: value}). Pure. A masked value keeps its first four characters, so a reader can still tell
 * which key it was. What cannot be told from a random string is not masked; a lesson that prints such
 * values should say so with a marker ({@code output: ignore}).
 */
public final class Secrets {

    /** What stands in for the rest of a masked value. */
    public static final String MASK = "********";

    /** Shapes of credentials, each matched whole; group "v", where present, is the part to mask. */
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("(?<v>-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|\\z))"),
            Pattern.compile("(?<![A-Za-z0-9])(?<v>(?:AKIA|ASIA)[0-9A-Z]{16})(?![A-Za-z0-9])"),
            Pattern.compile("(?<![A-Za-z0-9])(?<v>gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"),
            Pattern.compile("(?<![A-Za-z0-9])(?<v>xox[abprs]-[A-Za-z0-9-]{10,})"),
            Pattern.compile("(?<![A-Za-z0-9])(?<v>AIza[0-9A-Za-z_-]{35})"),
            Pattern.compile("(?<![A-Za-z0-9])(?<v>sk_(?:live|test)_[0-9A-Za-z]{16,})"),
            // `docker swarm init` prints the token that lets any machine join the swarm
            Pattern.compile("(?<![A-Za-z0-9])(?<v>SWM(?:TKN|KEY)-1-[A-Za-z0-9+/-]{20,})"),
            Pattern.compile("(?<![A-Za-z0-9_-])(?<v>eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})"),
            // KEY=value, key: value, "key": "value" where the key names a credential; the shell's PWD and OLDPWD
            // (a folder, as `env` prints them) name none
            Pattern.compile("(?i)(?<![A-Za-z0-9])(?-i:(?!(?:OLD)?PWD=/))[\"']?[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key"
                    + "|access[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]*[\"']?[ \\t]*[=:][ \\t]*[\"']?"
                    + "(?<v>[^\\s\"',;<{\\[$][^\\s\"',;]{3,})"));

    private Secrets() {}

    /** {@code text} with every credential-looking value masked. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Pattern shape : SHAPES) {
            masked = maskAll(shape, masked);
        }
        return masked;
    }

    /** Whether {@code text} holds something {@link #mask} would hide. */
    public static boolean present(String text) {
        return text != null && !mask(text).equals(text);
    }

    private static String maskAll(Pattern shape, String text) {
        Matcher m = shape.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String value = m.group("v");
            if (value.endsWith(MASK) || value.startsWith("$")) {
                continue; // already masked, or a variable that holds the value
            }
            out.append(text, last, m.start("v")).append(masked(value));
            last = m.end("v");
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private static String masked(String value) {
        if (value.startsWith("-----BEGIN")) {
            int header = value.indexOf("-----", 5) + 5;
            return value.substring(0, header) + "\n" + MASK + "\n";
        }
        return (value.length() >= 16 ? value.substring(0, 4) : "") + MASK;
    }
}
