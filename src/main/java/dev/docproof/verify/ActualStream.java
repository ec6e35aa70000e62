package dev.docproof.verify;

import java.util.List;

/**
 * One output stream as displayed lines, trailing blank lines dropped, with a count of the lines a sample must show
 * ({@link #mustBeShown}).
 */
record ActualStream(String name, List<String> lines, int[] shownBefore) {

    static ActualStream of(String name, String raw) {
        List<String> lines = new java.util.ArrayList<>(TerminalText.render(raw));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int[] before = new int[lines.size() + 1];
        boolean[] overwritten = ComposeProgress.overwritten(lines);
        for (int k = 0; k < lines.size(); k++) {
            before[k + 1] = before[k] + (mustBeShown(lines.get(k)) && !overwritten[k] ? 1 : 0);
        }
        return new ActualStream(name, List.copyOf(lines), before);
    }

    /**
     * Whether a sample that skips {@code line} without a {@code ...} is abridged: not for a blank line, nor one only some
     * machines print (the IPv6 twin of a published port). Nor is a state of Compose's progress a terminal overwrites
     * ({@link ComposeProgress#overwritten}), which takes the lines around it to tell.
     */
    static boolean mustBeShown(String line) {
        return !line.isBlank() && !Volatile.isIpv6PortTwin(line);
    }

    int size() {
        return lines.size();
    }

    /** Lines a sample must show in {@code [from, to)}: what skipping them hides from the reader. */
    int shownBetween(int from, int to) {
        return shownBefore[to] - shownBefore[from];
    }
}
