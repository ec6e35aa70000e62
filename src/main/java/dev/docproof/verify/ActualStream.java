package dev.docproof.verify;

import java.util.List;

/** One output stream as displayed lines, trailing blank lines dropped, with a count of non-blank lines. */
record ActualStream(String name, List<String> lines, int[] nonBlankBefore) {

    static ActualStream of(String name, String raw) {
        List<String> lines = new java.util.ArrayList<>(TerminalText.render(raw));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int[] before = new int[lines.size() + 1];
        for (int k = 0; k < lines.size(); k++) {
            before[k + 1] = before[k] + (lines.get(k).isBlank() ? 0 : 1);
        }
        return new ActualStream(name, List.copyOf(lines), before);
    }

    int size() {
        return lines.size();
    }

    /** Non-blank lines in {@code [from, to)}: what skipping them hides from the reader. */
    int shownBetween(int from, int to) {
        return nonBlankBefore[to] - nonBlankBefore[from];
    }
}
