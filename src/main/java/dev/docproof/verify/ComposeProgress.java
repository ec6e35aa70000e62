package dev.docproof.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker Compose's progress, as a terminal shows it and as a step gets it. At a terminal Compose redraws one line per
 * network, volume or container in place and leaves its last state with the time it took ({@code [+] Running 2/2},
 * {@code  ✔ Container demo-web-1  Started  0.4s}); without one, as in every step, it writes each state on a line of
 * its own ({@code  Container demo-web-1  Starting}, then {@code  Container demo-web-1  Started}). A sample copied from a
 * terminal is read in the plain form: its heading is not required, its resource lines match the plain line of the
 * same last state, and the plain lines of states a terminal overwrites are no abridgement. Pure.
 */
final class ComposeProgress {

    private static final String RESOURCE = "(?:Network|Volume|Container|Image|Service)\\s+\\S+";
    /** {@code  ✔ Container demo-web-1  Started  0.4s}: the mark, the resource and its state, the time it took. */
    private static final Pattern TERMINAL_LINE = Pattern.compile(
            "\\s*[✔✘⠿]\\s+(" + RESOURCE + ")\\s+(\\S+(?: \\S+)?)(?:\\s+\\d+(?:\\.\\d+)?s)?\\s*");
    private static final Pattern HEADING = Pattern.compile("\\s*\\[\\+] [A-Z][a-z]+(?: \\d+/\\d+)?\\s*");
    /** A plain progress line: the resource, then its state. */
    private static final Pattern PLAIN_LINE = Pattern.compile("\\s*(" + RESOURCE + ")\\s+[A-Z][a-z]+(?: [a-z]+)?\\s*");

    private ComposeProgress() {}

    /** The plain line a terminal's resource line stands for ({@code   Container demo-web-1  Started}); empty if none. */
    static Optional<String> plainForm(String sampleLine) {
        Matcher m = TERMINAL_LINE.matcher(sampleLine);
        return m.matches() ? Optional.of("  " + m.group(1).replaceAll("\\s+", " ") + "  " + m.group(2)) : Optional.empty();
    }

    /** {@code [+] Running 2/2}: drawn above the resource lines at a terminal only. */
    static boolean isHeading(String sampleLine) {
        return HEADING.matcher(sampleLine).matches();
    }

    /**
     * Which of {@code actual}'s lines are plain progress a terminal overwrites: a resource's state with a later state of
     * the same resource below it ({@code Creating}, {@code Created}, {@code Starting} before {@code Started}).
     */
    static boolean[] overwritten(List<String> actual) {
        boolean[] overwritten = new boolean[actual.size()];
        Set<String> later = new HashSet<>();
        for (int i = actual.size() - 1; i >= 0; i--) {
            Matcher m = PLAIN_LINE.matcher(actual.get(i));
            if (m.matches()) {
                overwritten[i] = !later.add(m.group(1).replaceAll("\\s+", " "));
            }
        }
        return overwritten;
    }
}
