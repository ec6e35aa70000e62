package dev.docproof.verify;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff whose left side is numbered with the lesson's own lines, so {@code @@ -247,3} points at the
 * file. java-diff-utils finds the changes and writes the diff; only the left side's hunk numbers are moved
 * from the sample's first line to the lesson's.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(,\\d+)? ");

    private UnifiedDiff() {}

    /**
     * @param firstLine the lesson line of {@code documented.get(0)}
     */
    static String of(String documentedName, List<String> documented, int firstLine,
                     String actualName, List<String> actual) {
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(documentedName, actualName, documented,
                DiffUtils.diff(documented, actual), CONTEXT);
        StringBuilder out = new StringBuilder();
        for (String line : diff) {
            Matcher hunk = HUNK.matcher(line);
            if (hunk.find()) {
                int start = Integer.parseInt(hunk.group(1));
                line = "@@ -" + (start == 0 ? 0 : start + firstLine - 1) + (hunk.group(2) == null ? "" : hunk.group(2))
                        + " " + line.substring(hunk.end());
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
