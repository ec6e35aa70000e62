package dev.docproof.shell;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Programs a person drives at a terminal: editors, system monitors, {@code watch}. Steps run without a terminal
 * (their stdin empty, as in CI), where these fail at once ({@code top: failed tty get}), leave escape codes, or
 * redraw until the step's deadline. Pagers ({@code less}, {@code man}) are not among them: without a terminal they
 * print like {@code cat}. Pure.
 */
public final class FullScreen {

    /** A full-screen program a command runs, and what the lesson can show instead. */
    public record Use(String program, String instead) {

        /** Why a step running it is not run. */
        public String reason() {
            return "`" + program + "` is a full-screen program a person drives at a terminal, and steps run without"
                    + " one (their stdin empty, as in CI): " + instead + ", or put a `docproof: skip` marker before it";
        }
    }

    private static final Set<String> EDITORS = Set.of("nano", "pico", "vi", "vim", "nvim", "emacs", "micro", "joe",
            "mcedit");
    private static final Set<String> MONITORS = Set.of("htop", "btop", "atop", "iotop", "iftop", "nethogs", "nload",
            "glances", "nmon", "ctop", "lazydocker", "ncdu");
    /** Arguments that make any of them print and end. */
    private static final Set<String> PRINTING = Set.of("--version", "--help", "-h");

    private FullScreen() {}

    /** The first full-screen program {@code command} runs in that mode, if any. */
    public static Optional<Use> in(String command) {
        for (ShellWords.Command simple : ShellWords.commands(command)) {
            List<String> words = simple.texts();
            int at = CommandWord.afterSudo(words);
            if (at >= words.size()) {
                continue;
            }
            String program = words.get(at);
            List<String> args = words.subList(at + 1, words.size());
            if (args.stream().anyMatch(PRINTING::contains)) {
                continue;
            }
            if (EDITORS.contains(program) && !exMode(args)) {
                return Optional.of(new Use(program, "a block the run writes can hold the file it edits (a caption"
                        + " naming the file, or a `docproof: file NAME` marker)"));
            }
            if (MONITORS.contains(program)) {
                return Optional.of(new Use(program, "show a command that prints once instead"));
            }
            if (program.equals("top") && args.stream().noneMatch(FullScreen::batchFlag)) {
                return Optional.of(new Use(program, "show one snapshot instead (`top -b -n 1`)"));
            }
            if (program.equals("watch")) {
                return Optional.of(new Use(program, "run the command it repeats once instead"));
            }
        }
        return Optional.empty();
    }

    /** {@code top -b}, {@code top -bn1}: batch mode prints without a terminal. */
    private static boolean batchFlag(String arg) {
        return arg.matches("-[A-Za-z0-9]*b[A-Za-z0-9]*");
    }

    /** {@code vim -es}, {@code vim -e -s}: Vim's silent Ex mode, which scripts use without a terminal. */
    private static boolean exMode(List<String> args) {
        return args.contains("-es") || args.contains("-Es")
                || (args.contains("-e") || args.contains("-E")) && args.contains("-s");
    }
}
