package dev.docproof.read;

import dev.docproof.lesson.Inline;

import java.util.ArrayList;
import java.util.List;

/**
 * What a substitution definition stands for: {@code replace} (its text, with inline markup),
 * {@code unicode} (character codes and text) and {@code image} (an inline image). References are
 * replaced by it while the text is read (see {@link RstInlineParser}).
 */
final class RstSubstitutions {

    private RstSubstitutions() {}

    /** @param block the definition's lines after {@code directive::}, for {@code replace}'s text as written */
    static void define(RstContext ctx, RstInlineParser inline, RstLine at, String name, String directive,
                       RstExplicit.Parts parts, List<RstLine> block) {
        List<Inline> value = switch (directive) {
            case "replace" -> replacement(inline, block);
            case "unicode" -> List.of(new Inline.Text(unicode(joined(parts))));
            case "image" -> List.of(new Inline.Image(RstText.removeWhitespace(parts.arguments()),
                    parts.options().getOrDefault("alt", name), parts.options()));
            default -> null;
        };
        if (value == null) {
            ctx.warn(at, at.column(), "Substitution definition \"" + name + "\" uses the \"" + directive
                    + "\" directive, which docproof does not read; its references are shown as written"
                    + " (use replace, unicode or image)");
            return;
        }
        if (value.isEmpty() || directive.equals("image") && parts.arguments().isBlank()) {
            ctx.error(at, at.column(), "Substitution definition \"" + name + "\" is empty (write what it stands for"
                    + " after \"" + directive + "::\")");
        }
        ctx.substitutionsFound.put(name, value);
    }

    /** The text of a {@code replace}: its lines, read as one paragraph (line breaks kept, as in docutils). */
    private static List<Inline> replacement(RstInlineParser inline, List<RstLine> block) {
        List<RstLine> lines = new ArrayList<>();
        for (RstLine line : block) {
            if (!line.blank()) {
                lines.add(line.dropChars(line.indent()));
            }
        }
        return lines.isEmpty() ? List.of() : inline.parse(lines);
    }

    private static String joined(RstExplicit.Parts parts) {
        StringBuilder text = new StringBuilder(parts.arguments());
        for (RstLine line : parts.content()) {
            text.append(text.length() > 0 ? " " : "").append(line.text().strip());
        }
        return text.toString();
    }

    /**
     * docutils' unicode directive: each space-separated word that is a character code ({@code U+2014},
     * {@code 0x2014}, {@code x2014}, {@code \u2014}, {@code &#x2014;}, a decimal number) becomes that
     * character; other words stay as written; {@code ..} starts a comment.
     */
    static String unicode(String text) {
        int comment = text.indexOf(" .. ");
        if (comment >= 0) {
            text = text.substring(0, comment);
        } else if (text.startsWith(".. ")) {
            text = "";
        }
        StringBuilder out = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                out.append(character(word));
            }
        }
        return out.toString();
    }

    private static String character(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        String hex = null;
        for (String prefix : new String[] {"0x", "x", "\\x", "u+", "u", "\\u", "&#x"}) {
            if (lower.startsWith(prefix)) {
                hex = lower.substring(prefix.length());
                break;
            }
        }
        if (hex != null && hex.endsWith(";") && lower.startsWith("&#x")) {
            hex = hex.substring(0, hex.length() - 1);
        }
        try {
            int code = hex != null && !hex.isEmpty() ? Integer.parseInt(hex, 16)
                    : word.chars().allMatch(Character::isDigit) ? Integer.parseInt(word) : -1;
            if (code >= 0 && Character.isValidCodePoint(code)) {
                return new String(Character.toChars(code));
            }
        } catch (NumberFormatException e) {
            // not a number: the word is text
        }
        return word;
    }
}
