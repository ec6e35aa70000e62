package dev.docproof.read;

/**
 * Character classes of reStructuredText's inline markup recognition (docutils' punctuation_chars:
 * the ASCII sets plus the matching Unicode categories) and small text helpers shared by the parsers.
 */
final class RstText {

    private RstText() {}

    static boolean isOpener(char c) {
        if (c < 128) {
            return "\"'(<[{".indexOf(c) >= 0;
        }
        int t = Character.getType(c);
        return t == Character.START_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION;
    }

    static boolean isCloser(char c) {
        if (c < 128) {
            return "\"')>]}".indexOf(c) >= 0;
        }
        int t = Character.getType(c);
        return t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION;
    }

    static boolean isDelimiter(char c) {
        if (c < 128) {
            return "\\-/:".indexOf(c) >= 0;
        }
        int t = Character.getType(c);
        return t == Character.DASH_PUNCTUATION || t == Character.OTHER_PUNCTUATION;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || Character.isWhitespace(c) || c == '\u00a0';
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    static boolean isNamePunct(char c) {
        return c == '-' || c == '.' || c == '_' || c == '+' || c == ':';
    }

    static boolean pairs(char open, char close) {
        return switch (open) {
            case '"' -> close == '"';
            case '\'' -> close == '\'';
            case '(' -> close == ')';
            case '<' -> close == '>';
            case '[' -> close == ']';
            case '{' -> close == '}';
            default -> open > 127 && isOpener(open) && isCloser(close)
                    && Character.getType(open) == Character.START_PUNCTUATION
                    && Character.getType(close) == Character.END_PUNCTUATION;
        };
    }


    /** Removes backslash escapes: {@code \x} becomes {@code x}; an escaped whitespace disappears. */
    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                if (!isSpace(next)) {
                    sb.append(next);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** docutils' reference-name normalisation: whitespace collapsed, lower case. */
    static String normalizeName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean space = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (isSpace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    static String removeWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }
}
