package dev.docproof.repair;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether one documented sample line still stands for one actual output line. The alignment behind
 * {@code --update-samples} needs only this question answered line by line; {@link #BASIC} answers it
 * until the matching language of {@code verify} offers a per-line check to plug in here instead.
 */
@FunctionalInterface
public interface LineMatch {

    boolean matches(String sampleLine, String actualLine);

    /**
     * Exact text (trailing whitespace ignored), where {@code ...} inside a line stands for any text,
     * {@code <placeholder>} for any non-empty text,
     * an IPv4 address for any IPv4 address and a hexadecimal id of 12 or 64 digits for any id as long; a run
     * of spaces between words matches any run, since table columns widen and narrow with their values.
     */
    LineMatch BASIC = new LineMatch() {
        private static final Pattern VOLATILE = Pattern.compile(
                "\\.\\.\\.|<[^<>\\s][^<>]*>|\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b|\\b(?:[0-9a-f]{64}|[0-9a-f]{12})\\b");

        @Override
        public boolean matches(String sampleLine, String actualLine) {
            return toRegex(sampleLine.stripTrailing()).matcher(actualLine.stripTrailing()).matches();
        }

        private Pattern toRegex(String sample) {
            StringBuilder regex = new StringBuilder();
            Matcher m = VOLATILE.matcher(sample);
            int last = 0;
            while (m.find()) {
                regex.append(literal(sample.substring(last, m.start())));
                String token = m.group();
                if (token.equals("...")) {
                    regex.append(".*?");
                } else if (token.startsWith("<")) {
                    regex.append(".+?");
                } else if (token.contains(".")) {
                    regex.append("(?:\\d{1,3}\\.){3}\\d{1,3}");
                } else {
                    regex.append("[0-9a-f]{").append(token.length()).append('}');
                }
                last = m.end();
            }
            regex.append(literal(sample.substring(last)));
            return Pattern.compile(regex.toString());
        }

        private String literal(String text) {
            StringBuilder regex = new StringBuilder();
            for (String part : text.split("(?<=[ \\t])(?=[^ \\t])|(?<=[^ \\t])(?=[ \\t])")) {
                if (!part.isEmpty()) {
                    regex.append(part.isBlank() ? "[ \\t]+" : Pattern.quote(part));
                }
            }
            return regex.toString();
        }
    };
}
