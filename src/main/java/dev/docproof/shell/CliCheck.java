package dev.docproof.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks a command line against the help of the CLI it runs: the subcommand exists, each option exists for
 * that subcommand, and an option that needs a value has one. Words that stand for something the lesson
 * leaves open (placeholders, elisions) are never judged. Where a command hands its last words to another
 * command ({@code docker exec client curl -v ...}), that command is checked too when its CLI is known. Pure.
 */
public final class CliCheck {

    public enum Problem {
        UNKNOWN_COMMAND("unknown-command"), UNKNOWN_OPTION("unknown-option"), MISSING_VALUE("missing-value");

        private final String jsonName;

        Problem(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    /**
     * What is wrong with one word: {@code start} and {@code end} are its offsets in the text the command was
     * read from; {@code suggestion} is empty when no known name is close.
     */
    public record Finding(int start, int end, Problem problem, String message, Optional<String> suggestion) {}

    private final Map<String, CliModel> clis;
    private final Predicate<ShellWords.Word> open;

    /**
     * @param clis by program name, the CLIs to check against
     * @param open whether a word stands for text the lesson leaves open (a placeholder or an elision)
     */
    public CliCheck(Map<String, CliModel> clis, Predicate<ShellWords.Word> open) {
        this.clis = Map.copyOf(clis);
        this.open = open;
    }

    public List<Finding> check(ShellWords.Command command) {
        List<Finding> findings = new ArrayList<>();
        check(command.words(), 0, findings);
        return findings;
    }

    private void check(List<ShellWords.Word> words, int from, List<Finding> findings) {
        List<String> texts = words.subList(from, words.size()).stream().map(ShellWords.Word::text).toList();
        int i = from + CommandWord.index(texts);
        if (i >= words.size() || open.test(words.get(i))) {
            return;
        }
        CliModel cli = clis.get(CommandWord.program(texts));
        if (cli == null || cli.isEmpty()) {
            return;
        }
        new Walk(cli, words, findings).from(i + 1);
    }

    /** One pass over the words after the program name. */
    private final class Walk {
        private final CliModel cli;
        private final List<ShellWords.Word> words;
        private final List<Finding> findings;
        private CliCommand command;

        Walk(CliModel cli, List<ShellWords.Word> words, List<Finding> findings) {
            this.cli = cli;
            this.words = words;
            this.findings = findings;
            this.command = cli.root();
        }

        void from(int start) {
            int i = start;
            while (i < words.size()) {
                ShellWords.Word word = words.get(i);
                String text = word.text();
                if (open.test(word)) {
                    if (command.isGroup() || command.optionsEndAtArgument()) {
                        return; // which command, or where its own command starts, the lesson leaves open
                    }
                    i++;
                } else if (text.equals("--")) {
                    return;
                } else if (text.startsWith("-") && text.length() > 1) {
                    i = option(i);
                } else if (command.isGroup() && text.contains("/") && !text.startsWith("/")) {
                    alternatives(word);
                    return; // prose's "connect/disconnect": either may follow, so nothing after is judged
                } else if (command.isGroup()) {
                    Optional<CliCommand> child = cli.child(command, text);
                    if (child.isEmpty() && command.path().isEmpty() && KnownCli.named(cli.program())
                            .map(known -> known.plugins().contains(text)).orElse(false)) {
                        return; // a plugin's command (docker compose) where the plugin is not installed
                    }
                    if (child.isEmpty()) {
                        unknownCommand(word);
                        return;
                    }
                    command = child.get();
                    i++;
                } else {
                    if (command.optionsEndAtArgument() && i + 1 < words.size()) {
                        check(words, i + 1, findings);
                    }
                    if (command.optionsEndAtArgument()) {
                        return;
                    }
                    i++;
                }
            }
        }

        /** Checks the option at {@code i}; returns the index of the next word to read. */
        private int option(int i) {
            ShellWords.Word word = words.get(i);
            String text = word.text();
            if (text.startsWith("--")) {
                int eq = text.indexOf('=');
                String spelling = eq < 0 ? text : text.substring(0, eq);
                if (spelling.equals("--help")) {
                    return i + 1;
                }
                Optional<CliFlag> flag = cli.flag(command, spelling);
                if (flag.isEmpty()) {
                    unknownOption(word, spelling, word.start(), word.start() + spelling.length());
                    return i + 1;
                }
                return eq < 0 && flag.get().takesValue() ? value(i, flag.get(), word.start(), word.end()) : i + 1;
            }
            for (int c = 1; c < text.length(); c++) {
                String spelling = "-" + text.charAt(c);
                Optional<CliFlag> flag = cli.flag(command, spelling);
                if (flag.isEmpty()) {
                    if (!spelling.equals("-h")) {
                        unknownOption(word, spelling, word.start() + c, word.start() + c + 1);
                    }
                    return i + 1;
                }
                if (flag.get().takesValue()) {
                    return c == text.length() - 1 ? value(i, flag.get(), word.start() + c, word.start() + c + 1) : i + 1;
                }
            }
            return i + 1;
        }

        private int value(int i, CliFlag flag, int start, int end) {
            if (i + 1 < words.size()) {
                return i + 2;
            }
            findings.add(new Finding(start, end, Problem.MISSING_VALUE, "option " + words.get(i).text() + " of `"
                    + spelling() + "` needs a value (" + flag.valueType() + ")", Optional.empty()));
            return i + 1;
        }

        private void unknownOption(ShellWords.Word word, String spelling, int start, int end) {
            List<String> known = command.flags().stream()
                    .map(f -> spelling.startsWith("--") ? (f.name() == null ? null : "--" + f.name())
                            : (f.shortName() == null ? null : "-" + f.shortName()))
                    .filter(s -> s != null).toList();
            Optional<String> near = spelling.startsWith("--") ? Suggestions.nearest(spelling, known) : Optional.empty();
            findings.add(new Finding(start, end, Problem.UNKNOWN_OPTION,
                    "`" + spelling() + "` has no option " + spelling, near));
        }

        /** Each of the subcommands {@code a/b} names, as prose writes two commands in one. */
        private void alternatives(ShellWords.Word word) {
            int at = word.start();
            for (String name : word.text().split("/")) {
                if (!name.isEmpty() && cli.child(command, name).isEmpty()) {
                    ShellWords.Word part = new ShellWords.Word(name, at, at + name.length(), word.quoted());
                    unknownCommand(part);
                }
                at += name.length() + 1;
            }
        }

        private void unknownCommand(ShellWords.Word word) {
            Optional<String> near = Suggestions.nearest(word.text(), cli.childNames(command))
                    .map(name -> spelling() + " " + name);
            findings.add(new Finding(word.start(), word.end(), Problem.UNKNOWN_COMMAND,
                    "`" + spelling() + "` has no command " + word.text(), near));
        }

        private String spelling() {
            List<String> all = new ArrayList<>();
            all.add(cli.program());
            all.addAll(command.path());
            return String.join(" ", all);
        }
    }
}
