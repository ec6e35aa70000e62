package dev.docproof.site;

/** HTML escaping for text and attribute values: the only way text reaches a page outside asciidoctor. */
public final class Html {

    private Html() {}

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                out.append("&#39;");
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                out.append("&#xFFFD;"); // a control character (a title's escape sequence) is no text; shown as the paragraphs show it
            } else if (!appendMarkupEntity(out, c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Appends the entity of {@code & < > "}, the characters HTML reads as markup; false for any other. */
    static boolean appendMarkupEntity(StringBuilder out, char c) {
        String entity = switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default -> null;
        };
        if (entity != null) {
            out.append(entity);
        }
        return entity != null;
    }
}
