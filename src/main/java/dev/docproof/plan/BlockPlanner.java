package dev.docproof.plan;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Marks;
import dev.docproof.shell.CommandWord;
import dev.docproof.shell.ForegroundServers;
import dev.docproof.shell.ShellWords;
import dev.docproof.shell.Unfinished;
import dev.docproof.lesson.Node.CodeBlock;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits one shell block into steps.
 *
 * <p>In a transcript, a step starts at each {@code $ } prompt line. Its command takes in the lines a
 * trailing backslash continues, the bodies of the here-documents it opens, and the lines that finish a statement
 * still unfinished ({@link Unfinished}: a loop, an {@code if}, a function body), joined with newlines.
 * {@code #} lines are narration (but what a command that prints files printed, or a script's {@code #!} line), and
 * so is a comment typed at a prompt ({@code $ # now list them}). Any other
 * non-blank line after a command (directly, or after comments such as {@code # output}) is that command's
 * documented output: the sample runs from the first such line to the last one before the next prompt, keeping
 * whatever stands between them (blank lines, and {@code #} lines, which inside output are output), so that it stays
 * one contiguous stretch of the source.
 *
 * <p>In a script, every line that is not blank or a comment, and not part of the command before it, starts a command;
 * there is no output.
 */
final class BlockPlanner {

    record Result(List<Step> steps, List<Diagnostic> diagnostics) {}

    private final CodeBlock block;
    private final List<String> lines;
    private final String section;
    private final List<Step> steps = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private final Marks marks;

    private BlockPlanner(CodeBlock block, String section, Marks marks) {
        this.marks = marks;
        this.block = block;
        this.lines = block.lines();
        this.section = section;
    }

    static Result plan(CodeBlock block, ShellBlocks.Mode mode, String section, Marks marks) {
        BlockPlanner planner = new BlockPlanner(block, section, marks);
        if (mode == ShellBlocks.Mode.SCRIPT) {
            planner.planScript();
        } else {
            planner.planTranscript();
        }
        return new Result(List.copyOf(planner.steps), List.copyOf(planner.diagnostics));
    }

    private void planScript() {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (Prompts.isBlank(line) || Prompts.isComment(line)) {
                i++;
                continue;
            }
            Command command = readCommand(i, Prompts.leadingSpaces(line), false);
            steps.add(step(command, Sample.NONE));
            i = command.lastIndex + 1;
        }
    }

    private void planTranscript() {
        if (lines.stream().noneMatch(line -> Prompts.commandOffset(line) >= 0)) {
            if (lines.stream().anyMatch(line -> !Prompts.isBlank(line))) {
                warn(0, "a " + block.language() + " block without `$ ` prompts: its lines read as output,"
                        + " nothing to run" + Prompts.otherPromptHint(lines));
            }
            return;
        }
        Command current = null;
        int sampleStart = -1;
        int sampleEnd = -1;
        boolean orphanReported = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            int offset = Prompts.commandOffset(line);
            if (offset >= 0) {
                if (current != null) {
                    steps.add(step(current, sample(sampleStart, sampleEnd)));
                }
                sampleStart = sampleEnd = -1;
                if (offset >= line.stripTrailing().length()) {
                    warn(i, "a `$` prompt with no command after it; nothing to run here");
                    current = null;
                    i++;
                    continue;
                }
                if (line.charAt(offset) == '#') { // `$ # now the volume holds the note`: narration typed at the prompt
                    current = null;
                    i++;
                    continue;
                }
                current = readCommand(i, offset, true);
                i = current.lastIndex + 1;
                continue;
            }
            if (!Prompts.isBlank(line) && (!Prompts.isComment(line) || commentPrinted(current, line))
                    && !narrationBeforePrompt(i)) {
                if (current == null) {
                    if (!orphanReported) {
                        warn(i, "output with no command before it; commands start with a `$ ` prompt"
                                + Prompts.otherPromptHint(lines.subList(0, i + 1)));
                        orphanReported = true;
                    }
                } else {
                    if (sampleStart < 0) {
                        sampleStart = i;
                    }
                    sampleEnd = i;
                }
            }
            i++;
        }
        if (current != null) {
            steps.add(step(current, sample(sampleStart, sampleEnd)));
        }
    }

    /** Programs whose output is a file's lines, comments included ({@code cat app.sh}, {@code head Dockerfile}). */
    private static final Set<String> PRINTS_FILES = Set.of("cat", "head", "tail", "more", "less", "nl", "bat");

    /**
     * Whether a {@code #} line under {@code command} is what it printed rather than narration: a script's first line
     * ({@code #!/bin/bash}), or any such line under a command that prints files, whose comments are the file's.
     */
    private static boolean commentPrinted(Command command, String line) {
        return command != null && (line.strip().startsWith("#!") || ShellWords.commands(command.text()).stream()
                .map(ShellWords.Command::texts).anyMatch(words -> {
                    int program = CommandWord.afterSudo(words);
                    return program < words.size() && PRINTS_FILES.contains(words.get(program));
                }));
    }

    /**
     * Whether line {@code i} is narration: a parenthesised or comment-like line ({@code (this may take a
     * minute)}, {@code // now stop it}) with only blanks or more such lines between it and the next prompt.
     */
    private boolean narrationBeforePrompt(int i) {
        if (!Prompts.isNarration(lines.get(i))) {
            return false;
        }
        for (int j = i + 1; j < lines.size(); j++) {
            String line = lines.get(j);
            if (Prompts.commandOffset(line) >= 0) {
                return true;
            }
            if (!Prompts.isBlank(line) && !Prompts.isNarration(line)) {
                return false;
            }
        }
        return false;
    }

    private Sample sample(int start, int end) {
        return start < 0 ? Sample.NONE : new Sample(lines.subList(start, end + 1), block.lineOf(start));
    }

    /** A command as written: its text, where it starts, and the index of its last line. */
    private record Command(String text, int firstIndex, int column, int lastIndex) {}

    /**
     * The command starting on line {@code first}. In a transcript its continuation lines may carry the shell's
     * secondary prompt, {@code > }, as a terminal shows them ({@code $ cat <<EOF > f.txt}, {@code > hello},
     * {@code > EOF}): when every one does, the prompt is no part of the command.
     */
    private Command readCommand(int first, int offset, boolean transcript) {
        if (transcript && first + 1 < lines.size() && Prompts.continuationPromptLength(lines.get(first + 1)) > 0) {
            int warned = diagnostics.size();
            Command prompted = read(first, offset, true);
            if (lines.subList(first + 1, prompted.lastIndex + 1).stream()
                    .allMatch(line -> Prompts.continuationPromptLength(line) > 0)) {
                return prompted;
            }
            diagnostics.subList(warned, diagnostics.size()).clear(); // read again as written
        }
        return read(first, offset, false);
    }

    /**
     * Reads the command from line {@code first} on, as bash reads it: a line that a trailing backslash continues, the
     * bodies of the here-documents a line opens, and, while the statement is unfinished ({@link Unfinished}: a
     * {@code for … done}, an {@code if … fi}, a function body, an open quote), the lines that finish it.
     */
    private Command read(int first, int offset, boolean continuationPrompts) {
        List<String> parts = new ArrayList<>();
        StringBuilder code = new StringBuilder(); // the command without its here-document bodies
        String line = lines.get(first).substring(offset).stripTrailing();
        int last = first;
        while (true) {
            parts.add(line);
            code.append(code.isEmpty() ? "" : "\n").append(line);
            StringBuilder logical = new StringBuilder(line);
            while (Prompts.continues(lines.get(last))) {
                if (last + 1 >= lines.size()) {
                    warn(last, "the command continues (`\\`) past the end of the block");
                    break;
                }
                last++;
                String next = continuation(lines.get(last), continuationPrompts).stripTrailing();
                parts.add(next);
                code.append("\n").append(next);
                logical.append("\n").append(next);
            }
            last = hereDocBodies(logical.toString(), first, last, parts, continuationPrompts);
            Optional<String> closer = Unfinished.closer(code.toString());
            if (closer.isEmpty()) {
                break;
            }
            if (last + 1 >= lines.size() || continuationPrompts && Prompts.continuationPromptLength(lines.get(last + 1)) == 0) {
                warn(first, "the command is not finished (bash waits for `" + closer.get() + "`) when "
                        + (last + 1 >= lines.size() ? "the block ends" : "its `> ` lines end"));
                break;
            }
            last++;
            line = continuation(lines.get(last), continuationPrompts).stripTrailing();
        }
        return new Command(String.join("\n", parts), first, block.columnOf(offset), last);
    }

    /** Adds the bodies of the here-documents {@code opener} opens, from the line after {@code last}; the new last line. */
    private int hereDocBodies(String opener, int first, int last, List<String> parts, boolean continuationPrompts) {
        for (HereDocs.HereDoc doc : HereDocs.opened(opener)) {
            boolean closed = false;
            while (!closed && last + 1 < lines.size()) {
                last++;
                String body = continuation(lines.get(last), continuationPrompts);
                closed = doc.endsAt(body);
                parts.add(closed ? body.stripTrailing() : body);
            }
            if (!closed) {
                warn(first, "the here-document <<" + doc.delimiter() + " is not closed before the block ends");
            }
        }
        return last;
    }

    private static String continuation(String line, boolean prompted) {
        return prompted ? line.substring(Prompts.continuationPromptLength(line)) : line;
    }

    private Step step(Command command, Sample sample) {
        SourceSpan span = block.span().at(block.lineOf(command.firstIndex), command.column);
        StepKind kind = Templates.reason(command.text).isPresent() ? StepKind.TEMPLATE : StepKind.RUN;
        Marks own = marks.background() == null && ForegroundServers.starts(command.text)
                ? marks.withBackground(new Marks.Background(null)) : marks;
        return new Step(span, block.lineOf(command.lastIndex), kind, command.text, sample, section, own);
    }

    private void warn(int index, String message) {
        int line = lines.isEmpty() ? block.span().line() : block.lineOf(index);
        diagnostics.add(Diagnostic.warning(block.span().at(line, block.columnOf(0)), message));
    }
}
