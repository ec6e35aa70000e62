package dev.docproof.repair;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.plan.Callouts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rewrites only the lines of a lesson that a repair or a sample update concerns; every other byte of the
 * file stays as it was. Pure: bytes in, bytes (or the reasons for refusing) out.
 *
 * <p>On a command line, the text before the command (indentation, the {@code $ } prompt) is kept, the
 * command is replaced, and the line end is kept. Trailing whitespace after the command is dropped on
 * the lines that change: it is invisible, and on a line like {@code $ docker network remove␣} it is the
 * remnant of the very word that was missing. Lines the repair does not change keep their trailing
 * whitespace.
 *
 * <p>Every edit first checks that the file still holds what the run saw; if not (the file changed since
 * the run), nothing is patched and a diagnostic says so.
 */
public final class SourcePatch {

    /** A change to make, in the lesson's own line numbers. */
    public sealed interface Edit {

        int firstLine();

        int lastLine();

        /**
         * A step's command, as the run saw it and as it should read; {@code firstLine..lastLine} are the
         * step's lines and the commands hold one line per source line.
         */
        record Command(int firstLine, int lastLine, String original, String repaired) implements Edit {}

        /**
         * A documented output sample: {@code original} as the lesson shows it (block indentation removed),
         * starting at {@code firstLine}, and the lines that replace it.
         */
        record Sample(int firstLine, List<String> original, List<NewLine> replacement) implements Edit {
            public Sample {
                original = List.copyOf(original);
                replacement = List.copyOf(replacement);
                if (original.isEmpty()) {
                    throw new IllegalArgumentException("a sample edit needs the sample it replaces");
                }
                for (NewLine line : replacement) {
                    if (line instanceof NewLine.Kept k && (k.index() < 0 || k.index() >= original.size())) {
                        throw new IllegalArgumentException("kept line " + k.index() + " is not in the sample");
                    }
                }
            }

            @Override
            public int lastLine() {
                return firstLine + original.size() - 1;
            }
        }
    }

    /** A line of a rewritten sample: a line of the old sample kept byte for byte, or a new line. */
    public sealed interface NewLine {
        /** Line {@code index} (0-based) of the old sample, exactly as the file holds it. */
        record Kept(int index) implements NewLine {}

        /** A new line: written with the sample's indentation. */
        record Written(String text) implements NewLine {}
    }

    /** What was changed, for the user: {@code content/x.rst:262: docker network remove → docker network remove networking-test}. */
    public record Change(SourceSpan at, String summary) {
        @Override
        public String toString() {
            return at.fileLine() + ": " + summary;
        }
    }

    public sealed interface Result {
        record Patched(byte[] bytes, List<Change> changes) implements Result {
            public Patched {
                changes = List.copyOf(changes);
            }
        }

        /** The file does not hold what the run saw, or the edits contradict each other: nothing changed. */
        record Refused(List<Diagnostic> diagnostics) implements Result {
            public Refused {
                diagnostics = List.copyOf(diagnostics);
            }
        }
    }

    private SourcePatch() {}

    public static Result apply(Path file, byte[] original, List<? extends Edit> edits) {
        List<SourceLines.Line> lines = SourceLines.split(original);
        String eol = SourceLines.dominantEol(lines);
        List<Edit> ordered = edits.stream().sorted(Comparator.comparingInt(Edit::firstLine)).map(e -> (Edit) e).toList();
        List<Diagnostic> problems = new ArrayList<>();
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).firstLine() <= ordered.get(i - 1).lastLine()) {
                problems.add(Diagnostic.error(new SourceSpan(file, ordered.get(i).firstLine(), 1),
                        "two changes overlap at line " + ordered.get(i).firstLine() + "; none was written"));
            }
        }
        List<SourceLines.Line> patched = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        int next = 0; // index of the next line not yet copied
        for (Edit edit : ordered) {
            SourceSpan at = new SourceSpan(file, edit.firstLine(), 1);
            if (edit.firstLine() < 1 || edit.lastLine() > lines.size() || edit.lastLine() < edit.firstLine()) {
                problems.add(Diagnostic.error(at, "the file has " + lines.size() + " lines, so lines "
                        + edit.firstLine() + "-" + edit.lastLine() + " cannot be rewritten; it changed since the run."
                        + " Run docproof fix again"));
                continue;
            }
            if (edit.firstLine() - 1 < next) {
                continue; // overlapping, already reported
            }
            patched.addAll(lines.subList(next, edit.firstLine() - 1));
            List<SourceLines.Line> region = lines.subList(edit.firstLine() - 1, edit.lastLine());
            List<SourceLines.Line> replaced = edit instanceof Edit.Command c
                    ? command(at, c, region, problems)
                    : sample(at, (Edit.Sample) edit, region, eol, problems);
            if (replaced != null) {
                patched.addAll(replaced);
                changes.add(new Change(at, summary(edit)));
            }
            next = edit.lastLine();
        }
        if (!problems.isEmpty()) {
            return new Result.Refused(problems);
        }
        patched.addAll(lines.subList(next, lines.size()));
        return new Result.Patched(SourceLines.join(patched), changes);
    }

    /**
     * A unified diff from {@code before} to {@code after}, headed with the file's path and numbered with its
     * real lines; "" when they are equal.
     */
    public static String unifiedDiff(Path file, byte[] before, byte[] after) {
        List<String> a = SourceLines.display(before);
        List<String> b = SourceLines.display(after);
        var patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        String name = file.toString().replace('\\', '/');
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, a, patch, 3);
        return String.join("\n", diff) + "\n";
    }

    private static List<SourceLines.Line> command(SourceSpan at, Edit.Command edit, List<SourceLines.Line> region,
                                                  List<Diagnostic> problems) {
        String[] was = edit.original().split("\n", -1);
        String[] now = edit.repaired().split("\n", -1);
        if (was.length != region.size()) {
            problems.add(Diagnostic.error(at, "the step's command had " + was.length + " line(s) but lines "
                    + edit.firstLine() + "-" + edit.lastLine() + " are " + region.size()
                    + "; the file changed since the run, so nothing was written. Run docproof fix again"));
            return null;
        }
        if (now.length != was.length) {
            problems.add(Diagnostic.error(at, "the repair would turn " + was.length + " line(s) into " + now.length
                    + ", so it was not written; change the lesson by hand to: " + edit.repaired()));
            return null;
        }
        List<SourceLines.Line> out = new ArrayList<>();
        for (int i = 0; i < was.length; i++) {
            SourceLines.Line line = region.get(i);
            String text = line.text();
            String wanted = was[i].stripTrailing();
            // An AsciiDoc callout after the command stays where it is.
            String callout = text == null ? "" : Callouts.trailing(text.stripTrailing());
            String body = text == null ? null : text.stripTrailing();
            if (body != null && !body.endsWith(wanted) && !callout.isEmpty()) {
                body = body.substring(0, body.length() - callout.length());
            } else {
                callout = "";
            }
            if (body == null || !body.endsWith(wanted)) {
                problems.add(Diagnostic.error(at.atLine(at.line() + i), "the line no longer reads `" + wanted
                        + "`; the file changed since the run, so nothing was written. Run docproof fix again"));
                return null;
            }
            if (now[i].equals(was[i])) {
                out.add(line);
            } else {
                String prefix = body.substring(0, body.length() - wanted.length());
                out.add(SourceLines.Line.of(prefix + now[i].stripTrailing() + callout, line.eol()));
            }
        }
        return out;
    }

    private static List<SourceLines.Line> sample(SourceSpan at, Edit.Sample edit, List<SourceLines.Line> region,
                                                 String eol, List<Diagnostic> problems) {
        String indent = null;
        for (int i = 0; i < region.size(); i++) {
            String text = region.get(i).text();
            String wanted = edit.original().get(i).strip();
            String body = text == null ? null : text.stripTrailing();
            boolean holds = body != null && body.endsWith(wanted)
                    && body.substring(0, body.length() - wanted.length()).isBlank();
            if (!holds) {
                problems.add(Diagnostic.error(at.atLine(at.line() + i), "the sample line no longer reads `" + wanted
                        + "`; the file changed since the run, so nothing was written. Run docproof fix again"));
                return null;
            }
            if (indent == null && !wanted.isEmpty()) {
                indent = leadingWhitespace(text);
            }
        }
        String blockIndent = indent == null ? "" : indent;
        String lastEol = region.get(region.size() - 1).eol();
        List<SourceLines.Line> out = new ArrayList<>();
        for (int i = 0; i < edit.replacement().size(); i++) {
            String lineEnd = i == edit.replacement().size() - 1 ? lastEol : eol;
            if (edit.replacement().get(i) instanceof NewLine.Kept k) {
                out.add(new SourceLines.Line(region.get(k.index()).content(), lineEnd));
            } else {
                String text = ((NewLine.Written) edit.replacement().get(i)).text();
                out.add(SourceLines.Line.of(text.isBlank() ? "" : blockIndent + text, lineEnd));
            }
        }
        return out;
    }

    private static String summary(Edit edit) {
        if (edit instanceof Edit.Command c) {
            return firstLine(c.original()) + " → " + firstLine(c.repaired());
        }
        Edit.Sample s = (Edit.Sample) edit;
        long kept = s.replacement().stream().filter(l -> l instanceof NewLine.Kept).count();
        return "output sample updated (" + s.original().size() + " lines, " + kept + " kept, now "
                + s.replacement().size() + ")";
    }

    private static String firstLine(String command) {
        String first = command.lines().findFirst().orElse("").strip();
        return command.contains("\n") ? first + " …" : first;
    }

    private static String leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(0, i);
    }
}
