package dev.docproof.read;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AsciiDoc's attribute references ({@code {image-name}}) as a block that asks for them
 * ({@code [source,bash,subs="attributes+"]}) shows them to a learner: replaced by the attribute's value where
 * the block stands. Asciidoctor keeps a block's lines as written and restores the header's attributes once the
 * document is read, so the values of entries in the body ({@code :name: value}, {@code :name!:}) are followed
 * here, line by line in document order. An undefined reference stays as written (Asciidoctor's
 * {@code attribute-missing: skip}); {@code \{name}} is the reference written out. Pure.
 */
final class AsciiDocAttributes {

    private static final Pattern REFERENCE = Pattern.compile("(\\\\)?\\{([A-Za-z0-9_][A-Za-z0-9_-]*)}");
    private static final Pattern ENTRY = Pattern.compile("^:(!)?([A-Za-z0-9_][A-Za-z0-9_-]*)(!)?:(?:[ \\t]+(.*))?$");

    /** The built-in references a learner may meet in a command, with the character each stands for. */
    private static final Map<String, String> INTRINSIC = Map.ofEntries(Map.entry("empty", ""),
            Map.entry("blank", ""), Map.entry("sp", " "), Map.entry("nbsp", "\u00a0"), Map.entry("zwsp", "\u200b"),
            Map.entry("wj", "\u2060"), Map.entry("apos", "'"), Map.entry("quot", "\""), Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201c"), Map.entry("rdquo", "\u201d"),
            Map.entry("deg", "\u00b0"), Map.entry("plus", "+"), Map.entry("brvbar", "\u00a6"), Map.entry("vbar", "|"),
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("startsb", "["),
            Map.entry("endsb", "]"), Map.entry("caret", "^"), Map.entry("asterisk", "*"), Map.entry("tilde", "~"),
            Map.entry("backslash", "\\"), Map.entry("backtick", "`"), Map.entry("two-colons", "::"),
            Map.entry("two-semicolons", ";;"), Map.entry("cpp", "C++"), Map.entry("pp", "++"));

    private final Map<String, String> values = new HashMap<>(INTRINSIC);

    /** The attributes as the document's header left them ({@code Document.getAttributes()}). */
    AsciiDocAttributes(Map<String, Object> header) {
        header.forEach((name, value) -> values.put(name.toLowerCase(Locale.ROOT), value == null ? "" : value.toString()));
    }

    /** Follows {@code line} of the body when it is an attribute entry; whether it was one. */
    boolean enter(String line) {
        Matcher entry = ENTRY.matcher(line.stripTrailing());
        if (!entry.matches()) {
            return false;
        }
        String name = entry.group(2).toLowerCase(Locale.ROOT);
        if (entry.group(1) != null || entry.group(3) != null) {
            values.remove(name);
        } else {
            values.put(name, substitute(entry.group(4) == null ? "" : entry.group(4).strip()));
        }
        return true;
    }

    /** {@code line} with each reference to a defined attribute replaced by its value. */
    String substitute(String line) {
        if (line.indexOf('{') < 0) {
            return line;
        }
        Matcher reference = REFERENCE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String value = values.get(reference.group(2).toLowerCase(Locale.ROOT));
            String replacement = reference.group(1) != null ? reference.group().substring(1)
                    : value == null ? reference.group() : value;
            reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(out);
        return out.toString();
    }
}
