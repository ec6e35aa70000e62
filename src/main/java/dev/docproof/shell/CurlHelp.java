package dev.docproof.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout of {@code curl --help all}: one command, one option per line, {@code -d, --data <data>  text};
 * an option followed by a {@code <value>} takes one.
 */
public final class CurlHelp implements HelpFormat {

    private static final Pattern FLAG = Pattern.compile("^ {0,2}(?:-(\\S), )? *--([A-Za-z0-9][\\w.-]*)(?: (<[^>]*>))?(?:\\s.*)?$");

    @Override
    public List<String> helpArguments(List<String> path) {
        return List.of("--help", "all");
    }

    @Override
    public Optional<CliCommand> read(List<String> path, String page) {
        if (!path.isEmpty()) {
            return Optional.empty();
        }
        String usage = null;
        List<CliFlag> flags = new ArrayList<>();
        for (String line : page.split("\n")) {
            if (line.startsWith("Usage:")) {
                usage = line.substring("Usage:".length()).strip();
                continue;
            }
            Matcher m = FLAG.matcher(line);
            if (m.matches()) {
                flags.add(new CliFlag(m.group(2), m.group(1), m.group(3)));
            }
        }
        if (usage == null) {
            return Optional.empty();
        }
        return Optional.of(new CliCommand(List.of(), usage, List.of(), List.of(), flags, false));
    }
}
