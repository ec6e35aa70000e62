package dev.docproof.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * Whether shell text is a whole statement or bash would ask for more, as a terminal does with its {@code > } prompt: a
 * quote still open, a compound command not closed ({@code for … do} without {@code done}, {@code if} without
 * {@code fi}, {@code case} without {@code esac}, a {@code {} or {@code (} group, a function body), or a line ending
 * in {@code |}, {@code &&} or {@code ||}. Here-document bodies are not part of the text it reads: the caller takes
 * them apart. Pure.
 */
public final class Unfinished {

    /** What is left open, innermost last. */
    private enum Open {
        SINGLE_QUOTE("'"), DOUBLE_QUOTE("\""), BACKTICK("`"), PAREN(")"), EXPANSION("}"), BRACE("}"), IF("fi"),
        DO("done"), CASE("esac");

        final String closer;

        Open(String closer) {
            this.closer = closer;
        }
    }

    /** Reserved words after which the next word starts a command. */
    private static final Set<String> LEADING = Set.of("then", "do", "else", "elif", "if", "while", "until", "!", "{",
            "time");

    private final String text;
    private final Deque<Open> open = new ArrayDeque<>();
    private int i;
    /** Whether the next word stands where a command starts (where reserved words count). */
    private boolean commandPosition = true;
    /** In a case statement, whether the words read are patterns (up to their {@code )}). */
    private boolean casePattern;
    /** After {@code case WORD}, before its {@code in}. */
    private boolean awaitingIn;
    /** After {@code function}: its name comes, then its body where a command starts. */
    private boolean functionName;

    private Unfinished(String text) {
        this.text = text;
    }

    /**
     * What {@code text} leaves open, as the word or character that would close it ({@code done}, {@code fi},
     * {@code "}, ...), or {@code |} for a line ending in an operator that needs a command after it; empty when it is a
     * whole statement.
     */
    public static Optional<String> closer(String text) {
        Unfinished scan = new Unfinished(text);
        scan.scan();
        if (!scan.open.isEmpty()) {
            return Optional.of(scan.open.peekLast().closer);
        }
        return endsInOperator(text) ? Optional.of("|") : Optional.empty();
    }

    private void scan() {
        while (i < text.length()) {
            Open top = open.peekLast();
            char c = text.charAt(i);
            if (top == Open.SINGLE_QUOTE) {
                if (c == '\'') {
                    open.removeLast();
                }
                i++;
            } else if (top == Open.DOUBLE_QUOTE) {
                inDoubleQuotes(c);
            } else {
                unquoted(c);
            }
        }
    }

    private void inDoubleQuotes(char c) {
        if (c == '\\') {
            i += 2;
        } else if (c == '"') {
            open.removeLast();
            i++;
        } else if (c == '`') {
            open.addLast(Open.BACKTICK);
            i++;
        } else if (!dollar()) {
            i++;
        }
    }

    /** {@code $(}, {@code $((}, {@code ${}: opens what it starts and moves past it; false when none stands here. */
    private boolean dollar() {
        if (!text.startsWith("$(", i) && !text.startsWith("${", i)) {
            return false;
        }
        open.addLast(text.charAt(i + 1) == '(' ? Open.PAREN : Open.EXPANSION);
        i += 2;
        commandPosition = open.peekLast() == Open.PAREN;
        return true;
    }

    private void unquoted(char c) {
        Open top = open.peekLast();
        if (c == '\\') {
            i += 2;
            commandPosition = false;
        } else if (c == '\'' || c == '"') {
            open.addLast(c == '\'' ? Open.SINGLE_QUOTE : Open.DOUBLE_QUOTE);
            i++;
            commandPosition = false;
        } else if (c == '$' && text.startsWith("$'", i)) {
            skipAnsiC();
        } else if (dollar()) {
            // opened
        } else if (c == '`') {
            if (top == Open.BACKTICK) {
                open.removeLast();
            } else {
                open.addLast(Open.BACKTICK);
                commandPosition = true;
            }
            i++;
        } else if (c == '}' && top == Open.EXPANSION) {
            open.removeLast();
            i++;
        } else if (top == Open.EXPANSION) {
            i++;
        } else if (c == '#' && (i == 0 || " \t\n;&|()".indexOf(text.charAt(i - 1)) >= 0)) {
            while (i < text.length() && text.charAt(i) != '\n') {
                i++;
            }
        } else if (c == '\n' || c == ';' || c == '&' || c == '|') {
            separator(c);
        } else if (c == '(' ) {
            if (!casePattern) {
                open.addLast(Open.PAREN);
            }
            commandPosition = true;
            i++;
        } else if (c == ')') {
            if (casePattern) {
                casePattern = false; // the pattern ends; its commands follow
            } else if (top == Open.PAREN) {
                open.removeLast();
            }
            commandPosition = true;
            i++;
        } else if (c == ' ' || c == '\t' || c == '<' || c == '>') {
            i++;
        } else {
            word();
        }
    }

    private void separator(char c) {
        boolean caseEnd = c == ';' && text.startsWith(";;", i);
        i += caseEnd || text.startsWith("&&", i) || text.startsWith("||", i) ? 2 : 1;
        commandPosition = true;
        if (caseEnd && open.peekLast() == Open.CASE) {
            casePattern = true; // the next pattern, or esac
        }
    }

    private void skipAnsiC() {
        i += 2;
        while (i < text.length() && text.charAt(i) != '\'') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        commandPosition = false;
    }

    /** A plain word: a reserved word where a command starts opens or closes what it names. */
    private void word() {
        int start = i;
        while (i < text.length() && " \t\n;&|()<>'\"`$\\".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        if (i == start) { // a lone `$` or another character that starts nothing
            i++;
            commandPosition = false;
            return;
        }
        String word = text.substring(start, i);
        boolean atCommand = commandPosition;
        commandPosition = atCommand && (LEADING.contains(word) || word.contains("=") && !word.startsWith("="))
                || functionName;
        functionName = atCommand && word.equals("function");
        if (casePattern) {
            if (word.equals("esac")) {
                closeCase();
            }
            return;
        }
        if (awaitingIn && word.equals("in")) {
            awaitingIn = false;
            casePattern = true;
            return;
        }
        if (!atCommand) {
            return;
        }
        switch (word) {
            case "if" -> open.addLast(Open.IF);
            case "fi" -> close(Open.IF);
            case "do" -> open.addLast(Open.DO);
            case "done" -> close(Open.DO);
            case "case" -> {
                open.addLast(Open.CASE);
                awaitingIn = true;
            }
            case "esac" -> closeCase();
            case "{" -> open.addLast(Open.BRACE);
            case "}" -> close(Open.BRACE);
            default -> { }
        }
    }

    private void closeCase() {
        casePattern = false;
        close(Open.CASE);
    }

    private void close(Open construct) {
        if (open.peekLast() == construct) {
            open.removeLast();
        }
    }

    /** A last line ending in {@code |}, {@code &&} or {@code ||} (outside a comment) needs a command after it. */
    private static boolean endsInOperator(String text) {
        String last = text.stripTrailing();
        int newline = last.lastIndexOf('\n');
        String line = last.substring(newline + 1);
        if (line.stripLeading().startsWith("#")) {
            return false;
        }
        return last.endsWith("|") && !last.endsWith(";|") || last.endsWith("&&");
    }
}
