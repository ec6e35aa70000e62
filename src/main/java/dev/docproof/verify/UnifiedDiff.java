package dev.docproof.verify;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.util.List;

/**
 * A unified diff whose left side is numbered with the lesson's own lines, so {@code @@ -247,3} points at the
 * file. java-diff-utils finds the changes; the formatting is ours because its own writer numbers from 1.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /**
     * @param firstLine the lesson line of {@code documented.get(0)}
     */
    static String of(String documentedName, List<String> documented, int firstLine,
                     String actualName, List<String> actual) {
        List<AbstractDelta<String>> deltas = DiffUtils.diff(documented, actual).getDeltas();
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(documentedName).append('\n');
        out.append("+++ ").append(actualName).append('\n');
        int d = 0;
        while (d < deltas.size()) {
            int last = d;
            while (last + 1 < deltas.size() && deltas.get(last + 1).getSource().getPosition()
                    - end(deltas.get(last)) <= 2 * CONTEXT) {
                last++;
            }
            AbstractDelta<String> first = deltas.get(d);
            int before = Math.min(CONTEXT, Math.min(first.getSource().getPosition(), first.getTarget().getPosition()));
            int src = first.getSource().getPosition() - before;
            int tgt = first.getTarget().getPosition() - before;
            AbstractDelta<String> lastDelta = deltas.get(last);
            int srcEnd = end(lastDelta);
            int tgtEnd = lastDelta.getTarget().getPosition() + lastDelta.getTarget().size();
            int after = Math.min(CONTEXT, Math.min(documented.size() - srcEnd, actual.size() - tgtEnd));
            int srcCount = srcEnd + after - src;
            int tgtCount = tgtEnd + after - tgt;
            out.append("@@ -").append(range(firstLine + src, srcCount))
                    .append(" +").append(range(1 + tgt, tgtCount)).append(" @@\n");
            for (int k = d; k <= last; k++) {
                AbstractDelta<String> delta = deltas.get(k);
                while (src < delta.getSource().getPosition()) {
                    out.append(' ').append(documented.get(src++)).append('\n');
                    tgt++;
                }
                for (String line : delta.getSource().getLines()) {
                    out.append('-').append(line).append('\n');
                }
                for (String line : delta.getTarget().getLines()) {
                    out.append('+').append(line).append('\n');
                }
                src = end(delta);
                tgt = delta.getTarget().getPosition() + delta.getTarget().size();
            }
            for (int k = 0; k < after; k++) {
                out.append(' ').append(documented.get(src++)).append('\n');
            }
            d = last + 1;
        }
        return out.toString();
    }

    private static int end(AbstractDelta<String> delta) {
        return delta.getSource().getPosition() + delta.getSource().size();
    }

    /** {@code start,count}; an empty side names the line before it, as unified diffs do. */
    private static String range(int start, int count) {
        return (count == 0 ? start - 1 : start) + "," + count;
    }
}
