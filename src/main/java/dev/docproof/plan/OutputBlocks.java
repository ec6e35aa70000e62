package dev.docproof.plan;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a block that holds no command shows the output of the command right before it, as courses
 * write it: a shell block, then the output in a block of its own, either right after it (a plain or {@code text}
 * block, AsciiDoc's literal {@code ....}, a {@code console} block without prompts) or after one sentence that
 * announces it ("You should see:", "Output:", "The command prints:"). Anything else between the two blocks, or a
 * sentence that does not speak of output, leaves the block as shown text. Pure.
 */
final class OutputBlocks {

    /** Languages a block of output is written in when nothing introduces it. */
    private static final Set<String> OUTPUT_LANGUAGES = Set.of("", "text", "txt", "output", "plaintext", "plain",
            "none", "nohighlight", "log", "console", "shell-session", "shellsession", "sh-session");
    /** A sentence that says the next block is what a command prints, ending in a colon. */
    private static final Pattern ANNOUNCES_OUTPUT = Pattern.compile("\\b(?:output|outputs|prints?|printed|displays?"
            + "|displayed|responds?|response|returns?|returned|answers?|answered|repl(?:y|ies|ied)"
            + "|looks? (?:something )?like|(?:should|will|would|'ll)"
            + " (?:now )?(?:see|get|show|print|display|return))\\b[^:]*:\\s*$", Pattern.CASE_INSENSITIVE);

    private OutputBlocks() {}

    /**
     * @param block   a block that is no shell block to run, or a transcript without a single prompt
     * @param between what stands between the shell block before it and {@code block} (comments left out)
     */
    static boolean showOutput(Node.CodeBlock block, List<Node> between) {
        if (block.lines().stream().allMatch(String::isBlank)) {
            return false;
        }
        if (between.isEmpty()) {
            String language = block.language() == null ? "" : block.language().strip().toLowerCase(Locale.ROOT);
            return OUTPUT_LANGUAGES.contains(language);
        }
        return between.size() == 1 && between.get(0) instanceof Node.Paragraph p
                && ANNOUNCES_OUTPUT.matcher(Inline.plain(p.content()).strip()).find();
    }
}
