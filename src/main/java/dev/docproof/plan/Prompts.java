package dev.docproof.plan;

import dev.docproof.lesson.Node;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a line of a shell block reads: a {@code $ } prompt, a {@code #} comment, or blank. */
final class Prompts {

    /** A prompt naming its user and host ({@code user@host:~$ }, {@code [user@host dir]# }), as terminals show them. */
    private static final Pattern HOST_PROMPT = Pattern.compile("^\\s*(?:[\\w.-]+@[\\w.-]+(?::\\S*)?|\\[[^\\]]+])\\s?[$#] ");
    /** A root prompt, or a comment: {@code # apt-get update}. */
    private static final Pattern ROOT_PROMPT = Pattern.compile("^\\s*# [a-z]");

    private static final String ZSH_PROMPT = "% ";

    private Prompts() {}

    /**
     * The block as its commands read when it is a transcript of zsh, macOS's shell, whose prompt is {@code % }: each
     * line starting with {@code % } read as a {@code $ } prompt line. Only a block that starts with one and has no
     * {@code $ } prompt (a script may write a {@code % } line into a file), and only at the start of a line
     * ({@code   % Total} is curl's progress meter); otherwise the block itself.
     */
    static Node.CodeBlock zshPromptsRead(Node.CodeBlock block) {
        if (block.lines().stream().anyMatch(line -> commandOffset(line) >= 0)
                || !block.lines().stream().filter(line -> !isBlank(line)).findFirst().orElse("").startsWith(ZSH_PROMPT)) {
            return block;
        }
        return new Node.CodeBlock(block.span(), block.language(), block.options(), block.lines().stream()
                .map(line -> line.startsWith(ZSH_PROMPT) ? "$ " + line.substring(ZSH_PROMPT.length()) : line).toList(),
                block.firstLine(), block.indent());
    }

    /**
     * The block as its commands read when it is a transcript whose prompts name the user and host
     * ({@code student@ubuntu:~/app$ }, {@code [ada@box ~]$ }, root's {@code root@server:/# }), as terminals show them:
     * each such prompt read as a {@code $ } prompt ending where it ends, so every command keeps its column. Only a block
     * with no {@code $ } prompt (where one is, the others are output); otherwise the block itself.
     */
    static Node.CodeBlock hostPromptsRead(Node.CodeBlock block) {
        if (block.lines().stream().anyMatch(line -> commandOffset(line) >= 0)
                || block.lines().stream().noneMatch(line -> HOST_PROMPT.matcher(line).find())) {
            return block;
        }
        return new Node.CodeBlock(block.span(), block.language(), block.options(), block.lines().stream().map(line -> {
            Matcher prompt = HOST_PROMPT.matcher(line);
            return prompt.find() ? " ".repeat(prompt.end() - 2) + "$ " + line.substring(prompt.end()) : line;
        }).toList(), block.firstLine(), block.indent());
    }

    /**
     * Why lines that look like commands to a reader are not read as commands, for a warning that found none: the
     * first {@code #} line that reads as a root prompt, and what to write instead; "" when there is none.
     */
    static String otherPromptHint(List<String> lines) {
        // a # line reads as a root prompt when output follows it, or when the block holds nothing else
        boolean onlyComments = lines.stream().allMatch(line -> isBlank(line) || isComment(line));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean outputAfter = i + 1 < lines.size() && !isBlank(lines.get(i + 1)) && !isComment(lines.get(i + 1));
            if (ROOT_PROMPT.matcher(line).find() && (outputAfter || onlyComments)) {
                return "; `#` lines are comments, not a root prompt: if `" + line + "` is a command to run as root,"
                        + " write `$ sudo " + line.substring(2).strip() + "`";
            }
        }
        return "";
    }

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
