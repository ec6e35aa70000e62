package dev.docproof.plan;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Durations;
import dev.docproof.lesson.Marks;
import dev.docproof.lesson.Need;
import dev.docproof.lesson.SourceSpan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code docproof:} markers: comments the course's own renderer hides ({@code .. docproof: skip} in
 * reStructuredText, {@code <!-- docproof: skip -->} in Markdown, {@code // docproof: skip} in AsciiDoc) that
 * say something about the next code block. Pure.
 *
 * <pre>
 * skip [REASON]                 not run; the reason is reported
 * file NAME                     the block is written into NAME in the session's working folder
 * expect-exit N                 the step is meant to exit with N
 * timeout DURATION              the step's own deadline (90, 30s, 2m)
 * background [ready: COMMAND]   runs in the background until the lesson ends
 * needs: registry|internet|PROGRAM[, ...]
 * env NAME=value                a variable set for the step
 * output: ignore                the documented output is shown, never compared
 * </pre>
 */
final class Markers {

    static final String PREFIX = "docproof:";

    private static final Pattern ENV = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");

    /** What one marker says, or why it says nothing docproof understands. */
    record Parsed(Marks marks, Optional<Diagnostic> problem) {}

    private Markers() {}

    /** Whether a comment's text is a marker. */
    static boolean isMarker(String commentLine) {
        return commentLine.strip().startsWith(PREFIX);
    }

    /** Reads one marker line ({@code docproof: skip needs a cluster}) standing at {@code span}. */
    static Parsed parse(String commentLine, SourceSpan span) {
        String body = commentLine.strip().substring(PREFIX.length()).strip();
        String[] parts = body.split("\\s+", 2);
        String word = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        Marks written = new Marks(null, null, null, null, null, List.of(), Map.of(), false,
                List.of(span.line() + ": " + body));
        Marks none = Marks.NONE;
        return switch (word) {
            case "skip" -> ok(written.over(none.withSkip(rest.isEmpty() ? "marked skip at line " + span.line() : rest)));
            case "file" -> rest.isEmpty() || rest.contains(" ")
                    ? problem(span, "`docproof: file` needs one file name, e.g. `docproof: file Dockerfile`")
                    : ok(written.over(none.withFile(rest)));
            case "expect-exit" -> rest.matches("\\d{1,3}") && Integer.parseInt(rest) <= 255
                    ? ok(written.over(new Marks(null, null, Integer.parseInt(rest), null, null, List.of(), Map.of(),
                    false, List.of())))
                    : problem(span, "`docproof: expect-exit` needs an exit code from 0 to 255, e.g. `expect-exit 1`");
            case "timeout" -> timeout(rest, span, written);
            case "background" -> background(rest, span, written);
            case "needs:", "needs" -> needs(rest, span, written);
            case "env" -> {
                Matcher m = ENV.matcher(rest);
                yield m.matches() ? ok(written.over(new Marks(null, null, null, null, null, List.of(),
                        Map.of(m.group(1), m.group(2)), false, List.of())))
                        : problem(span, "`docproof: env` needs NAME=value");
            }
            case "output:", "output" -> rest.equalsIgnoreCase("ignore")
                    ? ok(written.over(new Marks(null, null, null, null, null, List.of(), Map.of(), true, List.of())))
                    : problem(span, "the only `docproof: output:` marker is `output: ignore`");
            default -> problem(span, "unknown docproof marker `" + body + "`; known: skip, file, expect-exit, timeout,"
                    + " background, needs:, env, output: ignore");
        };
    }

    private static Parsed background(String rest, SourceSpan span, Marks written) {
        if (rest.isEmpty()) {
            return ok(written.over(Marks.NONE.withBackground(new Marks.Background(null))));
        }
        if (!rest.startsWith("ready:") || rest.substring(6).isBlank()) {
            return problem(span, "`docproof: background` takes nothing or `ready: COMMAND`");
        }
        return ok(written.over(Marks.NONE.withBackground(new Marks.Background(rest.substring(6).strip()))));
    }

    private static Parsed needs(String rest, SourceSpan span, Marks written) {
        List<Need> needs = new ArrayList<>();
        for (String item : rest.split("[,\\s]+")) {
            if (!item.isBlank()) {
                needs.add(need(item));
            }
        }
        if (needs.isEmpty()) {
            return problem(span, "`docproof: needs:` names what the step needs: registry, internet or a program");
        }
        return ok(written.over(new Marks(null, null, null, null, null, needs, Map.of(), false, List.of())));
    }

    /** {@code registry}, {@code internet}, else a program's name. */
    static Need need(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "registry" -> new Need(Need.Kind.REGISTRY, null);
            case "internet" -> new Need(Need.Kind.INTERNET, null);
            default -> new Need(Need.Kind.PROGRAM, word);
        };
    }

    private static Parsed timeout(String rest, SourceSpan span, Marks written) {
        try {
            Duration d = Durations.deadline(rest);
            return ok(written.over(new Marks(null, null, null, d, null, List.of(), Map.of(), false, List.of())));
        } catch (IllegalArgumentException e) {
            return problem(span, "`docproof: timeout` needs a duration such as 90, 30s or 2m: " + e.getMessage());
        }
    }

    private static Parsed ok(Marks marks) {
        return new Parsed(marks, Optional.empty());
    }

    private static Parsed problem(SourceSpan span, String message) {
        return new Parsed(Marks.NONE, Optional.of(Diagnostic.warning(span, message)));
    }
}
