package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files {@code include}, {@code literalinclude} and {@code csv-table :file:} name: resolved as Sphinx
 * does (relative to the lesson, or to the course folder when the name starts with {@code /}), read only
 * from inside the course folder, and cut down to the lines their options select.
 */
final class RstIncludes {

    /** Includes nested deeper than this are refused (a chain of files that never ends). */
    static final int MAX_DEPTH = 16;

    /** The course folder and the files read from it, shared by a read's passes so each is read once. */
    static final class Files {
        final Path root;
        private final Map<Path, Loaded> loaded = new HashMap<>();

        Files(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        Loaded load(Path absolute, Path shown) {
            return loaded.computeIfAbsent(absolute, a -> Loaded.of(a, shown));
        }
    }

    /** A file's text (null when it could not be read, then {@code problem} says why) and its decoding notes. */
    record Loaded(String text, String problem, List<Diagnostic> diagnostics) {

        static Loaded of(Path absolute, Path shown) {
            if (!java.nio.file.Files.isRegularFile(absolute)) {
                return new Loaded(null, "no such file", List.of());
            }
            try {
                Utf8.Decoded decoded = Utf8.decode(shown, java.nio.file.Files.readAllBytes(absolute));
                return new Loaded(decoded.text(), null, decoded.diagnostics());
            } catch (IOException | RuntimeException e) {
                return new Loaded(null, "cannot be read: " + e.getMessage(), List.of());
            }
        }
    }

    /** A file an include names: the path spans show, and where it is. */
    record Target(Path shown, Path absolute) {}

    private RstIncludes() {}

    /**
     * The course folder of a lesson when none was given: the nearest folder above it holding Sphinx's
     * {@code conf.py} (a Sphinx project's source folder), else the lesson's own folder.
     */
    static Path courseRootOf(Path lesson) {
        Path folder = lesson.toAbsolutePath().normalize().getParent();
        for (Path up = folder; up != null; up = up.getParent()) {
            if (java.nio.file.Files.isRegularFile(up.resolve("conf.py"))) {
                return up;
            }
        }
        return folder == null ? Path.of("").toAbsolutePath() : folder;
    }

    /**
     * The file {@code name} names, or null after an error at {@code at}: names starting with {@code /} are
     * relative to the course folder, others to the lesson's folder; nothing outside the course folder.
     */
    static Target resolve(RstContext ctx, RstLine at, String directive, String name) {
        if (name.isBlank()) {
            ctx.error(at, at.column(), "The \"" + directive + "\" directive needs a file name");
            return null;
        }
        if (name.startsWith("<") && name.endsWith(">")) {
            ctx.error(at, at.column(), "The \"" + directive + "\" directive's standard file " + name
                    + " is not available; include a file of the course instead");
            return null;
        }
        Path root = ctx.files.root;
        Path lessonDir = ctx.file.toAbsolutePath().normalize().getParent();
        Path absolute;
        try {
            absolute = name.startsWith("/") ? root.resolve(name.substring(1)).normalize()
                    : (lessonDir == null ? root : lessonDir).resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            ctx.error(at, at.column(), "The \"" + directive + "\" file name \"" + name + "\" is not a path this system"
                    + " can open (" + e.getReason() + "); write the file's path");
            return null;
        }
        if (!absolute.startsWith(root) || !realPathInside(absolute, root)) {
            ctx.error(at, at.column(), "The \"" + directive + "\" file \"" + name + "\" is outside the course folder "
                    + root + "; only files inside it are read (move the file into the course folder)");
            return null;
        }
        Path shown = ctx.file.isAbsolute() ? absolute : relativeToWorkingDir(absolute);
        return new Target(shown, absolute);
    }

    /** A symbolic link inside the folder may point out of it: what it points at must be inside too. */
    private static boolean realPathInside(Path absolute, Path root) {
        if (!java.nio.file.Files.exists(absolute)) {
            return true;
        }
        try {
            return absolute.toRealPath().startsWith(java.nio.file.Files.exists(root) ? root.toRealPath() : root);
        } catch (IOException e) {
            return false;
        }
    }

    static Path relativeToWorkingDir(Path absolute) {
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    /** The lines of a resolved file, each knowing its file and the include that brought it; null after an error. */
    static List<RstLine> lines(RstContext ctx, RstLine at, String directive, Target target) {
        Loaded loaded = ctx.files.load(target.absolute(), target.shown());
        if (loaded.text() == null) {
            ctx.error(at, at.column(), "The \"" + directive + "\" file \"" + target.shown() + "\": " + loaded.problem());
            return null;
        }
        ctx.diagnostics.addAll(loaded.diagnostics());
        List<RstLine> lines = new ArrayList<>();
        RstReader.splitLines(loaded.text(), lines, new RstLine.Origin(target.shown(), ctx.span(at)));
        return lines;
    }

    /**
     * The lines selected by docutils' and Sphinx's options: {@code start-after}/{@code start-at},
     * {@code end-before}/{@code end-at} (first line holding the text), then {@code lines} (Sphinx, 1-based
     * ranges such as {@code 1,3,5-10,20-}) or {@code start-line}/{@code end-line} (docutils, 0-based).
     * Options that select nothing are errors at {@code at}, and the file is then taken whole.
     */
    static List<RstLine> select(RstContext ctx, RstLine at, String directive, List<RstLine> lines,
                                Map<String, String> options) {
        List<RstLine> selected = cut(ctx, at, directive, lines, options, "start-after", "start-at", true);
        selected = selected == null ? null : cut(ctx, at, directive, selected, options, "end-before", "end-at", false);
        if (selected == null) {
            return lines;
        }
        if (options.containsKey("lines")) {
            List<RstLine> picked = pick(selected, options.get("lines"));
            if (picked == null) {
                ctx.error(at, at.column(), "The \"" + directive + "\" option \"lines\" value \"" + options.get("lines")
                        + "\" selects no line of the file (write ranges such as 1,3,5-10,20-); the file is taken whole");
                return lines;
            }
            selected = picked;
        }
        int from = lineOption(ctx, at, options, "start-line", 0, selected.size());
        int to = lineOption(ctx, at, options, "end-line", selected.size(), selected.size());
        return from < to ? selected.subList(from, to) : List.of();
    }

    /**
     * The lines after ({@code exclusive}) or from ({@code inclusive}) the first holding an option's text when
     * {@code start}, else the lines before or up to it; {@code lines} when neither option is given; null after
     * an error.
     */
    private static List<RstLine> cut(RstContext ctx, RstLine at, String directive, List<RstLine> lines,
                                     Map<String, String> options, String exclusive, String inclusive, boolean start) {
        String option = options.containsKey(exclusive) ? exclusive : options.containsKey(inclusive) ? inclusive : null;
        if (option == null) {
            return lines;
        }
        String text = options.get(option);
        int k = indexOfLineWith(lines, text, 0);
        if (k < 0) {
            ctx.error(at, at.column(), "The \"" + directive + "\" option \"" + option + "\" text \"" + text
                    + "\" is not in the file; the file is taken whole");
            return null;
        }
        boolean keep = option.equals(inclusive);
        return start ? lines.subList(keep ? k : k + 1, lines.size()) : lines.subList(0, keep ? k + 1 : k);
    }

    private static int indexOfLineWith(List<RstLine> lines, String text, int from) {
        for (int k = from; k < lines.size(); k++) {
            if (lines.get(k).text().contains(text)) {
                return k;
            }
        }
        return -1;
    }

    /** Sphinx's {@code :lines:} ranges; null when the value is malformed or selects nothing. */
    private static List<RstLine> pick(List<RstLine> lines, String spec) {
        List<RstLine> picked = new ArrayList<>();
        for (String part : spec.split(",")) {
            String range = part.strip();
            try {
                int dash = range.indexOf('-');
                int first;
                int last;
                if (dash < 0) {
                    first = Integer.parseInt(range);
                    last = first;
                } else {
                    first = dash == 0 ? 1 : Integer.parseInt(range.substring(0, dash).strip());
                    String tail = range.substring(dash + 1).strip();
                    last = tail.isEmpty() ? lines.size() : Integer.parseInt(tail);
                }
                if (first < 1 || last < first) {
                    return null;
                }
                for (int n = first; n <= Math.min(last, lines.size()); n++) {
                    picked.add(lines.get(n - 1));
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return picked.isEmpty() ? null : picked;
    }

    /** docutils' start-line/end-line: Python slice bounds (negative counts from the end). */
    private static int lineOption(RstContext ctx, RstLine at, Map<String, String> options, String name, int absent,
                                  int size) {
        String value = options.get(name);
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            return Math.max(0, Math.min(size, n < 0 ? size + n : n));
        } catch (NumberFormatException e) {
            ctx.error(at, at.column(), "The \"" + name + "\" option needs a whole number; got \"" + value + "\"");
            return absent;
        }
    }

    /** Whether {@code target} is already being included (an include of it would never end), or too deep. */
    static boolean circular(RstContext ctx, RstLine at, Target target) {
        if (ctx.including.contains(target.absolute()) || target.absolute().equals(ctx.file.toAbsolutePath().normalize())) {
            ctx.error(at, at.column(), "The include of \"" + target.shown() + "\" is circular: that file is already"
                    + " being read; not included again");
            return true;
        }
        if (ctx.including.size() >= MAX_DEPTH) {
            ctx.error(at, at.column(), "Includes nested more than " + MAX_DEPTH + " deep; \"" + target.shown()
                    + "\" is not included");
            return true;
        }
        return false;
    }
}
