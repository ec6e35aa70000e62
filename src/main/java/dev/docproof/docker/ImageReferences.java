package dev.docproof.docker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the images shell commands use: the image operand of {@code docker run}/{@code docker create}
 * (and their {@code docker container} forms) and of {@code docker pull}/{@code docker image pull}.
 * Pure; words that are not image references (placeholders such as {@code <image>}, {@code ...},
 * variables) are skipped, so a template yields nothing rather than nonsense.
 */
public final class ImageReferences {

    /** Short options of run/create that take a value ({@code -p 8080:80}, {@code -p8080:80}). */
    private static final Set<Character> SHORT_WITH_VALUE = Set.of('a', 'c', 'e', 'h', 'l', 'm', 'p', 'u', 'v', 'w');

    /** Long options of run/create/pull that take a value, unless written {@code --name=value}. */
    private static final Set<String> LONG_WITH_VALUE = Set.of(
            "add-host", "annotation", "attach", "blkio-weight", "blkio-weight-device", "cap-add", "cap-drop",
            "cgroup-parent", "cgroupns", "cidfile", "cpu-count", "cpu-percent", "cpu-period", "cpu-quota",
            "cpu-rt-period", "cpu-rt-runtime", "cpu-shares", "cpus", "cpuset-cpus", "cpuset-mems", "detach-keys",
            "device", "device-cgroup-rule", "device-read-bps", "device-read-iops", "device-write-bps",
            "device-write-iops", "dns", "dns-opt", "dns-option", "dns-search", "domainname", "entrypoint", "env",
            "env-file", "expose", "gpus", "group-add", "health-cmd", "health-interval", "health-retries",
            "health-start-interval", "health-start-period", "health-timeout", "hostname", "io-maxbandwidth",
            "io-maxiops", "ip", "ip6", "ipc", "isolation", "kernel-memory", "label", "label-file", "link",
            "link-local-ip", "log-driver", "log-opt", "mac-address", "memory", "memory-reservation", "memory-swap",
            "memory-swappiness", "mount", "name", "net", "net-alias", "network", "network-alias", "oom-score-adj",
            "pid", "pids-limit", "platform", "publish", "pull", "restart", "runtime", "security-opt", "shm-size",
            "stop-signal", "stop-timeout", "storage-opt", "sysctl", "tmpfs", "ulimit", "user", "userns", "uts",
            "volume", "volume-driver", "volumes-from", "workdir");

    /** Options of the docker command itself, before the subcommand, that take a value. */
    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("-H", "--host", "-c", "--context", "--config",
            "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey");

    /** Shell words that end one command and may start another. */
    private static final Set<String> SEPARATORS = Set.of(";", "&", "&&", "|", "||", "(", ")", "$(", "`", "\n");

    /** [host[:port]/]path[:tag][@digest], path components in lower case as the engine demands. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
                    + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[a-z0-9]+:[a-fA-F0-9]{32,})?");

    private ImageReferences() {}

    /** The images the commands use, each once, in the order first used. */
    public static List<ImageRef> find(List<String> commands) {
        Set<ImageRef> found = new LinkedHashSet<>();
        for (String command : commands) {
            found.addAll(find(command));
        }
        return List.copyOf(found);
    }

    /** The images one command (possibly several joined with ;, &&, | or newlines) uses. */
    public static List<ImageRef> find(String command) {
        List<String> words = ShellWords.split(command);
        List<ImageRef> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (isDocker(words.get(i)) && (i == 0 || startsCommand(words, i))) {
                imageOperand(words, i + 1).ifPresent(found::add);
            }
        }
        return found;
    }

    private static boolean isDocker(String word) {
        return word.equals("docker") || word.endsWith("/docker");
    }

    /** docker is the command word: after a separator, sudo, or VAR=value assignments. */
    private static boolean startsCommand(List<String> words, int index) {
        for (int i = index - 1; i >= 0; i--) {
            String word = words.get(i);
            if (SEPARATORS.contains(word)) {
                return true;
            }
            if (!word.equals("sudo") && !word.equals("exec") && !word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                return false;
            }
        }
        return true;
    }

    /** From just after "docker": global options, the subcommand, its options, then the image. */
    private static Optional<ImageRef> imageOperand(List<String> words, int start) {
        int i = start;
        while (i < words.size() && words.get(i).startsWith("-")) {
            String option = words.get(i);
            i += GLOBAL_WITH_VALUE.contains(option) ? 2 : 1;
        }
        if (i >= words.size()) {
            return Optional.empty();
        }
        String subcommand = words.get(i++);
        if ((subcommand.equals("container") || subcommand.equals("image")) && i < words.size()) {
            String action = words.get(i++);
            subcommand = subcommand.equals("container") && (action.equals("run") || action.equals("create"))
                    ? action
                    : subcommand.equals("image") && action.equals("pull") ? "pull" : "";
        }
        if (!subcommand.equals("run") && !subcommand.equals("create") && !subcommand.equals("pull")) {
            return Optional.empty();
        }
        while (i < words.size() && !SEPARATORS.contains(words.get(i))) {
            String word = words.get(i);
            if (word.equals("--")) {
                i++;
                break;
            }
            if (!word.startsWith("-") || word.equals("-")) {
                break;
            }
            i += takesSeparateValue(word, subcommand.equals("pull")) ? 2 : 1;
        }
        if (i >= words.size() || SEPARATORS.contains(words.get(i))) {
            return Optional.empty();
        }
        String candidate = words.get(i);
        return REFERENCE.matcher(candidate).matches() ? Optional.of(ImageRef.parse(candidate)) : Optional.empty();
    }

    /** Whether an option word is followed by a separate value word. */
    private static boolean takesSeparateValue(String option, boolean pull) {
        if (pull) {
            return option.equals("--platform"); // pull's short options (-a, -q) are all flags
        }
        if (option.startsWith("--")) {
            return !option.contains("=") && LONG_WITH_VALUE.contains(option.substring(2));
        }
        // A cluster of short options (-itd); the first one that takes a value ends it, and its value is
        // the rest of the word (-p8080:80) or, when nothing is left, the next word (-itp 80:80).
        for (int c = 1; c < option.length(); c++) {
            if (SHORT_WITH_VALUE.contains(option.charAt(c))) {
                return c == option.length() - 1;
            }
        }
        return false;
    }
}
