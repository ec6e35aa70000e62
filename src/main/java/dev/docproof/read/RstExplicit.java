package dev.docproof.read;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Explicit markup blocks (lines starting with {@code ..}): directives, hyperlink targets, footnotes,
 * citations, substitution definitions and comments; plus anonymous targets ({@code __ url}).
 */
final class RstExplicit {

    /** A directive block split into arguments, options and content, with content positions kept. */
    record Parts(String arguments, Map<String, String> options, List<RstLine> content, boolean malformed) {}

    private final RstContext ctx;
    private final RstInlineParser inline;
    private final RstDirectives directives;

    RstExplicit(RstContext ctx, RstBlockParser blocks, RstInlineParser inline) {
        this.ctx = ctx;
        this.inline = inline;
        this.directives = new RstDirectives(ctx, blocks, inline, this);
    }

    static boolean isExplicitStart(String t) {
        return t.startsWith("..") && (t.length() == 2 || t.charAt(2) == ' ');
    }

    static boolean isAnonymousTargetStart(String t) {
        return t.startsWith("__") && (t.length() == 2 || t.charAt(2) == ' ');
    }

    int explicit(List<RstLine> lines, int i, RstSectionTree out, boolean topLevel) {
        RstLine line = lines.get(i);
        String t = line.text();
        int p = 2;
        while (p < t.length() && t.charAt(p) == ' ') {
            p++;
        }
        String rest = t.substring(p);
        if (rest.isEmpty() && (i + 1 >= lines.size() || lines.get(i + 1).blank())) {
            // docutils' "empty comment": ends a construct and swallows nothing after the blank line
            out.add(new Node.Comment(ctx.span(line), ""));
            return i + 1;
        }
        int end = RstLine.indentedEnd(lines, i);
        int restIndent = RstLine.minIndent(lines, i + 1, end);
        Node node = null;
        if (rest.startsWith("[")) {
            node = footnote(lines, i, end, p, restIndent);
        } else if (rest.startsWith("_")) {
            node = target(lines, i, end, p, restIndent);
        } else if (rest.startsWith("|")) {
            node = substitutionDefinition(lines, i, end, p, restIndent);
        } else {
            int nameEnd = directiveNameEnd(rest);
            if (nameEnd > 0) {
                int after = p + afterMarker(rest, nameEnd);
                while (after < t.length() && t.charAt(after) == ' ') {
                    after++;
                }
                String name = rest.substring(0, nameEnd).toLowerCase();
                List<RstLine> block = RstLine.dedent(lines, i, end, after, restIndent);
                directives.directive(line, name, block, out, topLevel);
            } else {
                node = comment(lines, i, end, p, restIndent);
            }
        }
        if (node == null && (rest.startsWith("[") || rest.startsWith("_") || rest.startsWith("|"))) {
            node = comment(lines, i, end, p, restIndent);
        }
        if (node != null) {
            out.add(node);
        }
        if (end < lines.size() && !lines.get(end).blank() && !isExplicitStart(lines.get(end).text())
                && !isAnonymousTargetStart(lines.get(end).text())) {
            // another explicit block may follow directly; anything else needs a blank line first
            RstLine next = lines.get(end);
            ctx.warn(next, next.column(),
                    "Explicit markup ends without a blank line; unexpected unindent (add a blank line before this line)");
        }
        return end;
    }

    int anonymousTarget(List<RstLine> lines, int i, RstSectionTree out) {
        int end = RstLine.indentedEnd(lines, i);
        int p = 2;
        String t = lines.get(i).text();
        while (p < t.length() && t.charAt(p) == ' ') {
            p++;
        }
        List<RstLine> block = RstLine.dedent(lines, i, end, p, RstLine.minIndent(lines, i + 1, end));
        String uri = joinUri(block);
        ctx.anonymousTargetsFound.add(uri);
        out.add(new Node.Target(ctx.span(lines.get(i)), "", uri));
        return end;
    }

    /** Length of a directive name followed by {@code ::} and a space or the end, or -1. */
    static int directiveNameEnd(String rest) {
        int k = 0;
        while (k < rest.length()) {
            char c = rest.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                k++;
            } else if ((c == '-' || c == '.' || c == '_' || c == '+' || c == ':') && k > 0
                    && k + 1 < rest.length() && Character.isLetterOrDigit(rest.charAt(k + 1))) {
                k++;
            } else {
                break;
            }
        }
        // docutils allows one space between the name and "::" (".. image ::")
        int colons = rest.startsWith(" ::", k) ? k + 1 : k;
        if (k == 0 || !rest.startsWith("::", colons)) {
            return -1;
        }
        return colons + 2 == rest.length() || rest.charAt(colons + 2) == ' ' ? k : -1;
    }

    /** Where the text after a directive's {@code ::} starts, its name being {@code nameEnd} long. */
    private static int afterMarker(String rest, int nameEnd) {
        return rest.indexOf("::", nameEnd) + 2;
    }

    private Node comment(List<RstLine> lines, int i, int end, int p, int restIndent) {
        List<RstLine> block = RstLine.dedent(lines, i, end, p, restIndent);
        int from = 0;
        while (from < block.size() && block.get(from).blank()) {
            from++;
        }
        StringBuilder text = new StringBuilder();
        for (int k = from; k < block.size(); k++) {
            if (k > from) {
                text.append('\n');
            }
            text.append(block.get(k).text());
        }
        return new Node.Comment(ctx.span(lines.get(i)), text.toString());
    }

    private Node footnote(List<RstLine> lines, int i, int end, int p, int restIndent) {
        String t = lines.get(i).text();
        int close = t.indexOf(']', p);
        if (close < 0 || close == p + 1 || (close + 1 < t.length() && t.charAt(close + 1) != ' ')) {
            return null;
        }
        String label = t.substring(p + 1, close);
        int after = close + 1;
        while (after < t.length() && t.charAt(after) == ' ') {
            after++;
        }
        List<RstLine> block = RstLine.dedent(lines, i, end, after, restIndent);
        String kind = label.equals("*") || label.startsWith("#") || label.chars().allMatch(Character::isDigit)
                ? "footnote" : "citation";
        return new Node.Directive(ctx.span(lines.get(i)), kind, label, Map.of(), texts(trimLeadingBlank(block)));
    }

    /** {@code .. _name: url}, {@code .. _name:} (a label), {@code .. __: url}, {@code .. _`a name`: url}. */
    private Node target(List<RstLine> lines, int i, int end, int p, int restIndent) {
        String t = lines.get(i).text();
        int k = p + 1;
        int nameStart;
        int nameEnd;
        if (k < t.length() && t.charAt(k) == '`') {
            nameStart = k + 1;
            int close = t.indexOf('`', nameStart);
            if (close < 0 || close + 1 >= t.length() || t.charAt(close + 1) != ':') {
                return null;
            }
            nameEnd = close;
            k = close + 2;
        } else {
            nameStart = k;
            while (k < t.length()) {
                char c = t.charAt(k);
                if (c == '\\') {
                    k += 2;
                } else if (c == ':' && (k + 1 == t.length() || t.charAt(k + 1) == ' ')) {
                    break;
                } else {
                    k++;
                }
            }
            if (k >= t.length()) {
                return null;
            }
            nameEnd = k;
            k++;
        }
        String rawName = t.substring(nameStart, nameEnd);
        if (!rawName.equals("_") && (rawName.isBlank() && nameStart != nameEnd || rawName.endsWith(" "))) {
            return null;
        }
        String name = rawName.equals("_") ? "" : RstText.normalizeName(RstText.unescape(rawName));
        while (k < t.length() && t.charAt(k) == ' ') {
            k++;
        }
        String url = joinUri(RstLine.dedent(lines, i, end, k, restIndent));
        if (name.isEmpty()) {
            ctx.anonymousTargetsFound.add(url);
        }
        return new Node.Target(ctx.span(lines.get(i)), name, url);
    }

    /** The target's URI: block lines joined with whitespace removed (as docutils does); null if empty. */
    private static String joinUri(List<RstLine> block) {
        StringBuilder sb = new StringBuilder();
        for (RstLine l : block) {
            sb.append(RstText.removeWhitespace(l.text()));
        }
        String uri = RstText.unescape(sb.toString());
        return uri.isEmpty() ? null : uri;
    }

    /** {@code .. |name| image:: uri}: kept as the inner directive, its options naming the substitution. */
    private Node substitutionDefinition(List<RstLine> lines, int i, int end, int p, int restIndent) {
        String t = lines.get(i).text();
        int close = t.indexOf('|', p + 1);
        if (close < 0 || close == p + 1) {
            return null;
        }
        String name = t.substring(p + 1, close);
        int k = close + 1;
        while (k < t.length() && t.charAt(k) == ' ') {
            k++;
        }
        String rest = t.substring(k);
        int nameEnd = directiveNameEnd(rest);
        if (nameEnd < 0) {
            ctx.error(lines.get(i), lines.get(i).column(),
                    "Substitution definition \"" + name + "\" has no directive (write e.g. \".. |" + name + "| replace:: text\")");
            return null;
        }
        String directive = rest.substring(0, nameEnd).toLowerCase();
        int after = k + afterMarker(rest, nameEnd);
        while (after < t.length() && t.charAt(after) == ' ') {
            after++;
        }
        List<RstLine> block = RstLine.dedent(lines, i, end, after, restIndent);
        Parts parts = split(block, true, directive);
        RstSubstitutions.define(ctx, inline, lines.get(i), name, directive, parts, block);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("substitution", name);
        options.putAll(parts.options());
        return new Node.Directive(ctx.span(lines.get(i)), directive, parts.arguments(),
                Collections.unmodifiableMap(options), texts(parts.content()));
    }

    /**
     * Splits a directive block as docutils' {@code parse_directive_block} does for directives with
     * options (all we model): the lines up to the first blank line hold the arguments and, from the
     * first field marker, the options; content follows the blank line. A directive without arguments
     * (an admonition) takes any text before the options as the start of its content.
     */
    Parts split(List<RstLine> indented, boolean takesArguments, String name) {
        int from = 0;
        int to = indented.size();
        if (from < to && indented.get(from).blank()) {
            from++;
        }
        while (to > from && indented.get(to - 1).blank()) {
            to--;
        }
        List<RstLine> args = List.of();
        List<RstLine> content;
        int i = from;
        if (to > from) {
            while (i < to && !indented.get(i).blank()) {
                i++;
            }
            args = indented.subList(from, i);
            content = indented.subList(Math.min(i + 1, to), to);
        } else {
            content = indented.subList(from, to);
        }
        Map<String, String> options = Map.of();
        boolean malformed = false;
        int opt = 0;
        while (opt < args.size() && RstBlockParser.fieldMarkerEnd(args.get(opt).text()) < 0) {
            opt++;
        }
        if (opt < args.size()) {
            Map<String, String> parsed = options(args.subList(opt, args.size()), name);
            options = parsed == null ? Map.of() : parsed;
            malformed = parsed == null;
            args = args.subList(0, opt);
        }
        if (!args.isEmpty() && !takesArguments) {
            // text on the directive line belongs to the content; the option lines stay out of it
            List<RstLine> merged = new ArrayList<>(args);
            merged.addAll(indented.subList(i, to));
            content = merged;
            args = List.of();
        }
        int c = 0;
        while (c < content.size() && content.get(c).blank()) {
            c++;
        }
        content = content.subList(c, content.size());
        StringBuilder arguments = new StringBuilder();
        for (RstLine a : args) {
            if (arguments.length() > 0) {
                arguments.append(' ');
            }
            arguments.append(a.text().strip());
        }
        return new Parts(arguments.toString(), options, List.copyOf(content), malformed);
    }

    /** Parses a directive's option block (a field list); null, with an error, when it is malformed. */
    private Map<String, String> options(List<RstLine> block, String directive) {
        Map<String, String> options = new LinkedHashMap<>();
        String key = null;
        StringBuilder value = null;
        for (RstLine line : block) {
            String t = line.text();
            int markerEnd = RstBlockParser.fieldMarkerEnd(t);
            if (markerEnd > 0) {
                if (key != null) {
                    options.put(key, value.toString());
                }
                key = RstText.unescape(t.substring(1, t.lastIndexOf(':', markerEnd - 1))).toLowerCase();
                value = new StringBuilder(t.substring(markerEnd));
            } else if (key != null && !line.blank() && t.charAt(0) == ' ') {
                value.append(value.length() > 0 ? "\n" : "").append(t.strip());
            } else {
                ctx.error(line, line.column(), "Invalid option block for the \"" + directive
                        + "\" directive: expected \":name: value\" (options go right under the directive line, before a blank line)");
                return null;
            }
        }
        if (key != null) {
            options.put(key, value.toString());
        }
        return Collections.unmodifiableMap(options);
    }

    private static List<RstLine> trimLeadingBlank(List<RstLine> block) {
        int k = 0;
        while (k < block.size() && block.get(k).blank()) {
            k++;
        }
        return block.subList(k, block.size());
    }

    static List<String> texts(List<RstLine> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (RstLine l : lines) {
            out.add(l.text());
        }
        return List.copyOf(out);
    }
}
