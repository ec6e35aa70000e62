package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.SourceSpan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A reader's own failure (a bug, not bad input) turned into an error at the place it happened, so the
 * rest of the lesson is still read and the run goes on. Every reader catches its failures through here.
 */
final class ReaderFailure {

    /** What every such message says, so tests can tell a reader failure from a diagnostic about the input. */
    static final String MARK = "reader failed here";

    /** Lines blanked at most, one per failure, before the whole file is given up as unreadable. */
    private static final int MAX_FAILURES = 5;

    /** A line and its ending, as the readers count lines ({@code \r\n}, {@code \r} or {@code \n}). */
    private static final Pattern LINE = Pattern.compile("[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$");

    private ReaderFailure() {}

    /**
     * Reads with {@code reader}; should it fail, the first line whose prefix of the file makes it fail is
     * found (halving), reported as the place of the failure and blanked, and the file read again, so
     * everything else in the lesson is still read.
     */
    static Lesson read(LessonReader reader, Lesson.Format format, Path file, String text) {
        List<String> lines = LINE.matcher(text).results().map(MatchResult::group).collect(Collectors.toList());
        List<Diagnostic> failures = new ArrayList<>();
        for (int attempt = 0; attempt <= MAX_FAILURES; attempt++) {
            String current = String.join("", lines);
            Throwable failure;
            try {
                Lesson lesson = reader.read(file, current);
                if (failures.isEmpty()) {
                    return lesson;
                }
                List<Diagnostic> all = new ArrayList<>(failures);
                all.addAll(lesson.diagnostics());
                return new Lesson(lesson.source(), lesson.format(), lesson.title(), lesson.nodes(), all);
            } catch (RuntimeException | StackOverflowError e) {
                failure = e;
            }
            if (attempt == MAX_FAILURES) {
                break;
            }
            int line = firstFailingLine(reader, file, lines);
            failures.add(diagnostic(new SourceSpan(file, line, 1), format, failure));
            String blanked = lines.get(line - 1).replaceAll("[^\r\n]", "");
            lines.set(line - 1, blanked.isEmpty() ? "\n" : blanked);
        }
        throw new IllegalStateException("the " + name(format) + " reader failed on " + (MAX_FAILURES + 1) + " lines");
    }

    /** The 1-based line n such that the first n lines make the reader fail and the first n - 1 do not. */
    private static int firstFailingLine(LessonReader reader, Path file, List<String> lines) {
        int ok = 0;
        int fails = lines.size();
        while (fails - ok > 1) {
            int mid = (ok + fails) >>> 1;
            try {
                reader.read(file, String.join("", lines.subList(0, mid)));
                ok = mid;
            } catch (RuntimeException | StackOverflowError e) {
                fails = mid;
            }
        }
        return Math.max(1, fails);
    }

    static Diagnostic diagnostic(SourceSpan where, Lesson.Format format, Throwable failure) {
        return Diagnostic.error(where, "the " + name(format) + " " + MARK + " (" + failure.getClass().getSimpleName()
                + origin(failure) + "); the line is read as blank. Please report this with the lesson");
    }

    /** Whether a diagnostic is a reader failure rather than a finding about the input. */
    static boolean isFailure(Diagnostic d) {
        return d.message().contains(MARK);
    }

    private static String name(Lesson.Format format) {
        return switch (format) {
            case RST -> "reStructuredText";
            case MARKDOWN -> "Markdown";
            case ASCIIDOC -> "AsciiDoc";
        };
    }

    /** The innermost frame in docproof's own code, where a maintainer starts looking. */
    private static String origin(Throwable failure) {
        return Arrays.stream(failure.getStackTrace()).filter(f -> f.getClassName().startsWith("dev.docproof."))
                .findFirst().map(f -> " at " + f.getFileName() + ":" + f.getLineNumber()).orElse("");
    }
}
