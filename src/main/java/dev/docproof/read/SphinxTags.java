package dev.docproof.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sphinx's tag expressions ({@code .. only:: html and not latex}) evaluated as its HTML builder would:
 * the tags {@code html}, {@code format_html} and {@code builder_html} are set, every other name is not.
 */
final class SphinxTags {

    private static final Set<String> HTML = Set.of("html", "format_html", "builder_html");

    private final List<String> tokens;
    private int next;

    private SphinxTags(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Whether {@code expression} holds for the HTML builder; null when it cannot be read. */
    static Boolean html(String expression) {
        List<String> tokens = tokens(expression);
        if (tokens == null || tokens.isEmpty()) {
            return null;
        }
        SphinxTags parser = new SphinxTags(tokens);
        Boolean value = parser.or();
        return value != null && parser.next == tokens.size() ? value : null;
    }

    private static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                int start = i;
                while (i < expression.length() && (Character.isLetterOrDigit(expression.charAt(i))
                        || "_-.".indexOf(expression.charAt(i)) >= 0)) {
                    i++;
                }
                tokens.add(expression.substring(start, i));
            } else {
                return null;
            }
        }
        return tokens;
    }

    private Boolean or() {
        Boolean left = and();
        while (left != null && accept("or")) {
            Boolean right = and();
            left = right == null ? null : left || right;
        }
        return left;
    }

    private Boolean and() {
        Boolean left = not();
        while (left != null && accept("and")) {
            Boolean right = not();
            left = right == null ? null : left && right;
        }
        return left;
    }

    private Boolean not() {
        if (accept("not")) {
            Boolean operand = not();
            return operand == null ? null : !operand;
        }
        if (accept("(")) {
            Boolean inner = or();
            return inner != null && accept(")") ? inner : null;
        }
        if (next >= tokens.size()) {
            return null;
        }
        String name = tokens.get(next);
        if (name.equals(")") || name.equals("and") || name.equals("or")) {
            return null;
        }
        next++;
        return HTML.contains(name);
    }

    private boolean accept(String token) {
        if (next < tokens.size() && tokens.get(next).equals(token)) {
            next++;
            return true;
        }
        return false;
    }
}
