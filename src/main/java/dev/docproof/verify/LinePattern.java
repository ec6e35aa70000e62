package dev.docproof.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One documented output line compiled into what it accepts: literal text; {@code ...} inside the line for any
 * text; a {@code <placeholder>} for any non-empty text; column padding (two or more blanks) for any run of
 * blanks, so aligned tables still match when a value's width changes; and {@link Volatile} values for any
 * value of their kind.
 */
final class LinePattern {

    private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z][\\w .-]*>");

    private final String text;
    private final Pattern regex;
    /** The documented value and kind of each capturing group, in order. */
    private final List<Value> values;

    private record Value(Volatile kind, String documented) {}

    /** A volatile value that differs from the documented one. */
    record Drift(Volatile kind, String documented, String actual) {}

    private LinePattern(String text, Pattern regex, List<Value> values) {
        this.text = text;
        this.regex = regex;
        this.values = values;
    }

    static LinePattern compile(String line) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        List<Value> values = new ArrayList<>();
        int pos = 0;
        while (pos < line.length()) {
            String token = null;
            int next = pos;
            if (line.startsWith("...", pos) || line.startsWith("…", pos)) {
                token = "(?:.*?)";
                next = pos + (line.charAt(pos) == '…' ? 1 : 3);
            } else if (lookingAt(PLACEHOLDER, line, pos) > 0) {
                token = "(?:.+?)";
                next = lookingAt(PLACEHOLDER, line, pos);
            } else if (line.startsWith("  ", pos)) {
                next = pos;
                while (next < line.length() && (line.charAt(next) == ' ' || line.charAt(next) == '\t')) {
                    next++;
                }
                token = "[ \\t]+";
            } else {
                for (Volatile kind : Volatile.values()) {
                    int end = kind.detectAt(line, pos);
                    if (end > pos) {
                        String documented = line.substring(pos, end);
                        values.add(new Value(kind, documented));
                        token = "(" + kind.actualRegex(documented) + ")";
                        next = end;
                        break;
                    }
                }
            }
            if (token == null) {
                literal.appendCodePoint(line.codePointAt(pos));
                pos += Character.charCount(line.codePointAt(pos));
                continue;
            }
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            regex.append(token);
            pos = next;
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new LinePattern(line, Pattern.compile(regex.toString()), List.copyOf(values));
    }

    String text() {
        return text;
    }

    /** Null when the actual line does not match; else the drift it shows (often none). */
    List<Drift> match(String actual) {
        java.util.regex.Matcher m = regex.matcher(actual);
        if (!m.matches()) {
            return null;
        }
        List<Drift> drift = new ArrayList<>();
        for (int g = 0; g < values.size(); g++) {
            Value value = values.get(g);
            String got = m.group(g + 1);
            if (value.kind().drifts() && !value.kind().sameValue(value.documented(), got)) {
                drift.add(new Drift(value.kind(), value.documented(), got));
            }
        }
        return drift;
    }

    private static int lookingAt(Pattern pattern, String line, int from) {
        java.util.regex.Matcher m = pattern.matcher(line);
        m.region(from, line.length());
        return m.lookingAt() ? m.end() : -1;
    }
}
