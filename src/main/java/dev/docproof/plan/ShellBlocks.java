package dev.docproof.plan;

import dev.docproof.lesson.Node;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a code block holds shell commands, and how its lines are to be read.
 *
 * <ul>
 *   <li>A block whose lines carry {@code $ } prompts is a {@link Mode#TRANSCRIPT} when its language is a
 *       shell language or none at all: prompt lines are commands, the rest is narration or output.</li>
 *   <li>A bash/sh/shell/zsh block without any prompt is a {@link Mode#SCRIPT}: it is what one would
 *       save to a file and run, so every line that is not a comment is a command.</li>
 *   <li>A console/shell-session block without prompts is a {@link Mode#TRANSCRIPT} too: by convention those
 *       languages show a terminal, and lines without a prompt are output. The planner warns that it
 *       found nothing to run.</li>
 *   <li>Any other language (python, yaml, text...) is not shell and is left alone.</li>
 * </ul>
 */
final class ShellBlocks {

    enum Mode { TRANSCRIPT, SCRIPT }

    private static final Set<String> SCRIPT_LANGUAGES = Set.of("bash", "sh", "shell", "zsh");
    private static final Set<String> SESSION_LANGUAGES =
            Set.of("console", "shell-session", "shellsession", "sh-session");

    private ShellBlocks() {}

    static Optional<Mode> modeOf(Node.CodeBlock block) {
        boolean prompts = block.lines().stream().anyMatch(line -> Prompts.commandOffset(line) >= 0);
        String language = block.language() == null ? "" : block.language().strip().toLowerCase(Locale.ROOT);
        if (prompts && (language.isEmpty() || SCRIPT_LANGUAGES.contains(language)
                || SESSION_LANGUAGES.contains(language))) {
            return Optional.of(Mode.TRANSCRIPT);
        }
        if (SCRIPT_LANGUAGES.contains(language)) {
            return Optional.of(Mode.SCRIPT);
        }
        if (SESSION_LANGUAGES.contains(language)) {
            return Optional.of(Mode.TRANSCRIPT);
        }
        return Optional.empty();
    }
}
