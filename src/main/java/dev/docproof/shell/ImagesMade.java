package dev.docproof.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The images a command makes for later steps: {@code docker build -t|--tag NAME}, {@code docker tag SRC NAME},
 * {@code docker pull NAME}, {@code docker commit CONTAINER NAME}, {@code docker load}/{@code import} with a
 * name, and the images a {@code docker compose} command builds (named only at run time, so none here). Pure.
 * A lesson's own images are its business, not a precondition of its run.
 */
public final class ImagesMade {

    private ImagesMade() {}

    public static List<String> by(String command) {
        List<String> made = tagged(command);
        made.addAll(Needs.pulls(command));
        return made;
    }

    /** The names a command gives an image on the engine it runs against: built, tagged, committed or imported. */
    public static List<String> tagged(String command) {
        List<String> made = new ArrayList<>();
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> words = simple.texts();
            DockerCli.call(words).ifPresent(call -> {
                List<String> args = words.subList(call.argumentsFrom(), words.size());
                List<Integer> positionals = DockerCli.positionals(call.command(), args);
                boolean secondNames = switch (call.command()) {
                    case "commit", "container commit", "import", "image import", "tag", "image tag" -> true;
                    default -> false;
                };
                if (List.of("build", "buildx build", "image build").contains(call.command())) {
                    made.addAll(tags(args));
                } else if (secondNames && positionals.size() >= 2) {
                    made.add(args.get(positionals.get(1)));
                }
            });
        }
        return made;
    }

    /** {@code -t NAME}, {@code --tag NAME}, {@code --tag=NAME}, {@code -tNAME}. */
    private static List<String> tags(List<String> args) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-t") || a.equals("--tag")) && i + 1 < args.size()) {
                tags.add(args.get(++i));
            } else if (a.startsWith("--tag=")) {
                tags.add(a.substring(6));
            } else if (a.startsWith("-t") && a.length() > 2 && !a.startsWith("--")) {
                tags.add(a.substring(a.charAt(2) == '=' ? 3 : 2));
            }
        }
        return tags;
    }
}
