package dev.docproof.shell;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Commands that print until a person stops them with Ctrl-C: {@code docker logs -f}, {@code docker stats},
 * {@code docker events}, {@code tail -f}, {@code journalctl -f}, {@code ping} without a count,
 * {@code kubectl logs -f} and {@code kubectl get -w}. A learner watches what they print, then presses Ctrl-C. Pure.
 */
public final class UntilStopped {

    /** How long a learner watches such a command before the Ctrl-C, unless the lesson says (a timeout marker). */
    public static final Duration WATCHED = Duration.ofSeconds(5);

    private static final Set<String> DOCKER_LOGS = Set.of("logs", "container logs", "service logs", "compose logs");
    private static final Set<String> DOCKER_STATS = Set.of("stats", "container stats");
    private static final Set<String> DOCKER_EVENTS = Set.of("events", "system events");

    private UntilStopped() {}

    /** Whether {@code command} runs one in the foreground (a line sent to the background with {@code &} is not). */
    public static boolean in(String command) {
        String line = command.strip();
        if (line.endsWith("&") && !line.endsWith("&&")) {
            return false;
        }
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> words = simple.texts();
            int at = CommandWord.afterSudo(words);
            if (at < words.size() && follows(words.get(at), words, words.subList(at + 1, words.size()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean follows(String program, List<String> words, List<String> args) {
        return switch (program) {
            case "docker" -> DockerCli.call(words).map(call -> {
                List<String> rest = words.subList(call.argumentsFrom(), words.size());
                String spelling = call.spelling();
                if (spelling.equals("compose") && !rest.isEmpty()) { // a plugin: its subcommand is the next word
                    spelling += " " + rest.get(0);
                    rest = rest.subList(1, rest.size());
                }
                return DOCKER_LOGS.contains(spelling) && (rest.contains("--follow") || flag(rest, 'f'))
                        || DOCKER_STATS.contains(spelling) && !rest.contains("--no-stream")
                        || DOCKER_EVENTS.contains(spelling) && rest.stream().noneMatch(a -> a.startsWith("--until"));
            }).orElse(false);
            case "tail" -> args.stream().anyMatch(a -> a.startsWith("--follow")) || flag(args, 'f') || flag(args, 'F');
            case "journalctl" -> args.contains("--follow") || flag(args, 'f');
            case "ping" -> !flag(args, 'c') && !flag(args, 'w') && args.stream().noneMatch(a -> a.startsWith("--count"));
            case "kubectl" -> !args.isEmpty() && (args.get(0).equals("logs") && (args.contains("--follow") || flag(args, 'f'))
                    || args.get(0).equals("get") && (args.contains("--watch") || flag(args, 'w')));
            default -> false;
        };
    }

    /** A short option, alone or in a cluster ({@code -f}, {@code -fu}, {@code -100f}). */
    private static boolean flag(List<String> args, char letter) {
        return args.stream().anyMatch(a -> a.matches("-[A-Za-z0-9]*") && a.indexOf(letter) > 0);
    }
}
