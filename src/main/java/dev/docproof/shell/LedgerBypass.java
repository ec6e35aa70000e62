package dev.docproof.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The commands that reach the Docker engine some other way than through the shell's {@code DOCKER_HOST},
 * which docproof points at the lesson's labelling socket, so that what they create escapes the ledger:
 * {@code docker -H …}, {@code docker --context …}, {@code DOCKER_HOST=… docker …}, and the commands that
 * change where every later docker command goes ({@code export DOCKER_HOST=…}, {@code unset DOCKER_HOST},
 * {@code docker context use …}). What only names the variable ({@code echo $DOCKER_HOST}) or sets it inside a
 * container ({@code docker run -e DOCKER_HOST=…}) is not one, nor a value that keeps the lesson's own
 * ({@code "$DOCKER_HOST"}). Pure.
 */
public final class LedgerBypass {

    public enum Way {
        /** {@code docker -H ADDRESS …} / {@code --host}: this command talks to that engine. */
        HOST_OPTION,
        /** {@code docker --context NAME …} / {@code -c}: this command talks to that context's engine. */
        CONTEXT_OPTION,
        /** {@code DOCKER_HOST=… docker …}: this command talks to that engine. */
        HOST_FOR_COMMAND,
        /** {@code export DOCKER_HOST=…}, {@code DOCKER_HOST=…}: every later command talks to that engine. */
        HOST_CHANGED,
        /** {@code unset DOCKER_HOST}: every later command talks to the client's own choice of engine. */
        HOST_UNSET,
        /** {@code docker context use NAME}: changes the client's configuration for every later command. */
        CONTEXT_SWITCHED
    }

    /** One way around the ledger, and the word that takes it (the option, the assignment, the subcommand). */
    public record Bypass(Way way, ShellWords.Word word) {}

    private static final String VARIABLE = "DOCKER_HOST";
    private static final Set<String> EXPORTING = Set.of("export", "declare", "typeset", "readonly");

    private LedgerBypass() {}

    public static List<Bypass> of(String command) {
        return of(ShellWords.commands(command));
    }

    /** @param commands the simple commands of a step, as {@link ShellWords#commands} reads them */
    public static List<Bypass> of(List<ShellWords.Command> commands) {
        List<Bypass> found = new ArrayList<>();
        for (ShellWords.Command command : commands) {
            List<String> texts = command.texts();
            int program = CommandWord.index(texts);
            for (int i = 0; i < program; i++) {
                if (changesHost(texts.get(i))) {
                    found.add(new Bypass(program < texts.size() ? Way.HOST_FOR_COMMAND : Way.HOST_CHANGED,
                            command.words().get(i)));
                }
            }
            if (program == texts.size()) {
                continue;
            }
            String name = CommandWord.program(texts);
            List<ShellWords.Word> arguments = command.words().subList(program + 1, texts.size());
            switch (name) {
                case "docker" -> docker(command, program, found);
                case "unset" -> arguments.stream()
                        .filter(a -> a.text().equals(VARIABLE))
                        .filter(a -> arguments.stream().noneMatch(o -> o.text().equals("-f")))
                        .forEach(a -> found.add(new Bypass(Way.HOST_UNSET, a)));
                default -> {
                    if (EXPORTING.contains(name)) {
                        arguments.stream().filter(a -> changesHost(a.text()))
                                .forEach(a -> found.add(new Bypass(Way.HOST_CHANGED, a)));
                    }
                }
            }
        }
        return found;
    }

    /** {@code DOCKER_HOST=VALUE}, unless the value keeps the lesson's own ({@code DOCKER_HOST=$DOCKER_HOST}). */
    private static boolean changesHost(String word) {
        return word.startsWith(VARIABLE + "=") && !word.contains("$" + VARIABLE) && !word.contains("${" + VARIABLE);
    }

    /** The client's global options before the subcommand (-H, --context), and {@code context use}. */
    private static void docker(ShellWords.Command command, int program, List<Bypass> found) {
        List<String> texts = command.texts();
        int i = program + 1;
        while (i < texts.size() && texts.get(i).startsWith("-") && !texts.get(i).equals("--")) {
            String option = texts.get(i);
            boolean separate = DockerCli.globalTakesSeparateValue(option);
            Optional<Way> way = globalWay(option);
            String value = separate ? (i + 1 < texts.size() ? texts.get(i + 1) : "") : attachedValue(option);
            if (way.isPresent() && !keepsLessonEngine(way.get(), value)) {
                found.add(new Bypass(way.get(), command.words().get(i)));
            }
            i += separate ? 2 : 1;
        }
        DockerCli.call(texts).filter(call -> call.command().equals("context use"))
                .ifPresent(call -> found.add(new Bypass(Way.CONTEXT_SWITCHED, command.words().get(call.argumentsFrom() - 2))));
    }

    /** {@code -H}, {@code --host}, {@code -c}, {@code --context}: alone, with {@code =VALUE} or {@code -HVALUE}. */
    private static Optional<Way> globalWay(String option) {
        String name = option.startsWith("--") ? option.split("=", 2)[0] : option.substring(0, Math.min(2, option.length()));
        return switch (name) {
            case "-H", "--host" -> Optional.of(Way.HOST_OPTION);
            case "-c", "--context" -> Optional.of(Way.CONTEXT_OPTION);
            default -> Optional.empty();
        };
    }

    private static String attachedValue(String option) {
        String value = option.startsWith("--") ? (option.contains("=") ? option.split("=", 2)[1] : "")
                : option.substring(Math.min(2, option.length()));
        return value.startsWith("=") ? value.substring(1) : value;
    }

    /** {@code -H "$DOCKER_HOST"}, and {@code --context default}, whose engine is DOCKER_HOST's. */
    private static boolean keepsLessonEngine(Way way, String value) {
        return way == Way.HOST_OPTION ? value.contains("$" + VARIABLE) || value.contains("${" + VARIABLE)
                : value.equals("default");
    }
}
