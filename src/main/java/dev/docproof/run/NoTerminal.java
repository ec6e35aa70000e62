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
        List<ShellWords.Word> asking = new ArrayList<>(); // the words asking for a terminal, in the text's order
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<ShellWords.Word> words = simple.words();
            List<String> texts = simple.texts();
            if (!CommandWord.program(texts).equals("docker")) {
                continue;
            }
            DockerCli.call(texts).filter(call -> call.command().equals("run") || call.command().equals("exec"))
                    .ifPresent(call -> asking.addAll(terminalWords(call, words.subList(call.argumentsFrom(), words.size()),
                            texts.subList(call.argumentsFrom(), texts.size()))));
        }
        StringBuilder out = new StringBuilder(command);
        for (int k = asking.size() - 1; k >= 0; k--) {
            ShellWords.Word word = asking.get(k);
            String text = word.text();
            int t = text.indexOf('t'); // within a cluster's flags: shortCluster saw it there
            out.replace(word.start(), word.end(), text.startsWith("--") || text.equals("-t") ? ""
                    : text.substring(0, t) + text.substring(t + 1));
        }
        return out.toString();
    }

    /**
     * The unquoted words among the options of a {@code docker run|exec} that ask for a terminal ({@code -t},
     * {@code -it}, {@code --tty}); none for a detached container or an interactive session.
     */
    private static List<ShellWords.Word> terminalWords(DockerCli.Call call, List<ShellWords.Word> words,
                                                       List<String> args) {
        List<Integer> positionals = DockerCli.positionals(call.command(), args);
        if (positionals.isEmpty() || interactive(args, positionals)) {
            return List.of();
        }
        List<ShellWords.Word> found = new ArrayList<>();
        for (int i = 0; i < positionals.get(0); i++) {
            String word = args.get(i);
            if (word.equals("-d") || word.startsWith("--detach") || shortCluster(call.command(), word).contains("d")) {
                return List.of(); // detached: the client asks for no terminal
            }
            if (!words.get(i).quoted() && (word.equals("--tty") || word.equals("--tty=true")
                    || shortCluster(call.command(), word).contains("t"))) {
                found.add(words.get(i));
            }
        }
        return found;
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
