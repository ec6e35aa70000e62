package dev.docproof.plan;

/** Which characters of a shell command stand inside quotes, so markers within strings are not mistaken. */
final class Quoting {

    private Quoting() {}

    /** {@code result[i]} is true when character i is part of a single- or double-quoted string. */
    static boolean[] quoted(String command) {
        boolean[] quoted = new boolean[command.length()];
        char open = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (open == 0) {
                if (c == '\\') {
                    i++; // the escaped character is literal, not a quote
                } else if (c == '\'' || c == '"') {
                    open = c;
                    quoted[i] = true;
                }
            } else {
                quoted[i] = true;
                if (c == open) {
                    open = 0;
                } else if (c == '\\' && open == '"' && i + 1 < command.length()) {
                    quoted[++i] = true;
                }
            }
        }
        return quoted;
    }
}
