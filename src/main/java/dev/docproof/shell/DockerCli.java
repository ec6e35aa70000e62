package dev.docproof.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Docker CLI's grammar as far as docproof reads commands: which simple command runs {@code docker},
 * which of its subcommands, and which options take a value in the next word, so that a value is never
 * taken for an argument. The one table of that knowledge; to read another command's options, add a row.
 */
public final class DockerCli {

    /**
     * A {@code docker} command line.
     *
     * @param spelling      the subcommand as written, e.g. {@code container run} or {@code network remove}
     * @param command       its canonical name, e.g. {@code run} or {@code network rm}
     * @param argumentsFrom index (in the simple command's words) of the first word after the subcommand
     */
    public record Call(String spelling, String command, int argumentsFrom) {}

    /** Options of the docker command itself, before the subcommand, that take a value. */
    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("-H", "--host", "-c", "--context", "--config",
            "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey");

    /** Options of run and create that take a value ({@code -p 8080:80}, {@code -p8080:80}, {@code --name x}). */
    private static final Set<String> RUN_WITH_VALUE = options(
            "-a -c -e -h -l -m -p -u -v -w",
            "--add-host --annotation --attach --blkio-weight --blkio-weight-device --cap-add --cap-drop"
                    + " --cgroup-parent --cgroupns --cidfile --cpu-count --cpu-percent --cpu-period --cpu-quota"
                    + " --cpu-rt-period --cpu-rt-runtime --cpu-shares --cpus --cpuset-cpus --cpuset-mems --detach-keys"
                    + " --device --device-cgroup-rule --device-read-bps --device-read-iops --device-write-bps"
                    + " --device-write-iops --dns --dns-opt --dns-option --dns-search --domainname --entrypoint --env"
                    + " --env-file --expose --gpus --group-add --health-cmd --health-interval --health-retries"
                    + " --health-start-interval --health-start-period --health-timeout --hostname --io-maxbandwidth"
                    + " --io-maxiops --ip --ip6 --ipc --isolation --kernel-memory --label --label-file --link"
                    + " --link-local-ip --log-driver --log-opt --mac-address --memory --memory-reservation --memory-swap"
                    + " --memory-swappiness --mount --name --net --net-alias --network --network-alias --oom-score-adj"
                    + " --pid --pids-limit --platform --publish --pull --restart --runtime --security-opt --shm-size"
                    + " --stop-signal --stop-timeout --storage-opt --sysctl --tmpfs --ulimit --user --userns --uts"
                    + " --volume --volume-driver --volumes-from --workdir");

    private static final Set<String> STOP_WITH_VALUE = options("-t --time -s --signal");
    private static final Set<String> FORMAT = options("-f --format");

    /** Per canonical command, the options that take a value; a command not listed has none. */
    private static final Map<String, Set<String>> WITH_VALUE = Map.ofEntries(
            Map.entry("run", RUN_WITH_VALUE),
            Map.entry("create", RUN_WITH_VALUE),
            Map.entry("pull", options("--platform")),
            Map.entry("exec", options("-e --env --env-file -u --user -w --workdir --detach-keys")),
            Map.entry("start", options("--detach-keys")),
            Map.entry("stop", STOP_WITH_VALUE),
            Map.entry("restart", STOP_WITH_VALUE),
            Map.entry("kill", options("-s --signal")),
            Map.entry("logs", options("--since --until -n --tail")),
            Map.entry("inspect", options("-f --format --type")),
            Map.entry("network create", options("-d --driver --subnet --gateway --ip-range --aux-address -o --opt"
                    + " --label --ipam-driver --ipam-opt --scope --config-from")),
            Map.entry("network connect",
                    options("--alias --ip --ip6 --link --link-local-ip --driver-opt --gw-priority")),
            Map.entry("network inspect", FORMAT),
            Map.entry("volume create", options("-d --driver --label -o --opt --name")),
            Map.entry("volume inspect", FORMAT));

    /** Commands whose options end at their first argument: what follows belongs to the container's command. */
    private static final Set<String> OPTIONS_BEFORE_ARGUMENTS = Set.of("run", "create", "exec");

    /** Words after {@code docker} that group subcommands ({@code docker network create}). */
    private static final Set<String> GROUPS = Set.of("builder", "buildx", "checkpoint", "compose", "config",
            "container", "context", "image", "manifest", "network", "node", "plugin", "secret", "service", "stack",
            "swarm", "system", "trust", "volume");

    /** Other spellings of a command, by the name the CLI gives it. */
    private static final Map<String, String> ALIASES = Stream.concat(
            Stream.of("run", "create", "start", "stop", "restart", "kill", "rm", "logs", "exec", "inspect")
                    .map(name -> Map.entry("container " + name, name)),
            Stream.of(Map.entry("image pull", "pull"), Map.entry("image rm", "rmi"), Map.entry("image remove", "rmi"),
                    Map.entry("network remove", "network rm"), Map.entry("volume remove", "volume rm")))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private DockerCli() {}

    /**
     * The docker command a simple command runs, when its command word is {@code docker} (after {@code sudo},
     * {@code exec} or {@code VAR=value} assignments).
     */
    public static Optional<Call> call(List<String> words) {
        int i = 0;
        while (i < words.size() && (words.get(i).equals("sudo") || words.get(i).equals("exec")
                || words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
            i++;
        }
        if (i >= words.size() || !(words.get(i).equals("docker") || words.get(i).endsWith("/docker"))) {
            return Optional.empty();
        }
        i++;
        while (i < words.size() && words.get(i).startsWith("-")) {
            i += GLOBAL_WITH_VALUE.contains(words.get(i)) ? 2 : 1;
        }
        if (i >= words.size()) {
            return Optional.empty();
        }
        String spelling = words.get(i++);
        if (GROUPS.contains(spelling) && i < words.size()) {
            spelling += " " + words.get(i++);
        }
        return Optional.of(new Call(spelling, canonical(spelling), i));
    }

    /** The name the CLI gives a command, e.g. {@code run} for {@code container run}. */
    public static String canonical(String spelling) {
        return ALIASES.getOrDefault(spelling, spelling);
    }

    /** Whether {@code option} of {@code command} (canonical) is followed by its value as a separate word. */
    public static boolean takesSeparateValue(String command, String option) {
        Set<String> withValue = WITH_VALUE.getOrDefault(command, Set.of());
        if (option.startsWith("--")) {
            return !option.contains("=") && withValue.contains(option);
        }
        // A cluster of short options (-itd); the first one that takes a value ends it, and its value is
        // the rest of the word (-p8080:80) or, when nothing is left, the next word (-itp 80:80).
        for (int c = 1; c < option.length(); c++) {
            if (withValue.contains("-" + option.charAt(c))) {
                return c == option.length() - 1;
            }
        }
        return false;
    }

    /**
     * Indexes of the positional arguments among {@code arguments}, options and their values left out;
     * after {@code --}, or after the first argument of run, create and exec, every word is an argument.
     */
    public static List<Integer> positionals(String command, List<String> arguments) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String word = arguments.get(i);
            boolean optionsEnded = !found.isEmpty() && OPTIONS_BEFORE_ARGUMENTS.contains(command);
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

    private static Set<String> options(String... lists) {
        return Stream.of(lists).flatMap(list -> Stream.of(list.split(" "))).collect(Collectors.toUnmodifiableSet());
    }
}
