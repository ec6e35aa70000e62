package dev.docproof.verify;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Kinds of value that change from run to run. A documented value of a kind matches any actual value of the
 * same kind; a different value is drift, reported but not failed. Tried in this order at each position of a
 * sample line, first match wins, so the more specific kinds come first. To add a kind, add a constant.
 */
public enum Volatile {

    /** A curl progress-meter row: every figure in it is a transfer size, speed or time. */
    PROGRESS_METER("progress meter", row()),
    SHA256_ID("sha256 id", "sha256:(?:[0-9a-f]{64}|[0-9a-f]{12})") {
        @Override
        boolean sameValue(String documented, String actual) {
            return sameId(documented.substring(7), actual.substring(7));
        }
    },
    /** A full id; the engine prints the short form (its first 12 digits) in tables, so either stands for the other. */
    LONG_ID("id", "[0-9a-f]{64}"),
    SHORT_ID("id", "[0-9a-f]{12}") {
        @Override
        boolean accepts(String documented) { // both a digit and a letter: not a word, not a number
            return documented.chars().anyMatch(Character::isDigit) && documented.chars().anyMatch(Character::isLetter);
        }
    },
    /** A git commit: its full 40 digits, or the first 7 to 11 a log or a commit prints; either stands for the other. */
    COMMIT_ID("commit id", "[0-9a-f]{40}|[0-9a-f]{7,11}") {
        @Override
        boolean accepts(String documented) { // both a digit and a letter: not a word, not a number
            return SHORT_ID.accepts(documented);
        }

        @Override
        String actualRegex(String documented) {
            return "[0-9a-f]{40}|[0-9a-f]{7,11}";
        }

        @Override
        boolean sameValue(String documented, String actual) {
            return sameId(documented, actual);
        }
    },
    /**
     * The start of an {@code ls -l} line up to the file's owner and group: whoever reads the lesson has other names than
     * its author ({@code learner learner}, {@code root root}); the mode is compared, and so is a file's link count (a
     * folder's counts the folders in it, which on the machine's own folders, {@code /tmp} or {@code ..}, are its).
     */
    FILE_OWNERS("file owner", "[-dlcbps][rwxsStT-]{9}[.+@]? +\\d+ +\\S+ +\\S+") {
        @Override
        String actualRegex(String documented) {
            String[] columns = documented.split(" +");
            return Pattern.quote(columns[0]) + " +" + (columns[0].startsWith("d") ? "\\d+" : Pattern.quote(columns[1]))
                    + " +\\S+ +\\S+";
        }

        @Override
        boolean sameValue(String documented, String actual) {
            return documented.replaceAll(" +", " ").equals(actual.replaceAll(" +", " "));
        }
    },
    /**
     * The author's home folder in a path ({@code /home/student/hello-git}, {@code /Users/ada}): the learner's, or the
     * folder a lesson runs in, is another.
     */
    HOME_FOLDER("home folder", "/home/[A-Za-z0-9._-]+|/Users/[A-Za-z0-9._-]+") {
        @Override
        String actualRegex(String documented) {
            return "(?:/[^/\\s]+)+?";
        }
    },
    TIMESTAMP("timestamp", String.join("|",
            // 2026-11-30T11:48:21.123Z, 2026-11-30 11:48:21 +0000 UTC, 2026-11-30
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?: ?(?:Z|[+-]\\d{2}:?\\d{2}))?(?: [A-Z]{2,5})?)?",
            // Mon, 30 Nov 2026 11:48:21 GMT (HTTP)
            Words.DAY + ", \\d{1,2} " + Words.MONTH + " \\d{4} \\d{2}:\\d{2}:\\d{2}(?: [A-Z]{2,5})?",
            // Mon Nov 30 11:48:21 UTC 2026 (date), Mon Mar 4 09:14:02 2024 +0100 (git log)
            Words.DAY + " " + Words.MONTH + " +\\d{1,2} \\d{2}:\\d{2}:\\d{2}(?: [A-Z]{2,5})?(?: \\d{4})?(?: [+-]\\d{4})?",
            // 12/Mar/2024 15:04:33 (a web server's log), 12/Mar/2024:15:04:33 +0000 (nginx, Apache)
            "\\d{2}/" + Words.MONTH + "/\\d{4}[: ]\\d{2}:\\d{2}:\\d{2}(?: [+-]\\d{4})?",
            // Mar  4 09:12, Mar  4  2024 (ls -l), Mar  4 09:12:45 (syslog)
            Words.MONTH + " +\\d{1,2} +(?:\\d{2}:\\d{2}(?::\\d{2})?|\\d{4})",
            "\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?")),
    /**
     * A container's published ports as {@code docker ps} and {@code docker port} write them. Whether the engine also
     * listens on IPv6, and how the client writes that twin ({@code :::8080->80/tcp} before Docker 26,
     * {@code [::]:8080->80/tcp} since), is the machine's and its Docker's, not the lesson's: the IPv6 twins are
     * optional on both sides. The IPv4 mappings are the lesson's and must be as written; no drift.
     */
    PUBLISHED_PORTS("published ports", Ports.LIST) {
        @Override
        String actualRegex(String documented) {
            String twinsAfter = "(?:, " + Ports.IPV6 + ")*";
            return "(?:" + Ports.IPV6 + ", )*" + Arrays.stream(documented.split(", "))
                    .filter(mapping -> !mapping.matches(Ports.IPV6))
                    .map(mapping -> Pattern.quote(mapping) + twinsAfter).collect(Collectors.joining(", "));
        }

        @Override
        boolean accepts(String documented) { // an IPv6 twin alone is no mapping of the lesson's to hold on to
            return Arrays.stream(documented.split(", ")).anyMatch(m -> !m.matches(Ports.IPV6));
        }

        @Override
        boolean drifts() {
            return false;
        }
    },
    /**
     * The loopback address a client reached {@code localhost} on: {@code ::1} where the machine has IPv6 (curl tries it
     * first), {@code 127.0.0.1} elsewhere; either stands for the other, and for any IPv4 address (drift).
     */
    LOOPBACK("loopback address", "127\\.0\\.0\\.1|\\[::1\\]|::1") {
        @Override
        String actualRegex(String documented) {
            return IPV4.regex + "|\\[::1\\]|::1";
        }
    },
    /** The IPv6 any-address a port is published on, as clients before Docker 26 ({@code :::8080}) and since write it. */
    IPV6_ANY("IPv6 any-address", Ports.ANY_ADDRESS6 + "(?=:\\d)") {
        @Override
        String actualRegex(String documented) {
            return Ports.ANY_ADDRESS6;
        }

        @Override
        boolean drifts() {
            return false;
        }
    },
    /** Written by an author as a pattern ({@code 172.X.X.X}): matches any address with the fixed octets; no drift. */
    IPV4_PATTERN("IPv4 address pattern", "(?:\\d{1,3}|[xX])(?:\\.(?:\\d{1,3}|[xX])){3}") {
        @Override
        boolean accepts(String documented) {
            return documented.toLowerCase().contains("x");
        }

        @Override
        String actualRegex(String documented) {
            StringBuilder regex = new StringBuilder();
            for (String octet : documented.split("\\.")) {
                regex.append(regex.isEmpty() ? "" : "\\.")
                        .append(octet.equalsIgnoreCase("x") ? "\\d{1,3}" : Pattern.quote(octet));
            }
            return regex.toString();
        }

        @Override
        boolean drifts() {
            return false;
        }
    },
    IPV4("IPv4 address", "\\d{1,3}(?:\\.\\d{1,3}){3}"),
    RELATIVE_TIME("relative time",
            "(?:(?:[Aa]bout|[Ll]ess than) an?|\\d+) (?:second|minute|hour|day|week|month|year)s?(?: ago)?"),
    DURATION("duration", "(?:\\d+(?:\\.\\d+)?(?:ns|µs|us|ms|h|m|s))+"),
    SIZE("size", "\\d+(?:\\.\\d+)? ?(?:bytes|B|kB|KB|KiB|MB|MiB|GB|GiB|TB|TiB)");


    private final String label;
    private final String regex;
    /** Finds the kind in a sample line, whole tokens only (not inside a longer word or number). */
    private final Pattern detector;

    Volatile(String label, String regex) {
        this.label = label;
        this.regex = regex;
        this.detector = Pattern.compile("(?<![\\w.])(?:" + regex + ")(?![\\w]|\\.\\d)");
    }

    public String label() {
        return label;
    }

    /** Finds this kind starting exactly at {@code from}; the end index, or -1. */
    int detectAt(String line, int from) {
        java.util.regex.Matcher m = detector.matcher(line);
        m.region(from, line.length());
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        if (m.lookingAt() && accepts(m.group())) {
            return m.end();
        }
        return -1;
    }

    /** Whether a detected token really is of this kind (beyond what the regex says). */
    boolean accepts(String documented) {
        return true;
    }

    /** What an actual value of the same kind looks like; a short or a full id stands for either. */
    String actualRegex(String documented) {
        return this == LONG_ID || this == SHORT_ID ? ANY_ID : regex;
    }

    /** Whether an actual value is the documented one written another way (a short id of the full one). */
    boolean sameValue(String documented, String actual) {
        return this == LONG_ID || this == SHORT_ID ? sameId(documented, actual) : documented.equals(actual);
    }

    /** Whether a different actual value is worth reporting (a written pattern is no value). */
    boolean drifts() {
        return true;
    }

    private static final String ANY_ID = "[0-9a-f]{64}|[0-9a-f]{12}";

    /** A short id is the first 12 digits of the full one. */
    private static boolean sameId(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    private static String row() {
        String figure = "\\d+(?:\\.\\d+)?[kMGTP]?";
        String time = "(?:--:--:--|\\d+:\\d{2}:\\d{2})";
        return " *\\d{1,3} +" + figure + " +\\d{1,3} +" + figure + " +\\d{1,3} +" + figure
                + " +" + figure + " +" + figure + " +" + time + " +" + time + " +" + time + " +" + figure;
    }

    /**
     * Whether {@code line} is the IPv6 twin of a published port as {@code docker port} writes it
     * ({@code 80/tcp -> :::8080}): printed only where the engine listens on IPv6, so never required nor abridged.
     */
    static boolean isIpv6PortTwin(String line) {
        return Ports.TWIN_LINE.matcher(line).matches();
    }

    private static final class Ports {
        static final String MAPPED = ":\\d+(?:-\\d+)?->\\d+(?:-\\d+)?/(?:tcp|udp|sctp)";
        static final String ANY_ADDRESS6 = "(?:::|\\[::\\])";
        static final String IPV6 = ANY_ADDRESS6 + MAPPED;
        static final String ONE = "(?:\\d{1,3}(?:\\.\\d{1,3}){3}" + MAPPED + "|" + IPV6 + ")";
        static final String LIST = ONE + "(?:, " + ONE + ")*";
        static final Pattern TWIN_LINE = Pattern.compile(" *\\d+(?:-\\d+)?/(?:tcp|udp|sctp) -> " + ANY_ADDRESS6
                + ":\\d+(?:-\\d+)? *");
    }

    private static final class Words {
        static final String DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
        static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    }
}
