package dev.docproof.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Docker CLI's grammar as far as docproof reads commands: which simple command runs {@code docker},
 * which of its subcommands, and which options take a value in the next word, so that a value is never
 * taken for an argument. It is a reading of the client's own help: {@link #BUILT_IN}, the pages of docker
 * 28.2.2's client shipped with docproof, so that reading a lesson gives the same answer on every machine,
 * with or without a client. Checking commands against the client a machine actually has uses that client's
 * pages instead (see {@link CliCheck}).
 */
public final class DockerCli {

    /** Where the built-in pages are, next to this class. */
    public static final String BUILT_IN_RESOURCE = "docker.help";

    /** The pages of the docker client docproof was built with. */
    public static final HelpPages BUILT_IN_PAGES = load();

    private static final CliModel MODEL = CliModel.of(BUILT_IN_PAGES, KnownCli.DOCKER.format());

    /**
     * A {@code docker} command line.
     *
     * @param spelling      the subcommand as written, e.g. {@code container run} or {@code network remove}
     * @param command       its canonical name, e.g. {@code run} or {@code network rm}
     * @param argumentsFrom index (in the simple command's words) of the first word after the subcommand
     */
    public record Call(String spelling, String command, int argumentsFrom) {}

    private DockerCli() {}

    /** The model of the built-in pages. */
    public static CliModel builtIn() {
        return MODEL;
    }

    /**
     * The docker command a simple command runs, when its command word is {@code docker} (after {@code sudo},
     * {@code exec}, {@code env} or {@code VAR=value} assignments).
     */
    public static Optional<Call> call(List<String> words) {
        int i = CommandWord.index(words);
        if (!CommandWord.program(words).equals("docker")) {
            return Optional.empty();
        }
        i++;
        CliCommand root = MODEL.root();
        while (i < words.size() && words.get(i).startsWith("-")) {
            i += takesSeparateValue(root, words.get(i)) ? 2 : 1;
        }
        if (i >= words.size()) {
            return Optional.empty();
        }
        String spelling = words.get(i++);
        Optional<CliCommand> group = MODEL.child(root, spelling).filter(CliCommand::isGroup);
        if (group.isPresent() && i < words.size()) {
            spelling += " " + words.get(i++);
        }
        return Optional.of(new Call(spelling, canonical(spelling), i));
    }

    /** The name the CLI gives a command, e.g. {@code run} for {@code container run}. */
    public static String canonical(String spelling) {
        return MODEL.command(List.of(spelling.split(" ")))
                .map(command -> String.join(" ", MODEL.canonical(command)))
                .orElse(spelling);
    }

    /** Whether {@code option} of {@code command} (canonical) is followed by its value as a separate word. */
    public static boolean takesSeparateValue(String command, String option) {
        return MODEL.command(List.of(command.split(" "))).map(c -> takesSeparateValue(c, option)).orElse(false);
    }

    /** Whether the client's own {@code option} (before the subcommand, as {@code -H}) is followed by its value as a separate word. */
    public static boolean globalTakesSeparateValue(String option) {
        return takesSeparateValue(MODEL.root(), option);
    }

    private static boolean takesSeparateValue(CliCommand command, String option) {
        if (option.startsWith("--")) {
            return !option.contains("=") && MODEL.flag(command, option).map(CliFlag::takesValue).orElse(false);
        }
        // A cluster of short options (-itd); the first one that takes a value ends it, and its value is
        // the rest of the word (-p8080:80) or, when nothing is left, the next word (-itp 80:80).
        for (int c = 1; c < option.length(); c++) {
            if (MODEL.flag(command, "-" + option.charAt(c)).map(CliFlag::takesValue).orElse(false)) {
                return c == option.length() - 1;
            }
        }
        return false;
    }

    /**
     * Indexes of the positional arguments among {@code arguments}, options and their values left out;
     * after {@code --}, or after the first argument of a command whose options end there (run, create,
     * exec), every word is an argument.
     */
    public static List<Integer> positionals(String command, List<String> arguments) {
        boolean endAtArgument = MODEL.command(List.of(command.split(" ")))
                .map(CliCommand::optionsEndAtArgument).orElse(false);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String word = arguments.get(i);
            boolean optionsEnded = !found.isEmpty() && endAtArgument;
            if (word.equals("--") && !optionsEnded) {
                for (int rest = i + 1; rest < arguments.size(); rest++) {
                    found.add(rest);
                }
                break;
            }
            if (!optionsEnded && word.startsWith("-") && word.length() > 1) {
                if (takesSeparateValue(command, word)) {
                    i++;
                }
                continue;
            }
            found.add(i);
        }
        return found;
    }

    /** The value given to {@code option} ({@code --name x} or {@code --name=x}) among the options before the first argument. */
    public static Optional<String> optionValue(String command, List<String> arguments, String option) {
        for (int i = 0; i < arguments.size(); i++) {
            String word = arguments.get(i);
            if (word.equals(option) && i + 1 < arguments.size()) {
                return Optional.of(arguments.get(i + 1));
            }
            if (word.startsWith(option + "=")) {
                return Optional.of(word.substring(option.length() + 1));
            }
            if (word.equals("--") || !word.startsWith("-")) {
                return Optional.empty(); // the first argument: options end here
            }
            if (takesSeparateValue(command, word)) {
                i++;
            }
        }
        return Optional.empty();
    }

    private static HelpPages load() {
        try (InputStream in = DockerCli.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("docproof is missing its resource " + BUILT_IN_RESOURCE);
            }
            return HelpPages.read(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .orElseThrow(() -> new IllegalStateException(BUILT_IN_RESOURCE + " is not a help-pages file"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
