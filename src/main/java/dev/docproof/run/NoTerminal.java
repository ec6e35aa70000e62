package dev.docproof.run;

import dev.docproof.shell.CommandWord;
import dev.docproof.shell.DockerCli;
import dev.docproof.shell.ShellWords;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code docker run -it} and {@code docker exec -it} as a learner's terminal runs them. A step's input is no
 * terminal, and the docker client refuses {@code -t} without one at once ("the input device is not a TTY"), where
 * the learner's terminal has one. So a command the container runs and ends with ({@code docker exec -it client curl
 * server:8080}) runs without {@code -t}; its output is what the learner saw, less the terminal's carriage returns.
 * An interactive session (a shell, a REPL, the image's own command) keeps {@code -t} and fails as before: the
 * learner types into it, which a run cannot do. Pure: rewrites a step's text.
 */
final class NoTerminal {

    /** Programs that, given no arguments, wait for a person to type. */
    private static final Set<String> INTERACTIVE = Set.of("bash", "sh", "ash", "dash", "zsh", "fish", "ksh",
            "python", "python3", "node", "irb", "psql", "mysql", "redis-cli", "mongo", "mongosh", "sqlite3");

    private NoTerminal() {}

    static String inCommand(String command) {
        if (!command.contains("-") || !command.contains("docker")) {
            return command;
        }
        List<int[]> cuts = new ArrayList<>(); // spans of the text to replace, and what by
        List<String> replacements = new ArrayList<>();
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<ShellWords.Word> words = simple.words();
            List<String> texts = simple.texts();
            if (!CommandWord.program(texts).equals("docker")) {
                continue;
            }
            DockerCli.call(texts).filter(call -> call.command().equals("run") || call.command().equals("exec"))
                    .ifPresent(call -> {
                        List<String> args = texts.subList(call.argumentsFrom(), texts.size());
                        List<Integer> positionals = DockerCli.positionals(call.command(), args);
                        if (positionals.isEmpty() || interactive(args, positionals)) {
                            return;
                        }
                        List<int[]> ttyWords = new ArrayList<>();
                        for (int i = 0; i < positionals.get(0); i++) {
                            String word = args.get(i);
                            ShellWords.Word at = words.get(call.argumentsFrom() + i);
                            if (word.equals("-d") || word.startsWith("--detach") || shortCluster(call.command(), word)
                                    .contains("d")) {
                                return; // detached: the client asks for no terminal
                            }
                            if (!at.quoted() && (word.equals("--tty") || word.equals("--tty=true")
                                    || shortCluster(call.command(), word).contains("t"))) {
                                ttyWords.add(new int[] {at.start(), at.end()});
                            }
                        }
                        for (int[] span : ttyWords) {
                            String word = command.substring(span[0], span[1]);
                            cuts.add(span);
                            int t = word.indexOf('t'); // within the cluster's flags: shortCluster saw it there
                            replacements.add(word.startsWith("--") || word.equals("-t") ? ""
                                    : word.substring(0, t) + word.substring(t + 1));
                        }
                    });
        }
        StringBuilder out = new StringBuilder(command);
        for (int k = cuts.size() - 1; k >= 0; k--) {
            out.replace(cuts.get(k)[0], cuts.get(k)[1], replacements.get(k));
        }
        return out.toString();
    }

    /** The flags of a short-option cluster ({@code -it}) up to the first that takes a value; empty for anything else. */
    private static String shortCluster(String command, String word) {
        if (!word.startsWith("-") || word.startsWith("--") || word.length() < 2) {
            return "";
        }
        StringBuilder flags = new StringBuilder();
        for (int c = 1; c < word.length(); c++) {
            char flag = word.charAt(c);
            if (!Character.isLetter(flag)) {
                return "";
            }
            flags.append(flag);
            if (DockerCli.takesSeparateValue(command, "-" + flag)) {
                break; // the rest of the word is its value
            }
        }
        return flags.toString();
    }

    /** Whether the container is left to wait for typing: no command (the image's own), or a shell or REPL alone. */
    private static boolean interactive(List<String> args, List<Integer> positionals) {
        List<Integer> rest = positionals.subList(1, positionals.size());
        if (rest.isEmpty()) {
            return true;
        }
        String program = args.get(rest.get(0));
        program = program.substring(program.lastIndexOf('/') + 1);
        return rest.size() == 1 && INTERACTIVE.contains(program);
    }
}
