package dev.docproof.docker;

import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.Set;

/**
 * The names a shell command will give the engine resources it creates: {@code docker network create NAME},
 * {@code docker volume create NAME}, {@code docker run|create --name NAME}. Pure; a command it does not
 * understand yields nothing rather than a guess.
 */
public final class LedgerNames {

    /** A name the lesson will create. */
    public record PlannedName(ResourceKind kind, String name) {}

    private static final Set<String> NETWORK_CREATE_VALUED = Set.of("-d", "--driver", "--subnet", "--gateway",
            "--ip-range", "--aux-address", "-o", "--opt", "--label", "--ipam-driver", "--ipam-opt", "--scope",
            "--config-from");
    private static final Set<String> VOLUME_CREATE_VALUED = Set.of("-d", "--driver", "--label", "-o", "--opt");
    private static final Set<String> RUN_FLAGS = Set.of("--rm", "--detach", "--interactive", "--tty",
            "--privileged", "--init", "--read-only", "--publish-all", "--no-healthcheck", "--oom-kill-disable",
            "--sig-proxy", "--disable-content-trust", "--quiet");
    private static final String RUN_SHORT_FLAGS = "ditPq";
    private static final Set<String> DOCKER_GLOBAL_VALUED = Set.of("-H", "--host", "-c", "--context", "--config",
            "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey");

    private LedgerNames() {}

    public static List<PlannedName> plannedNames(String command) {
        List<PlannedName> names = new ArrayList<>();
        for (List<String> words : LedgerShellWords.simpleCommands(command)) {
            plannedName(words).ifPresent(names::add);
        }
        return names;
    }

    /** The images {@code docker run|create} commands in {@code command} start containers from. */
    public static List<String> imagesUsed(String command) {
        List<String> images = new ArrayList<>();
        for (List<String> words : LedgerShellWords.simpleCommands(command)) {
            List<String> args = runArguments(words);
            if (args != null) {
                imageOf(args).ifPresent(images::add);
            }
        }
        return images;
    }

    private static Optional<String> imageOf(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                return i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
            }
            if (!a.startsWith("-")) {
                return Optional.of(a);
            }
            if (!a.contains("=") && !RUN_FLAGS.contains(a) && !isShortFlagCluster(a)) {
                i++;
            }
        }
        return Optional.empty();
    }

    /** The arguments after {@code docker run|create|container run|container create}, else null. */
    private static List<String> runArguments(List<String> words) {
        List<String> rest = dockerArguments(words);
        if (rest == null) {
            return null;
        }
        if (startsWith(rest, "run") || startsWith(rest, "create")) {
            return rest.subList(1, rest.size());
        }
        if (startsWith(rest, "container", "run") || startsWith(rest, "container", "create")) {
            return rest.subList(2, rest.size());
        }
        return null;
    }

    /** The words after {@code docker} and its global options, or null when the command is not docker's. */
    private static List<String> dockerArguments(List<String> words) {
        int i = 0;
        while (i < words.size() && (words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*") || words.get(i).equals("sudo"))) {
            i++;
        }
        if (i >= words.size() || !words.get(i).equals("docker")) {
            return null;
        }
        i++;
        while (i < words.size() && words.get(i).startsWith("-")) {
            i += DOCKER_GLOBAL_VALUED.contains(words.get(i)) ? 2 : 1;
        }
        return words.subList(Math.min(i, words.size()), words.size());
    }

    private static Optional<PlannedName> plannedName(List<String> words) {
        List<String> rest = dockerArguments(words);
        if (rest == null) {
            return Optional.empty();
        }
        if (startsWith(rest, "network", "create")) {
            return positional(rest.subList(2, rest.size()), NETWORK_CREATE_VALUED).map(n -> new PlannedName(ResourceKind.NETWORK, n));
        }
        if (startsWith(rest, "volume", "create")) {
            List<String> args = rest.subList(2, rest.size());
            Optional<String> named = optionValue(args, "--name", VOLUME_CREATE_VALUED, Set.of());
            return named.or(() -> positional(args, VOLUME_CREATE_VALUED)).map(n -> new PlannedName(ResourceKind.VOLUME, n));
        }
        List<String> runArgs = runArguments(words);
        if (runArgs == null) {
            return Optional.empty();
        }
        return optionValue(runArgs, "--name", null, RUN_FLAGS).map(n -> new PlannedName(ResourceKind.CONTAINER, n));
    }

    private static boolean startsWith(List<String> words, String... prefix) {
        if (words.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!words.get(i).equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    /** The first argument that is neither an option nor an option's value. */
    private static Optional<String> positional(List<String> args, Set<String> valued) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                return i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
            }
            if (a.startsWith("-")) {
                if (valued.contains(a)) {
                    i++;
                }
                continue;
            }
            return Optional.of(a);
        }
        return Optional.empty();
    }

    /**
     * The value of {@code option} among the options before the first positional argument.
     * With {@code valued} given, only those options take a value; else every option not in {@code flags} does.
     */
    private static Optional<String> optionValue(List<String> args, String option, Set<String> valued,
                                                          Set<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(option) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (a.startsWith(option + "=")) {
                return Optional.of(a.substring(option.length() + 1));
            }
            if (!a.startsWith("-") || a.equals("--")) {
                return Optional.empty(); // the image (or the volume name): options end here
            }
            boolean takesValue = valued != null ? valued.contains(a)
                    : !a.contains("=") && !flags.contains(a) && !isShortFlagCluster(a);
            if (takesValue) {
                i++;
            }
        }
        return Optional.empty();
    }

    private static boolean isShortFlagCluster(String a) {
        return a.matches("-[A-Za-z]+") && a.substring(1).chars().allMatch(c -> RUN_SHORT_FLAGS.indexOf(c) >= 0);
    }
}
