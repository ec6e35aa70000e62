package dev.docproof.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A CLI as its own help pages describe it: its commands, their aliases, subcommands and options. Built from
 * {@link HelpPages} by the {@link HelpFormat} of that CLI; never from a hand-written table.
 */
public final class CliModel {

    private final HelpPages pages;
    private final HelpFormat format;
    /** Pages read so far: a run reads the few its lessons' commands name, not all of a CLI's (docker has ~180). */
    private final Map<List<String>, Optional<CliCommand>> read = new ConcurrentHashMap<>();
    /** Each alias and the command it spells, from every page; made on the first look-up that needs it. */
    private volatile Map<List<String>, List<String>> aliasOf;

    private CliModel(HelpPages pages, HelpFormat format) {
        this.pages = pages;
        this.format = format;
    }

    /** The model of the pages that {@code format} can read; pages it cannot are left out. */
    public static CliModel of(HelpPages pages, HelpFormat format) {
        return new CliModel(pages, format);
    }

    /** The command of the page at {@code path}; empty when there is none, or the format cannot read it. */
    private Optional<CliCommand> page(List<String> path) {
        String page = pages.page(path);
        return page == null ? Optional.empty() : read.computeIfAbsent(path, p -> format.read(p, page));
    }

    private Map<List<String>, List<String>> aliasOf() {
        Map<List<String>, List<String>> known = aliasOf;
        if (known == null) {
            Map<List<String>, List<String>> aliases = new HashMap<>();
            pages.pages().forEach((path, page) -> format.aliases(path, page)
                    .forEach(alias -> aliases.putIfAbsent(alias, path)));
            aliasOf = known = aliases;
        }
        return known;
    }

    public String program() {
        return pages.program();
    }

    /** The client's own version line, e.g. {@code Docker version 28.2.2, build e6534b4}. */
    public String version() {
        return pages.version();
    }

    public boolean isEmpty() {
        return pages.pages().keySet().stream().allMatch(path -> page(path).isEmpty());
    }

    /** The program itself: its options are the ones valid before a subcommand. */
    public CliCommand root() {
        return page(List.of()).orElseGet(() -> new CliCommand(List.of(), program(), List.of(), List.of(), List.of(), false));
    }

    /** The command named by {@code path} or by one of its aliases. */
    public Optional<CliCommand> command(List<String> path) {
        Optional<CliCommand> direct = page(path);
        if (direct.isPresent()) {
            return direct;
        }
        return Optional.ofNullable(aliasOf().get(path)).flatMap(this::page);
    }

    /** The subcommand {@code word} of {@code parent}, by its name or an alias. */
    public Optional<CliCommand> child(CliCommand parent, String word) {
        List<String> path = new ArrayList<>(parent.path());
        path.add(word);
        return command(path);
    }

    /** The words a subcommand of {@code parent} can be spelt with (names and the last word of aliases). */
    public List<String> childNames(CliCommand parent) {
        List<String> names = new ArrayList<>(parent.subcommands());
        aliasOf().keySet().stream()
                .filter(alias -> alias.size() == parent.path().size() + 1
                        && alias.subList(0, parent.path().size()).equals(parent.path()))
                .map(alias -> alias.get(alias.size() - 1))
                .filter(name -> !names.contains(name))
                .sorted()
                .forEach(names::add);
        return names;
    }

    /**
     * The shortest spelling of a command among its path and aliases (fewest words, then fewest letters), so
     * that {@code container run} and {@code run}, or {@code network remove} and {@code network rm}, are one.
     */
    public List<String> canonical(CliCommand command) {
        return Stream.concat(Stream.of(command.path()), command.aliases().stream())
                .min(Comparator.<List<String>>comparingInt(List::size)
                        .thenComparingInt(words -> String.join(" ", words).length()))
                .orElse(command.path());
    }

    /** The option of {@code command} written {@code --name} or {@code -n}. */
    public Optional<CliFlag> flag(CliCommand command, String spelling) {
        return command.flags().stream().filter(f -> spelling.equals(f.spelling())
                || (f.shortName() != null && spelling.equals("-" + f.shortName()))).findFirst();
    }
}
