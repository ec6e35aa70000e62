package dev.docproof.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts a command writes into files, as far as they can be read ahead of the run: here-document bodies
 * ({@code cat > Dockerfile <<'EOF'}), and what {@code echo} or {@code printf} print into a file
 * ({@code printf 'FROM x\nRUN y\n' > Dockerfile}), their {@code \n} escapes as line breaks. Pure.
 */
public final class WrittenTexts {

    private WrittenTexts() {}

    public static List<String> of(String command) {
        List<String> texts = new ArrayList<>(ShellWords.hereDocumentBodies(command));
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> words = simple.texts();
            String program = CommandWord.program(words);
            boolean intoFile = simple.redirections().stream()
                    .anyMatch(r -> r.operator().endsWith(">") && !r.operator().startsWith("2"));
            if (intoFile && (program.equals("echo") || program.equals("printf"))) {
                List<String> arguments = words.subList(CommandWord.index(words) + 1, words.size()).stream()
                        .filter(w -> !w.matches("-[neE]+")).toList();
                texts.add(String.join(program.equals("echo") ? " " : "", arguments).replace("\\n", "\n"));
            }
        }
        return texts;
    }
}
