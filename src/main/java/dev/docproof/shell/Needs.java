package dev.docproof.shell;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a command needs from outside its session, read from its text. Pure.
 *
 * <ul>
 *   <li>the programs it runs (the command word of each simple command, builtins left out; {@code sudo} and the
 *       program it runs);</li>
 *   <li>internet hosts: the host of each {@code http(s)://}, {@code git://} or {@code git@host:} address whose
 *       name has a dot and is not local ({@code localhost}, loopback and private addresses, {@code .local});
 *       a one-word host such as {@code server:8080} is a container on the lesson's own network;</li>
 *   <li>the images {@code docker pull} fetches from a registry;</li>
 *   <li>the docker CLI plugins it runs ({@code docker compose}).</li>
 * </ul>
 */
public final class Needs {

    private static final Set<String> BUILTINS = Set.of("cd", "echo", "export", "set", "unset", "source", ".", "exit",
            "true", "false", "test", "[", "[[", "printf", "read", "pwd", "eval", "exec", "if", "then", "else",
            "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "function", "local", "return",
            "alias", "type", "command", "wait", "kill", "trap", "shift", "let", "declare", "time", "!", "{", "}");
    private static final Pattern URL = Pattern.compile("(?:https?|git|ssh)://[^\\s'\"<>]+|git@([A-Za-z0-9.-]+):");
    private static final Pattern PRIVATE = Pattern.compile(
            "(?:127|10)\\.[\\d.]+|192\\.168\\.[\\d.]+|172\\.(?:1[6-9]|2\\d|3[01])\\.[\\d.]+|0\\.0\\.0\\.0");

    /** Arithmetic, {@code (( i++ ))} or {@code for ((i = 1; i <= 3; i++))}: names in it are variables. */
    private static final Pattern ARITHMETIC = Pattern.compile("\\(\\((?:[^()]|\\([^()]*\\))*\\)\\)");
    /** A function the command defines: {@code greet() {} or {@code function greet {}. */
    private static final Pattern FUNCTION = Pattern.compile(
            "(?:^|[\\s;&|{(])(?:function\\s+([A-Za-z_][\\w.-]*)|([A-Za-z_][\\w.-]*)\\s*\\(\\s*\\))");

    private Needs() {}

    /**
     * The programs {@code command} runs, each once, in order; variables, paths, builtins and the functions it defines
     * left out.
     */
    public static List<String> programs(String command) {
        Set<String> defined = new LinkedHashSet<>();
        Matcher function = FUNCTION.matcher(command);
        while (function.find()) {
            defined.add(function.group(1) != null ? function.group(1) : function.group(2));
        }
        Set<String> found = new LinkedHashSet<>();
        for (ShellWords.Command simple : ShellWords.commands(ARITHMETIC.matcher(command).replaceAll(" : "))) {
            List<String> words = simple.texts();
            int i = CommandWord.afterSudo(words);
            // sudo is a program of its own, which a machine may lack (a container running as root has none).
            if (words.subList(0, i).contains("sudo")) {
                found.add("sudo");
            }
            if (i < words.size()) {
                String word = words.get(i);
                if (!BUILTINS.contains(word) && !defined.contains(word) && word.matches("[A-Za-z0-9][A-Za-z0-9_.+-]*")) {
                    found.add(word);
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * The docker CLI plugins {@code command} runs ({@code docker compose up}, {@code docker buildx build}), each
     * once, in order: a client lists their commands only where they are installed.
     */
    public static List<String> dockerPlugins(String command) {
        Set<String> found = new LinkedHashSet<>();
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            DockerCli.call(simple.texts()).map(call -> call.spelling().split(" ")[0])
                    .filter(KnownCli.DOCKER.plugins()::contains).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    /** The non-local hosts {@code command} reaches, each once, in order. */
    public static List<String> internetHosts(String command) {
        Set<String> hosts = new LinkedHashSet<>();
        Matcher m = URL.matcher(command);
        while (m.find()) {
            host(m).filter(Needs::isInternet).ifPresent(hosts::add);
        }
        return List.copyOf(hosts);
    }

    /** The images {@code docker pull} commands fetch, as written. */
    public static List<String> pulls(String command) {
        List<String> pulled = new ArrayList<>();
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> words = simple.texts();
            DockerCli.call(words).filter(call -> call.command().equals("pull")).ifPresent(call -> {
                List<String> args = words.subList(call.argumentsFrom(), words.size());
                DockerCli.positionals("pull", args).stream().findFirst().map(args::get).ifPresent(pulled::add);
            });
        }
        return pulled;
    }

    private static Optional<String> host(Matcher m) {
        if (m.group(1) != null) {
            return Optional.of(m.group(1));
        }
        try {
            return Optional.ofNullable(URI.create(m.group().replaceAll("[),.;]+$", "")).getHost());
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    static boolean isInternet(String host) {
        String h = host.toLowerCase();
        return h.contains(".") && !h.equals("localhost") && !h.endsWith(".localhost") && !h.endsWith(".local")
                && !h.endsWith(".internal") && !PRIVATE.matcher(h).matches();
    }
}
