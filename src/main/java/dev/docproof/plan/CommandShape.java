package dev.docproof.plan;

import dev.docproof.shell.CliCommand;
import dev.docproof.shell.CliFlag;
import dev.docproof.shell.CliModel;
import dev.docproof.shell.CommandWord;
import dev.docproof.shell.DockerCli;
import dev.docproof.shell.ShellWords.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A simple command read for comparison with another: the program and subcommand it runs (docker's by their
 * canonical name, so {@code container run} is {@code run}), its options with their values in any order,
 * its arguments in order, and the command it hands its last words to ({@code docker exec c curl ...}).
 * For docker, which options take a value comes from the client's help; for other programs an option is a
 * word starting with {@code -} and takes none.
 */
record CommandShape(List<String> head, List<Option> options, List<Word> arguments, CommandShape inner) {

    /** An option as written ({@code --name}, {@code -d}) and its value word, null when it has none. */
    record Option(String flag, Word value) {}

    private static final CliModel DOCKER = DockerCli.builtIn();

    static CommandShape of(List<Word> words) {
        List<String> texts = words.stream().map(Word::text).toList();
        int i = CommandWord.index(texts);
        if (i >= words.size()) {
            return new CommandShape(List.of(), List.of(), List.of(), null);
        }
        String program = CommandWord.program(texts);
        List<String> head = new ArrayList<>(List.of(program));
        List<Option> options = new ArrayList<>();
        List<Word> arguments = new ArrayList<>();
        CliCommand command = null;
        i++;
        if (program.equals("docker")) {
            command = DOCKER.root();
            while (i < words.size()) {
                String text = words.get(i).text();
                if (text.startsWith("-") && text.length() > 1) {
                    i = option(command, words, i, options);
                    continue;
                }
                Optional<CliCommand> child = command.isGroup() ? DOCKER.child(command, text) : Optional.empty();
                if (child.isEmpty()) {
                    break;
                }
                command = child.get();
                i++;
            }
            head.addAll(DOCKER.canonical(command));
        }
        while (i < words.size()) {
            Word word = words.get(i);
            String text = word.text();
            if (text.equals("--")) {
                arguments.addAll(words.subList(i + 1, words.size()));
                break;
            }
            if (text.startsWith("-") && text.length() > 1) {
                i = option(command, words, i, options);
                continue;
            }
            arguments.add(word);
            i++;
            if (command != null && command.optionsEndAtArgument() && i < words.size()) {
                return new CommandShape(head, options, arguments, of(words.subList(i, words.size())));
            }
        }
        return new CommandShape(head, options, arguments, null);
    }

    /** Reads the option at {@code i} (a cluster of short ones into one each); returns the next index. */
    private static int option(CliCommand command, List<Word> words, int i, List<Option> options) {
        Word word = words.get(i);
        String text = word.text();
        if (text.startsWith("--")) {
            int eq = text.indexOf('=');
            if (eq > 0) {
                Word value = new Word(text.substring(eq + 1), word.start() + eq + 1, word.end(), word.quoted());
                options.add(new Option(text.substring(0, eq), value));
                return i + 1;
            }
            boolean takesValue = command != null && DOCKER.flag(command, text).map(CliFlag::takesValue).orElse(false);
            if (takesValue && i + 1 < words.size()) {
                options.add(new Option(text, words.get(i + 1)));
                return i + 2;
            }
            options.add(new Option(text, null));
            return i + 1;
        }
        for (int c = 1; c < text.length(); c++) {
            String flag = "-" + text.charAt(c);
            boolean takesValue = command != null && DOCKER.flag(command, flag).map(CliFlag::takesValue).orElse(false);
            if (takesValue) {
                if (c < text.length() - 1) {
                    options.add(new Option(flag, new Word(text.substring(c + 1), word.start() + c + 1, word.end(),
                            word.quoted())));
                    return i + 1;
                }
                if (i + 1 < words.size()) {
                    options.add(new Option(flag, words.get(i + 1)));
                    return i + 2;
                }
            }
            options.add(new Option(flag, null));
        }
        return i + 1;
    }
}
