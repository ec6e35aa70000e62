package dev.docproof.shell;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Commands that start a server in the foreground and never end by themselves: {@code python -m http.server},
 * {@code flask run}, {@code npm start}, {@code docker compose up} without {@code -d}, {@code java -jar}. A
 * lesson runs them in one terminal and goes on in another; docproof runs them in the background. Pure.
 */
public final class ForegroundServers {

    private ForegroundServers() {}

    /** Whether {@code command} starts a well-known foreground server. */
    public static boolean starts(String command) {
        return ShellWords.commands(command).stream().map(ShellWords.Command::texts).anyMatch(ForegroundServers::server);
    }

    /** The port the server listens on, as written or by its default; empty when unknown. */
    public static OptionalInt port(String command) {
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> w = simple.texts();
            if (!server(w)) {
                continue;
            }
            if (w.get(0).startsWith("python") && w.size() > 3) {
                return number(w.get(3));
            }
            if (w.get(0).startsWith("python")) {
                return OptionalInt.of(8000);
            }
            if (w.get(0).equals("flask")) {
                return option(w, "--port", "-p").map(ForegroundServers::number).orElse(OptionalInt.of(5000));
            }
        }
        return OptionalInt.empty();
    }

    private static boolean server(List<String> w) {
        if (w.isEmpty()) {
            return false;
        }
        String program = w.get(0);
        if (program.matches("python3?") && w.size() > 2 && w.get(1).equals("-m") && w.get(2).equals("http.server")) {
            return true;
        }
        if (program.equals("flask") && w.size() > 1 && w.get(1).equals("run")) {
            return true;
        }
        if (program.equals("npm") && w.size() > 1 && (w.get(1).equals("start") || w.subList(1, w.size()).equals(List.of("run", "dev")))) {
            return true;
        }
        if (program.equals("java") && w.contains("-jar")) {
            return true;
        }
        boolean compose = program.equals("docker-compose") && w.contains("up")
                || program.equals("docker") && w.size() > 2 && w.get(1).equals("compose") && w.contains("up");
        return compose && !w.contains("-d") && !w.contains("--detach");
    }

    private static Optional<String> option(List<String> w, String... names) {
        for (int i = 0; i < w.size(); i++) {
            for (String name : names) {
                if (w.get(i).equals(name) && i + 1 < w.size()) {
                    return Optional.of(w.get(i + 1));
                }
                if (w.get(i).startsWith(name + "=")) {
                    return Optional.of(w.get(i).substring(name.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static OptionalInt number(String word) {
        return word.matches("\\d{1,5}") ? OptionalInt.of(Integer.parseInt(word)) : OptionalInt.empty();
    }
}
