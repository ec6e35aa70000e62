package dev.docproof.shell;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The files and folders a command fetches into the working folder: {@code git clone URL [DIR]}, {@code wget URL}
 * ({@code -O FILE}), {@code curl -o FILE URL} or {@code curl -O URL}. When such a step cannot run (no internet), the
 * steps that use what it would have fetched cannot either. Paths as the lesson names them, relative. Pure.
 */
public final class Downloads {

    /** git clone's options that take the next word as their value. */
    private static final Set<String> CLONE_VALUED = Set.of("-b", "--branch", "-o", "--origin", "-c", "--config",
            "--depth", "-j", "--jobs", "--reference", "--reference-if-able", "--template", "--separate-git-dir", "-u",
            "--upload-pack", "--filter", "--shallow-since", "--shallow-exclude", "--bundle-uri");

    private Downloads() {}

    public static List<String> by(String command) {
        List<String> made = new ArrayList<>();
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> words = simple.texts();
            int at = CommandWord.afterSudo(words);
            if (at >= words.size()) {
                continue;
            }
            List<String> args = words.subList(at + 1, words.size());
            switch (words.get(at)) {
                case "git" -> clone(args, made);
                case "wget" -> fetched(args, 'O', "--output-document", false, made);
                case "curl" -> fetched(args, 'o', "--output", true, made);
                default -> { }
            }
        }
        return made.stream().filter(Downloads::relative).toList();
    }

    private static void clone(List<String> args, List<String> made) {
        if (args.isEmpty() || !args.get(0).equals("clone")) {
            return;
        }
        List<String> positionals = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (CLONE_VALUED.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                positionals.add(a);
            }
        }
        if (positionals.size() >= 2) {
            made.add(positionals.get(1));
        } else if (positionals.size() == 1) {
            String name = lastSegment(positionals.get(0).replaceFirst("^[^/]*@[^:/]+:", "/"));
            made.add(name.endsWith(".git") ? name.substring(0, name.length() - 4) : name);
        }
    }

    /**
     * wget and curl: the file an output option names ({@code -O FILE} and {@code -qO FILE} for wget, {@code -o FILE}
     * for curl), else the address's last segment: wget's always, curl's with {@code -O} (also in {@code -fsSLO}).
     */
    private static void fetched(List<String> args, char output, String longOutput, boolean nameOnRequest,
                                List<String> made) {
        boolean remoteName = !nameOnRequest;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean cluster = a.matches("-[A-Za-z]+");
            String value = null;
            if (cluster && a.charAt(a.length() - 1) == output || a.equals(longOutput)) {
                value = i + 1 < args.size() ? args.get(++i) : "-";
            } else if (a.startsWith(longOutput + "=")) {
                value = a.substring(longOutput.length() + 1);
            }
            if (value != null) {
                if (!value.equals("-")) {
                    made.add(value);
                }
                return;
            }
            if (nameOnRequest && (cluster && a.indexOf('O') > 0 || a.equals("--remote-name"))) {
                remoteName = true;
            }
        }
        if (remoteName) {
            args.stream().filter(a -> a.matches("(?:https?|ftp)://.+")).map(Downloads::lastSegment)
                    .filter(name -> !name.isEmpty()).forEach(made::add);
        }
    }

    private static String lastSegment(String address) {
        String path;
        try {
            path = URI.create(address).getPath();
        } catch (IllegalArgumentException notAnAddress) {
            path = address;
        }
        path = path == null ? "" : path.replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean relative(String path) {
        return !path.isEmpty() && !path.startsWith("/") && !path.startsWith("~") && !path.startsWith("$")
                && !path.equals(".") && !path.equals("..");
    }
}
