package dev.docproof.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The help layout of docker's client (and of the Go CLIs built with the same libraries): a {@code Usage:}
 * line, an {@code Aliases:} section, sections named {@code ... Commands:} listing subcommands, and option
 * sections ({@code Options:}, {@code Global Options:}, {@code Flags:}) whose lines read
 * {@code -n, --name type   description}; an option without a type takes no value.
 */
public final class CobraHelp implements HelpFormat {

    private static final Pattern LONG_FLAG = Pattern.compile(
            "^ {1,8}(?:-(\\S), )?--([A-Za-z0-9][\\w.-]*)(?:[ =]([A-Za-z][\\w-]*))?(?: {2,}.*)?$");
    private static final Pattern SHORT_FLAG = Pattern.compile("^ {1,8}-(\\w)(?: ([A-Za-z][\\w-]*))?(?: {2,}.*)?$");
    private static final Pattern SUBCOMMAND = Pattern.compile("^ {1,4}([a-z][\\w-]*)\\*?(?: {2,}.*)?$");
    /** A usage that hands the words after the first argument to another command: {@code IMAGE [COMMAND] [ARG...]}. */
    private static final Pattern COMMAND_ARGS = Pattern.compile("\\[?COMMAND]? \\[ARG\\.\\.\\.]");

    private final String program;

    public CobraHelp(String program) {
        this.program = program;
    }

    @Override
    public List<String> helpArguments(List<String> path) {
        List<String> arguments = new ArrayList<>(path);
        arguments.add("--help");
        return arguments;
    }

    @Override
    public Optional<CliCommand> read(List<String> path, String page) {
        return scan(path, page, true);
    }

    /** Only the usage and aliases sections are read: the options, most of a page, are skipped. */
    @Override
    public List<List<String>> aliases(List<String> path, String page) {
        if (!page.contains("Aliases:")) {
            return List.of();
        }
        return scan(path, page, false).map(CliCommand::aliases).orElse(List.of());
    }

    /** The page's command; with {@code whole} false its subcommands and options are left out. */
    private Optional<CliCommand> scan(List<String> path, String page, boolean whole) {
        String usage = null;
        List<List<String>> aliases = new ArrayList<>();
        List<String> subcommands = new ArrayList<>();
        List<CliFlag> flags = new ArrayList<>();
        String section = "";
        for (String line : page.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                section = line.strip();
                if (section.startsWith("Usage:")) {
                    usage = section.substring("Usage:".length()).strip();
                    section = "";
                }
                continue;
            }
            if (section.equals("Aliases:")) {
                for (String alias : line.strip().split(",\\s*")) {
                    List<String> words = List.of(alias.strip().split("\\s+"));
                    if (words.size() > 0 && words.get(0).equals(program)) {
                        aliases.add(words.subList(1, words.size()));
                    }
                }
            } else if (!whole) {
                continue;
            } else if (section.endsWith("Commands:")) {
                Matcher m = SUBCOMMAND.matcher(line);
                if (m.matches()) {
                    subcommands.add(m.group(1));
                }
            } else if (section.endsWith("Options:") || section.endsWith("Flags:")) {
                flag(line).ifPresent(flags::add);
            }
        }
        if (usage == null || !names(usage, path)) {
            return Optional.empty();
        }
        aliases.removeIf(path::equals);
        return Optional.of(new CliCommand(path, usage, aliases, subcommands, flags,
                COMMAND_ARGS.matcher(usage).find()));
    }

    /** Whether the usage line is about {@code path} (an unknown name gets the program's general page). */
    private boolean names(String usage, List<String> path) {
        List<String> words = List.of(usage.split("\\s+"));
        if (words.size() <= path.size() || !words.get(0).equals(program)) {
            return false;
        }
        return words.subList(1, path.size() + 1).equals(path);
    }

    static Optional<CliFlag> flag(String line) {
        Matcher m = LONG_FLAG.matcher(line);
        if (m.matches()) {
            return Optional.of(new CliFlag(m.group(2), m.group(1), m.group(3)));
        }
        Matcher s = SHORT_FLAG.matcher(line);
        if (s.matches()) {
            return Optional.of(new CliFlag(null, s.group(1), s.group(2)));
        }
        return Optional.empty();
    }
}
