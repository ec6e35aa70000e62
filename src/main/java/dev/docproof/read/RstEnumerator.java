package dev.docproof.read;

/**
 * An enumerated-list marker such as {@code 3.}, {@code b)}, {@code (iv)} or {@code #.}: its format,
 * sequence and ordinal, and where the item's text starts.
 */
record RstEnumerator(Format format, Sequence sequence, int ordinal, int textStart) {

    enum Format { PERIOD, PAREN, PARENS }

    enum Sequence { ARABIC, LOWER_ALPHA, UPPER_ALPHA, LOWER_ROMAN, UPPER_ROMAN, AUTO }

    /**
     * The enumerator at the start of {@code text}, or null. {@code expected} (nullable) is the sequence
     * of the list being continued, which decides between alpha and roman for letters like {@code i}.
     */
    static RstEnumerator parse(String text, Sequence expected) {
        if (text.isEmpty()) {
            return null;
        }
        Format format;
        int start;
        if (text.charAt(0) == '(') {
            format = Format.PARENS;
            start = 1;
        } else {
            format = null;
            start = 0;
        }
        int end = start;
        while (end < text.length() && end - start < 16 && Character.isLetterOrDigit(text.charAt(end))
                && text.charAt(end) < 128) {
            end++;
        }
        if (end == start) {
            if (end < text.length() && text.charAt(end) == '#') {
                end++;
            } else {
                return null;
            }
        }
        if (end >= text.length()) {
            return null;
        }
        char close = text.charAt(end);
        if (format == Format.PARENS) {
            if (close != ')') {
                return null;
            }
        } else if (close == '.') {
            format = Format.PERIOD;
        } else if (close == ')') {
            format = Format.PAREN;
        } else {
            return null;
        }
        int textStart = end + 1;
        if (textStart < text.length() && text.charAt(textStart) != ' ') {
            return null;
        }
        while (textStart < text.length() && text.charAt(textStart) == ' ') {
            textStart++;
        }
        String label = text.substring(start, end);
        Sequence sequence = sequenceOf(label, expected);
        if (sequence == null) {
            return null;
        }
        int ordinal = ordinalOf(label, sequence);
        if (ordinal < 0 || ordinal == 0 && sequence != Sequence.ARABIC) { // "0." starts a list at 0, as in docutils
            return null;
        }
        return new RstEnumerator(format, sequence, ordinal, textStart);
    }

    /** How the list this enumerator starts is numbered ({@code #.} counts in arabic numerals). */
    dev.docproof.lesson.Node.ListBlock.Numbering numbering() {
        return switch (sequence) {
            case ARABIC, AUTO -> dev.docproof.lesson.Node.ListBlock.Numbering.ARABIC;
            case LOWER_ALPHA -> dev.docproof.lesson.Node.ListBlock.Numbering.LOWER_ALPHA;
            case UPPER_ALPHA -> dev.docproof.lesson.Node.ListBlock.Numbering.UPPER_ALPHA;
            case LOWER_ROMAN -> dev.docproof.lesson.Node.ListBlock.Numbering.LOWER_ROMAN;
            case UPPER_ROMAN -> dev.docproof.lesson.Node.ListBlock.Numbering.UPPER_ROMAN;
        };
    }

    /** The marker text the next item would start with, e.g. {@code "4."} after {@code 3.}. */
    String next() {
        String label = switch (sequence) {
            case ARABIC -> Integer.toString(ordinal + 1);
            case LOWER_ALPHA -> ordinal + 1 <= 26 ? String.valueOf((char) ('a' + ordinal)) : null;
            case UPPER_ALPHA -> ordinal + 1 <= 26 ? String.valueOf((char) ('A' + ordinal)) : null;
            case LOWER_ROMAN -> toRoman(ordinal + 1).toLowerCase();
            case UPPER_ROMAN -> toRoman(ordinal + 1);
            case AUTO -> "#";
        };
        if (label == null) {
            return null;
        }
        return switch (format) {
            case PERIOD -> label + ".";
            case PAREN -> label + ")";
            case PARENS -> "(" + label + ")";
        };
    }

    String autoMarker() {
        return switch (format) {
            case PERIOD -> "#.";
            case PAREN -> "#)";
            case PARENS -> "(#)";
        };
    }

    private static Sequence sequenceOf(String label, Sequence expected) {
        if (label.equals("#")) {
            return Sequence.AUTO;
        }
        if (expected != null && expected != Sequence.AUTO && matches(label, expected)) {
            return expected;
        }
        if (label.equals("i")) {
            return Sequence.LOWER_ROMAN;
        }
        if (label.equals("I")) {
            return Sequence.UPPER_ROMAN;
        }
        for (Sequence s : Sequence.values()) {
            if (s != Sequence.AUTO && matches(label, s)) {
                return s;
            }
        }
        return null;
    }

    private static boolean matches(String label, Sequence s) {
        return switch (s) {
            case ARABIC -> label.chars().allMatch(c -> c >= '0' && c <= '9');
            case LOWER_ALPHA -> label.length() == 1 && label.charAt(0) >= 'a' && label.charAt(0) <= 'z';
            case UPPER_ALPHA -> label.length() == 1 && label.charAt(0) >= 'A' && label.charAt(0) <= 'Z';
            case LOWER_ROMAN -> label.chars().allMatch(c -> "ivxlcdm".indexOf(c) >= 0);
            case UPPER_ROMAN -> label.chars().allMatch(c -> "IVXLCDM".indexOf(c) >= 0);
            case AUTO -> label.equals("#");
        };
    }

    private static int ordinalOf(String label, Sequence s) {
        return switch (s) {
            case ARABIC -> label.length() > 9 ? -1 : Integer.parseInt(label);
            case LOWER_ALPHA -> label.charAt(0) - 'a' + 1;
            case UPPER_ALPHA -> label.charAt(0) - 'A' + 1;
            case LOWER_ROMAN, UPPER_ROMAN -> fromRoman(label.toUpperCase());
            case AUTO -> 1;
        };
    }

    private static final int[] ROMAN_VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] ROMAN_NUMERALS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

    static String toRoman(int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < ROMAN_VALUES.length; k++) {
            while (n >= ROMAN_VALUES[k]) {
                sb.append(ROMAN_NUMERALS[k]);
                n -= ROMAN_VALUES[k];
            }
        }
        return sb.toString();
    }

    /** Value of a well-formed roman numeral, or -1 (docutils rejects non-canonical forms like IIII). */
    static int fromRoman(String roman) {
        int value = 0;
        int pos = 0;
        for (int k = 0; k < ROMAN_VALUES.length; k++) {
            while (roman.startsWith(ROMAN_NUMERALS[k], pos)) {
                value += ROMAN_VALUES[k];
                pos += ROMAN_NUMERALS[k].length();
            }
        }
        return pos == roman.length() && value > 0 && value < 5000 && toRoman(value).equals(roman) ? value : -1;
    }
}
