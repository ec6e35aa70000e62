package dev.docproof.shell;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a command only reads: it lists, inspects or prints what is there and changes nothing, so docproof may
 * run a template bound from evidence at its place without changing what the lesson does next.
 *
 * <p>Deliberately narrow, an allow-list: every simple command is {@code docker} with a subcommand that only
 * reads ({@code ps}, {@code inspect}, {@code logs}, {@code network ls}, ...; never one that waits forever, such
 * as {@code logs -f}), {@code docker exec} of a program that only reads ({@code curl} without a body or an
 * output file, {@code cat}, {@code ls}, ...), or a filter of the output ({@code grep}, {@code sed} without
 * {@code -i}, ...); nothing in the background, no substitution, no output redirected to a file. Anything else
 * is taken to change state and is never run this way. Pure.
 */
public final class ReadOnly {

    /** Docker commands (by canonical name) that only read; each maps to options that would make it not do so. */
    private static final Map<String, Set<String>> DOCKER = Map.ofEntries(
            Map.entry("ps", Set.of()), Map.entry("images", Set.of()), Map.entry("inspect", Set.of()),
            Map.entry("logs", Set.of("-f", "--follow")), Map.entry("top", Set.of()), Map.entry("port", Set.of()),
            Map.entry("diff", Set.of()), Map.entry("history", Set.of()), Map.entry("version", Set.of()),
            Map.entry("info", Set.of()), Map.entry("network ls", Set.of()), Map.entry("network inspect", Set.of()),
            Map.entry("volume ls", Set.of()), Map.entry("volume inspect", Set.of()),
            Map.entry("image inspect", Set.of()), Map.entry("system df", Set.of()),
            Map.entry("container inspect", Set.of()), Map.entry("exec", Set.of("-d", "--detach", "-t", "--tty")));

    /** Programs run inside a container by {@code docker exec} that only read, each with the options that write. */
    private static final Map<String, Set<String>> IN_CONTAINER = Map.ofEntries(
            Map.entry("curl", Set.of("-o", "--output", "-O", "--remote-name", "-d", "--data", "--data-raw",
                    "--data-binary", "--data-urlencode", "-F", "--form", "-T", "--upload-file", "-X", "--request",
                    "-c", "--cookie-jar", "-D", "--dump-header")),
            Map.entry("cat", Set.of()), Map.entry("ls", Set.of()), Map.entry("env", Set.of()),
            Map.entry("printenv", Set.of()), Map.entry("hostname", Set.of()), Map.entry("id", Set.of()),
            Map.entry("whoami", Set.of()), Map.entry("uname", Set.of()), Map.entry("ps", Set.of()),
            Map.entry("getent", Set.of()), Map.entry("echo", Set.of()), Map.entry("pwd", Set.of()));

    /** What makes curl send more than a request to fetch: data, a form, a file, another method. */
    private static final Set<String> CURL_SENDS = Set.of("-d", "--data", "--data-raw", "--data-binary",
            "--data-urlencode", "-F", "--form", "-T", "--upload-file", "-X", "--request");

    /** Filters of the output on the lesson's side, each with the options that make it write a file or wait. */
    private static final Map<String, Set<String>> FILTERS = Map.ofEntries(
            Map.entry("grep", Set.of()), Map.entry("head", Set.of()), Map.entry("tail", Set.of("-f", "-F", "--follow")),
            Map.entry("wc", Set.of()), Map.entry("sort", Set.of("-o", "--output")), Map.entry("cut", Set.of()),
            Map.entry("tr", Set.of()), Map.entry("jq", Set.of()), Map.entry("column", Set.of()),
            Map.entry("sed", Set.of("-i", "--in-place")));

    /** {@code 2>&1}, {@code >&2}, {@code 2>&-}: one stream joined to another, no file written. */
    private static final Pattern DUPLICATION = Pattern.compile("[0-9]*>&([0-9]+|-)");
    private static final Pattern SUBSTITUTION_OR_BACKGROUND = Pattern.compile("\\$\\(|`|<\\(|>\\(|(?<![&>|])&(?![&>])");
    /** A sed command that writes a file or runs one: {@code w FILE}, {@code W FILE}, {@code e}, {@code s///w}. */
    private static final Pattern SED_WRITES = Pattern.compile("(^|[;{}/\\s\\d$])[wWe](\\s|$)|/[gpI0-9]*w\\s");

    private ReadOnly() {}

    /** Whether every part of {@code command} only reads. */
    public static boolean onlyReads(String command) {
        return onlyReads(command, false);
    }

    /**
     * Whether every part of {@code command} only reads, a request curl makes on the lesson's side included (one that
     * sends nothing but the request: what it writes of the answer, {@code -o page.html} or {@code -w}, it writes again):
     * running it again changes nothing but what it gets back.
     */
    public static boolean onlyFetches(String command) {
        return onlyReads(command, true);
    }


    private static boolean onlyReads(String command, boolean fetches) {
        if (SUBSTITUTION_OR_BACKGROUND.matcher(command).find()) {
            return false;
        }
        List<ShellWords.Command> commands = ShellWords.commands(command);
        if (commands.isEmpty()) {
            return false;
        }
        for (ShellWords.Command simple : commands) {
            if (!redirectionsOnlyRead(simple, fetches) || !simpleOnlyReads(simple.texts(), fetches)) {
                return false;
            }
        }
        return true;
    }

    private static boolean redirectionsOnlyRead(ShellWords.Command command, boolean fetches) {
        // A fetch's answer written to a file is written again, whole, when the fetch runs again.
        return fetches && command.texts().size() > 0 && command.texts().get(0).equals("curl")
                || redirectionsOnlyRead(command);
    }

    private static boolean redirectionsOnlyRead(ShellWords.Command command) {
        return command.redirections().stream().allMatch(r -> r.operator().contains("<") && !r.operator().contains(">")
                || DUPLICATION.matcher(r.operator()).matches()
                || r.target() != null && r.target().text().equals("/dev/null"));
    }

    private static boolean simpleOnlyReads(List<String> words, boolean fetches) {
        if (words.isEmpty() || CommandWord.index(words) != 0) {
            return false; // an assignment, sudo or env before the program changes what runs
        }
        String program = words.get(0);
        if (program.equals("docker")) {
            return dockerOnlyReads(words);
        }
        Set<String> writing = fetches && program.equals("curl") ? CURL_SENDS : FILTERS.get(program);
        if (writing == null || anyOption(words.subList(1, words.size()), writing)) {
            return false;
        }
        return !program.equals("sed") || words.subList(1, words.size()).stream().noneMatch(w -> SED_WRITES.matcher(w).find());
    }

    private static boolean dockerOnlyReads(List<String> words) {
        Optional<DockerCli.Call> call = DockerCli.call(words);
        if (call.isEmpty() || words.subList(1, call.get().argumentsFrom()).stream().anyMatch(w -> w.startsWith("-"))) {
            return false; // global options (-H, --context) point the client elsewhere
        }
        Set<String> writing = DOCKER.get(call.get().command());
        List<String> arguments = words.subList(call.get().argumentsFrom(), words.size());
        if (writing == null) {
            return false;
        }
        if (!call.get().command().equals("exec")) {
            return !anyOption(arguments, writing);
        }
        List<Integer> positionals = DockerCli.positionals("exec", arguments);
        if (positionals.size() < 2 || anyOption(arguments.subList(0, positionals.get(0)), writing)) {
            return false;
        }
        List<String> inner = arguments.subList(positionals.get(1), arguments.size());
        Set<String> innerWriting = IN_CONTAINER.get(inner.get(0));
        return innerWriting != null && !anyOption(inner.subList(1, inner.size()), innerWriting);
    }

    /**
     * Whether an option of {@code words} is one of {@code options}: written alone, with {@code =value}, or as a
     * letter of a cluster of short options ({@code -sX} holds {@code -X}).
     */
    private static boolean anyOption(List<String> words, Set<String> options) {
        for (String word : words) {
            if (word.equals("--")) {
                return false;
            }
            if (word.startsWith("--")) {
                String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                if (options.contains(name)) {
                    return true;
                }
            } else if (word.startsWith("-") && word.length() > 1) {
                for (int c = 1; c < word.length(); c++) {
                    if (options.contains("-" + word.charAt(c))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
