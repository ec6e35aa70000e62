package dev.docproof.read;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MyST's colon fences ({@code :::{note}} ... {@code :::}), which CommonMark does not know, rewritten as backtick
 * fences of the same directive, the other form MyST allows, so the Markdown parser reads them as fenced blocks.
 * Every line keeps its number and its start; a fence line only grows by {@link #LONGER} backticks, so that no
 * code fence inside it can close it. Lines inside a code fence, and a colon fence never closed, stay as written.
 */
final class MystFences {

    static final int LONGER = 10;
    private static final Pattern OPEN = Pattern.compile("^( *)(:{3,})(\\{[A-Za-z][\\w:.-]*}.*)$");
    private static final Pattern CLOSE = Pattern.compile("^( *)(:{3,})\\s*$");
    private static final Pattern CODE_FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");

    private MystFences() {}

    static String rewrite(String text) {
        if (!text.contains(":::")) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        Map<Integer, Integer> closing = new HashMap<>(); // opening line -> its closing line
        Deque<int[]> open = new ArrayDeque<>(); // {line, colons}, innermost first
        String codeFence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (codeFence != null) {
                String stripped = line.strip();
                char marker = codeFence.charAt(0);
                if (stripped.startsWith(codeFence) && stripped.chars().allMatch(c -> c == marker)) {
                    codeFence = null;
                }
                continue;
            }
            Matcher fence = CODE_FENCE.matcher(line);
            Matcher opening = OPEN.matcher(line);
            Matcher close = CLOSE.matcher(line);
            if (fence.find()) {
                codeFence = fence.group(1);
            } else if (opening.matches()) {
                open.push(new int[] {i, opening.group(2).length()});
            } else if (close.matches()) {
                // a closing fence needs at least as many colons as its opening; it ends that directive and any
                // left open inside it
                while (!open.isEmpty() && open.peek()[1] > close.group(2).length()) {
                    open.pop();
                }
                if (!open.isEmpty()) {
                    closing.put(open.pop()[0], i);
                }
            }
        }
        for (Map.Entry<Integer, Integer> pair : closing.entrySet()) {
            lines[pair.getKey()] = backticks(lines[pair.getKey()], OPEN);
            lines[pair.getValue()] = backticks(lines[pair.getValue()], CLOSE);
        }
        return String.join("\n", lines);
    }

    private static String backticks(String line, Pattern pattern) {
        boolean cr = line.endsWith("\r");
        Matcher m = pattern.matcher(cr ? line.substring(0, line.length() - 1) : line);
        if (!m.matches()) {
            throw new IllegalStateException("not a colon fence: " + line);
        }
        String rest = m.groupCount() >= 3 ? m.group(3) : "";
        return m.group(1) + "`".repeat(m.group(2).length() + LONGER) + rest + (cr ? "\r" : "");
    }
}
