package dev.docproof.plan;

/** How a line of a shell block reads: a {@code $ } prompt, a {@code #} comment, or blank. */
final class Prompts {

    private Prompts() {}

    /**
     * Where the command starts after a {@code $ } prompt (leading spaces allowed before the prompt,
     * extra spaces after it skipped), or -1 when the line is no prompt line. A bare {@code $} is a prompt
     * with an empty command, reported by the planner.
     */
    static int commandOffset(String line) {
        int start = leadingSpaces(line);
        if (line.startsWith("$ ", start)) {
            int offset = start + 2;
            while (offset < line.length() && line.charAt(offset) == ' ') {
                offset++;
            }
            return offset;
        }
        if (line.startsWith("$", start) && line.substring(start + 1).isBlank()) {
            return line.length();
        }
        return -1;
    }

    /** How long the shell's secondary prompt ({@code > }, or a bare {@code >}) starting {@code line} is; 0: none. */
    static int continuationPromptLength(String line) {
        return line.startsWith("> ") ? 2 : line.stripTrailing().equals(">") ? line.length() : 0;
    }

    /** {@code #} lines are narration in these lessons, never a root prompt. */
    static boolean isComment(String line) {
        return line.stripLeading().startsWith("#");
    }

    /** A line in parentheses, or one that starts like a comment in other languages ({@code //}, {@code --}). */
    static boolean isNarration(String line) {
        String s = line.strip();
        return s.length() > 2 && (s.startsWith("(") && s.endsWith(")") || s.startsWith("// ") || s.startsWith("-- "));
    }

    static boolean isBlank(String line) {
        return line.isBlank();
    }

    static int leadingSpaces(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * A line whose last non-blank character is a backslash continues on the next line. Trailing blanks
     * after the backslash are forgiven: in a lesson they are a slip, not an escaped space.
     */
    static boolean continues(String line) {
        String trimmed = line.stripTrailing();
        int backslashes = 0;
        for (int i = trimmed.length() - 1; i >= 0 && trimmed.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }
}
