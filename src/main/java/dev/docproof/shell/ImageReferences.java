package dev.docproof.shell;


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
        return asWritten(command, true).stream().map(ImageRef::parse).toList();
    }

    /** The image operands of {@code docker run|create} (and of {@code docker pull} when asked) as written. */
    public static List<String> asWritten(String command, boolean withPulls) {
        List<String> found = new ArrayList<>();
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> words = simple.texts();
            DockerCli.call(words).flatMap(call -> imageOperand(words, call, withPulls)).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The images a command names without starting a container from them or making them, as written: the source of
     * {@code docker tag}, what {@code history}, {@code save}, {@code image inspect} (and {@code inspect}, which may name
     * a container instead), {@code images} (its filter) and {@code rmi} name. A sandbox needs them as much as the images
     * it runs: a lesson's {@code docker tag nginx web:v1} reads an image the engine has.
     */
    public static List<String> namedAsWritten(String command) {
        List<String> found = new ArrayList<>();
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> words = simple.texts();
            DockerCli.call(words).ifPresent(call -> {
                List<String> arguments = words.subList(call.argumentsFrom(), words.size());
                List<Integer> positionals = DockerCli.positionals(call.command(), arguments);
                int named = switch (call.command()) {
                    case "tag", "image tag", "history", "image history", "images", "image ls", "image list" -> 1;
                    case "save", "image save", "image inspect", "inspect", "rmi", "image rm", "image remove" ->
                            positionals.size();
                    default -> 0;
                };
                positionals.stream().limit(named).map(arguments::get)
                        .filter(word -> REFERENCE.matcher(word).matches()).forEach(found::add);
            });
        }
        return found;
    }

    /** The first argument of run, create or pull, when it is an image reference. */
    private static Optional<String> imageOperand(List<String> words, DockerCli.Call call, boolean withPulls) {
        String command = call.command();
        if (!command.equals("run") && !command.equals("create") && !(withPulls && command.equals("pull"))) {
            return Optional.empty();
        }
        List<String> arguments = words.subList(call.argumentsFrom(), words.size());
        List<Integer> positionals = DockerCli.positionals(command, arguments);
        if (positionals.isEmpty()) {
            return Optional.empty();
        }
        String candidate = arguments.get(positionals.get(0));
        return REFERENCE.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }
}
