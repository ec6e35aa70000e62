package dev.docproof.shell;


import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names a shell command will give the engine resources it creates: {@code docker network create NAME},
 * {@code docker volume create NAME}, {@code docker run|create --name NAME}, and the names it gives images: those it
 * builds, commits or imports (new images, labelled as the run's and removed after it) and those it tags (the name
 * is taken off after it). Pure; a command it does not
 * understand yields nothing rather than a guess.
 */
public final class LedgerNames {

    /** A name the lesson will create. */
    public record PlannedName(ResourceKind kind, String name) {}

    private LedgerNames() {}

    public static List<PlannedName> plannedNames(String command) {
        List<PlannedName> names = new ArrayList<>();
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> words = simple.texts();
            DockerCli.call(words).flatMap(call -> plannedName(call, words.subList(call.argumentsFrom(), words.size())))
                    .ifPresent(names::add);
        }
        ImagesMade.tagged(command).forEach(image -> names.add(new PlannedName(ResourceKind.IMAGE, image)));
        return names;
    }

    /** The images {@code docker run|create} commands in {@code command} start containers from, as written. */
    public static List<String> imagesUsed(String command) {
        return ImageReferences.asWritten(command, false);
    }

    private static Optional<PlannedName> plannedName(DockerCli.Call call, List<String> arguments) {
        String command = call.command();
        return switch (command) {
            case "network create" -> firstPositional(command, arguments).map(n -> new PlannedName(ResourceKind.NETWORK, n));
            case "volume create" -> DockerCli.optionValue(command, arguments, "--name")
                    .or(() -> firstPositional(command, arguments)).map(n -> new PlannedName(ResourceKind.VOLUME, n));
            case "run", "create" -> DockerCli.optionValue(command, arguments, "--name")
                    .map(n -> new PlannedName(ResourceKind.CONTAINER, n));
            default -> Optional.empty();
        };
    }

    private static Optional<String> firstPositional(String command, List<String> arguments) {
        return DockerCli.positionals(command, arguments).stream().findFirst().map(arguments::get);
    }
}
