package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Inline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Sphinx project's {@code conf.py} gives every page's text: the substitutions defined in
 * {@code rst_prolog} and {@code rst_epilog}, and {@code |version|}, {@code |release|}, {@code |today|}.
 * conf.py is Python and is never run: only top-level assignments of a plain string literal are read; a
 * value computed in Python is reported once, with where to define the substitution instead. Of the
 * prolog and epilog only their substitution definitions are taken (what Sphinx adds to every page
 * besides is rare in courses, and would be shown on each page).
 */
final class SphinxConf {

    /** {@code name = <string literal>} at the start of a line; the literal itself is read by {@link #literal}. */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^(rst_prolog|rst_epilog|version|release|today)[ \\t]*=[ \\t]*");
    private static final Pattern STRING_START = Pattern.compile("([rRuU]?)(\"\"\"|'''|\"|')");

    /** What a conf.py gives, keyed by its path and modification time: read once per version of the file. */
    private record Cached(FileTime modified, Given given) {}

    /** The substitutions conf.py defines for every page, and what could not be read. */
    record Given(Map<String, List<Inline>> substitutions, List<Diagnostic> diagnostics) {
        static final Given NONE = new Given(Map.of(), List.of());
    }

    private static final Map<Path, Cached> CACHE = new ConcurrentHashMap<>();

    private SphinxConf() {}

    /** What {@code root/conf.py} gives every page; nothing when the folder is not a Sphinx project. */
    static Given of(RstIncludes.Files files) {
        Path conf = files.root.resolve("conf.py");
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(conf);
        } catch (IOException notSphinx) {
            return Given.NONE;
        }
        Cached cached = CACHE.get(conf);
        if (cached == null || !cached.modified.equals(modified)) {
            cached = new Cached(modified, read(conf, files));
            CACHE.put(conf, cached);
        }
        return cached.given;
    }

    private static Given read(Path conf, RstIncludes.Files files) {
        String text;
        try {
            text = Files.readString(conf, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new Given(Map.of(), List.of(Diagnostic.warning(new dev.docproof.lesson.SourceSpan(conf, 1, 1),
                    "cannot read " + conf.getFileName() + " (" + e.getMessage() + "); its rst_prolog, version and"
                            + " release are not applied")));
        }
        Map<String, List<Inline>> substitutions = new HashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Matcher m = ASSIGNMENT.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            int line = lineOf(text, m.start());
            String value = literal(text, m.end());
            if (value == null) {
                diagnostics.add(Diagnostic.warning(new dev.docproof.lesson.SourceSpan(conf, line, 1), name
                        + " is not a plain string literal; docproof reads conf.py without running it, so it is not"
                        + " applied (assign a string, or define the substitutions in the pages)"));
            } else if (name.startsWith("rst_")) {
                substitutions.putAll(definitionsIn(value, line, conf, files, diagnostics));
            } else {
                substitutions.put(name, List.of(new Inline.Text(value)));
            }
        }
        return new Given(Map.copyOf(substitutions), List.copyOf(diagnostics));
    }

    /** The substitution definitions of reStructuredText {@code rst} that starts on line {@code line} of conf.py. */
    private static Map<String, List<Inline>> definitionsIn(String rst, int line, Path conf, RstIncludes.Files files,
                                                            List<Diagnostic> diagnostics) {
        List<RstLine> lines = new ArrayList<>();
        RstReader.splitLines(rst, lines, null);
        List<RstLine> placed = new ArrayList<>(lines.size());
        for (RstLine l : lines) {
            placed.add(new RstLine(l.number() + line - 1, l.column(), l.text(), l.origin()));
        }
        RstContext ctx = new RstContext(conf, List.of(), Map.of(), files);
        new RstBlockParser(ctx).parseDocument(placed);
        diagnostics.addAll(ctx.diagnostics);
        return ctx.substitutionsFound;
    }

    /**
     * The value of the Python string literal at {@code from} (prefixes r and u, single, double or triple
     * quotes, adjacent literals joined), or null when the value is anything else.
     */
    static String literal(String text, int from) {
        StringBuilder value = new StringBuilder();
        int i = from;
        boolean any = false;
        boolean parenthesised = i < text.length() && text.charAt(i) == '(';
        if (parenthesised) {
            i++;
        }
        while (true) {
            i = skipSpace(text, i, parenthesised);
            Matcher start = STRING_START.matcher(text).region(i, text.length());
            if (!start.lookingAt()) {
                break;
            }
            boolean raw = start.group(1).equalsIgnoreCase("r");
            String quote = start.group(2);
            int body = start.end();
            int end = closing(text, body, quote, raw);
            if (end < 0) {
                return null;
            }
            value.append(raw ? text.substring(body, end) : unescape(text.substring(body, end)));
            any = true;
            i = end + quote.length();
        }
        if (parenthesised) {
            if (i >= text.length() || text.charAt(i) != ')') {
                return null;
            }
            i++;
        }
        // the assignment must end here: a literal followed by "% x", ".format()", "+ y" is computed
        int eol = text.indexOf('\n', i);
        String rest = text.substring(i, eol < 0 ? text.length() : eol).strip();
        return any && (rest.isEmpty() || rest.startsWith("#")) ? value.toString() : null;
    }

    /**
     * The values of the Python list or tuple of plain string literals at {@code from} (over several lines, with
     * comments and a trailing comma), or null when it is anything else.
     */
    static List<String> stringList(String text, int from) {
        if (from >= text.length() || (text.charAt(from) != '[' && text.charAt(from) != '(')) {
            return null;
        }
        char close = text.charAt(from) == '[' ? ']' : ')';
        List<String> values = new ArrayList<>();
        int i = from + 1;
        while (true) {
            i = skipSpaceAndComments(text, i);
            if (i < text.length() && text.charAt(i) == close) {
                break;
            }
            Matcher start = STRING_START.matcher(text).region(i, text.length());
            if (!start.lookingAt()) {
                return null;
            }
            boolean raw = start.group(1).equalsIgnoreCase("r");
            int end = closing(text, start.end(), start.group(2), raw);
            if (end < 0) {
                return null;
            }
            String body = text.substring(start.end(), end);
            values.add(raw ? body : unescape(body));
            i = skipSpaceAndComments(text, end + start.group(2).length());
            if (i < text.length() && text.charAt(i) == ',') {
                i++;
            } else if (i >= text.length() || text.charAt(i) != close) {
                return null;
            }
        }
        int eol = text.indexOf('\n', i);
        String rest = text.substring(i + 1, eol < 0 ? text.length() : eol).strip();
        return rest.isEmpty() || rest.startsWith("#") ? values : null;
    }

    private static int skipSpaceAndComments(String text, int i) {
        while (true) {
            i = skipSpace(text, i, true);
            if (i >= text.length() || text.charAt(i) != '#') {
                return i;
            }
            int eol = text.indexOf('\n', i);
            i = eol < 0 ? text.length() : eol;
        }
    }

    private static int skipSpace(String text, int i, boolean newlinesToo) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t'
                || newlinesToo && (text.charAt(i) == '\n' || text.charAt(i) == '\r'))) {
            i++;
        }
        return i;
    }

    private static int closing(String text, int from, String quote, boolean raw) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (text.startsWith(quote, i)) {
                return i;
            } else if (c == '\n' && quote.length() == 1) {
                return -1;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '\\', '\'', '"' -> out.append(next);
                case '\n' -> { } // a line continuation
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
