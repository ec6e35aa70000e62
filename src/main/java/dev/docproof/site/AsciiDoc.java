package dev.docproof.site;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Safe AsciiDoc fragments for text that comes from a lesson or a command. Lesson text reaches
 * asciidoctor only inside {@code pass:[…]} macros whose content is already HTML-escaped and holds none
 * of the characters AsciiDoc would still read there ({@code ]}, {@code \}, {@code |}, {@code ::},
 * {@code ;;}); verbatim lines are HTML-escaped here and emitted with {@code subs=none} (or inside a
 * {@code ++++} block of ready HTML), with any line that could close the block or act as a preprocessor
 * directive neutralised. When a page is rendered, its passthroughs reach asciidoctor as placeholders
 * ({@link Passthroughs}).
 */
public final class AsciiDoc {

    private static final Pattern DIRECTIVE_LINE = Pattern.compile("^\\\\?(include|ifdef|ifndef|ifeval|endif)::");

    private AsciiDoc() {}

    /** Text as an inline passthrough: shown exactly, never interpreted; newlines become spaces. */
    public static String text(String text) {
        if (text.isEmpty()) {
            return "";
        }
        return "pass:[" + passContent(text) + "]";
    }

    /** Text HTML-escaped for a passthrough; newlines become spaces, as the text sits on one AsciiDoc line. */
    static String passContent(String text) {
        text = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Html.appendMarkupEntity(out, c)) {
                continue;
            }
            switch (c) {
                case ']' -> out.append("&#93;");
                case '\\' -> out.append("&#92;");
                case '|' -> out.append("&#124;");
                case ';' -> out.append("&#59;");
                case ':' -> out.append(isColonRun(text, i) ? "&#58;" : ":");
                default -> {
                    if (c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f) {
                        out.append("&#xFFFD;"); // control characters (asciidoctor uses some internally)
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isColonRun(String text, int i) {
        return (i > 0 && text.charAt(i - 1) == ':') || (i + 1 < text.length() && text.charAt(i + 1) == ':');
    }

    /** One verbatim line, HTML-escaped, for a block with {@code subs=none}. */
    public static String verbatimLine(String line) {
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Html.appendMarkupEntity(out, c)) {
                continue;
            }
            switch (c) {
                case '|' -> out.append("&#124;"); // the line may stand in a table cell
                case '\t' -> out.append("    ");
                case Passthroughs.OPEN -> out.append("&#xE000;"); // never read as a placeholder
                default -> out.append(c < 0x20 || c >= 0x7f && c <= 0x9f ? "&#xFFFD;" : String.valueOf(c));
            }
        }
        String escaped = out.toString();
        // A line that would close the block, be read as a preprocessor directive, or be dropped as a comment
        // (tables skip comment lines even inside their cells' blocks): first character as an entity.
        if (escaped.stripTrailing().matches("[-=.+*_/]{2,}") || DIRECTIVE_LINE.matcher(escaped).find()
                || escaped.startsWith("//")) {
            return "&#" + (int) escaped.charAt(0) + ";" + escaped.substring(1);
        }
        return escaped;
    }

    /** Lines as a delimited literal block with roles; blank edge lines are kept by asciidoctor's rules. */
    public static String listing(String attributes, List<String> lines) {
        StringBuilder out = new StringBuilder();
        out.append('[').append(attributes).append(attributes.isEmpty() ? "" : ",").append("subs=none]\n----\n");
        for (String line : lines) {
            out.append(verbatimLine(line)).append('\n');
        }
        return out.append("----\n").toString();
    }

    /** A role or id usable in {@code [.role]} / {@code [#id]}: lower case letters, digits and dashes. */
    public static String name(String raw) {
        String normalized = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (normalized.isEmpty()) {
            return "x-" + Integer.toHexString(raw.hashCode());
        }
        return Character.isDigit(normalized.charAt(0)) ? "id-" + normalized : normalized;
    }

    /**
     * A URL for a link or image target: only http(s), mailto and relative URLs; every character AsciiDoc
     * or HTML could read is percent-encoded. Returns null for other schemes (javascript:, data:, …).
     */
    public static String safeUrl(String url) {
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        int slash = lower.indexOf('/');
        boolean hasScheme = colon > 0 && (slash < 0 || colon < slash) && lower.substring(0, colon).matches("[a-z][a-z0-9+.-]*");
        if (hasScheme && !(lower.startsWith("http:") || lower.startsWith("https:") || lower.startsWith("mailto:"))) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : trimmed.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?#@!$&()=,%".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
