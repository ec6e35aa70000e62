package dev.docproof.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads shell text the way bash splits it before expansion, as far as a lesson's commands need: simple
 * commands separated by {@code ; & && | || ( )} and newlines; words grouped by {@code '…'} and {@code "…"}
 * (whose quotes are removed) and by backslashes; {@code \}-newline joining lines; {@code #} at the start of
 * a word commenting out the rest of the line; redirections ({@code > f}, {@code 2>&1}, {@code &>> f},
 * {@code <<EOF}) kept apart from the arguments, with here-document bodies skipped. Expansions stay part of
 * their word as written ({@code $HOME}, {@code ${x:-a b}}, {@code $(…)}, backquotes), and the simple commands
 * inside a command substitution are listed too. Pure; never throws, whatever the text.
 */
public final class ShellWords {

    /**
     * A word: {@code text} with its quotes and escapes removed, expansions as written; {@code start}/{@code end}
     * index the word as it stands in the text; {@code quoted} when any part of it was quoted or escaped.
     */
    public record Word(String text, int start, int end, boolean quoted) {}

    /** A redirection such as {@code 2>&1} or {@code > out.txt}: its operator, and its target word or null. */
    public record Redirection(String operator, Word target, int start, int end) {

        private static final Pattern HERE_DOCUMENT = Pattern.compile("[0-9]*<<-?");

        /** {@code <<} or {@code <<-}: the target is the delimiter line of a body that follows the command. */
        public boolean hereDocument() {
            return HERE_DOCUMENT.matcher(operator).matches();
        }
    }

    /** One simple command: its words (the command name first) and its redirections, which are not arguments. */
    public record Command(List<Word> words, List<Redirection> redirections) {
        public Command {
            words = List.copyOf(words);
            redirections = List.copyOf(redirections);
        }

        /** The words' texts. */
        public List<String> texts() {
            return words.stream().map(Word::text).toList();
        }

        int start() {
            int start = words.isEmpty() ? Integer.MAX_VALUE : words.get(0).start();
            return redirections.isEmpty() ? start : Math.min(start, redirections.get(0).start());
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private ShellWords() {}

    /** Every simple command of {@code text}, those inside command substitutions included, in the order they start. */
    public static List<Command> commands(String text) {
        Scan scan = new Scan(text);
        scan.list(text.length(), -1);
        List<Command> commands = new ArrayList<>(scan.commands);
        commands.sort(Comparator.comparingInt(Command::start));
        return commands;
    }

    /** {@code result[i]} is true when character i stands inside {@code '…'} or {@code "…"}, the quotes included. */
    public static boolean[] quoted(String text) {
        Scan scan = new Scan(text);
        scan.list(text.length(), -1);
        return scan.quoted;
    }

    /**
     * The here-document bodies of {@code text}, in the order they stand: the lines between each {@code <<EOF}
     * command and its delimiter line, which are a file's content, not commands.
     */
    public static List<String> hereDocumentBodies(String text) {
        Scan scan = new Scan(text);
        scan.list(text.length(), -1);
        return scan.bodies.stream().map(b -> text.substring(b[0], b[1])).toList();
    }

    /** {@code result[i]} is true when character i stands in a here-document's body (its delimiter line excluded). */
    public static boolean[] inHereDocument(String text) {
        Scan scan = new Scan(text);
        scan.list(text.length(), -1);
        boolean[] inside = new boolean[text.length()];
        scan.bodies.forEach(b -> java.util.Arrays.fill(inside, b[0], b[1], true));
        return inside;
    }

    /** {@code word} as one shell word: as is when it is plain, in single quotes otherwise. */
    public static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** One pass over the text; substitutions are read by the same pass, recursively. */
    private static final class Scan {
        private final String s;
        private final boolean[] quoted;
        private final List<Command> commands = new ArrayList<>();
        /** Each here-document body as {start, end} in the text. */
        private final List<int[]> bodies = new ArrayList<>();
        private int i;

        Scan(String s) {
            this.s = s;
            this.quoted = new boolean[s.length()];
        }

        private char at(int index) {
            return index < s.length() ? s.charAt(index) : 0;
        }

        /** Reads commands up to {@code limit}, or up to an unmatched {@code closer} (consumed). */
        void list(int limit, int closer) {
            List<Word> words = new ArrayList<>();
            List<Redirection> redirections = new ArrayList<>();
            List<Redirection> pendingBodies = new ArrayList<>();
            String operator = null; // a redirection waiting for its target word
            int operatorStart = 0;
            while (i < limit) {
                char c = s.charAt(i);
                if (c == closer) {
                    i++;
                    break;
                }
                if (c == '\\' && at(i + 1) == '\n') {
                    i += 2;
                } else if (c == ' ' || c == '\t' || c == '\r') {
                    i++;
                } else if (c == '#') {
                    while (i < limit && s.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '(' && at(i + 1) == '(' && words.isEmpty()) {
                    i = balanced(i + 2, limit, '(', ')', 2); // an arithmetic command: (( x = 1<<2 ))
                } else if (c == '&' && at(i + 1) == '>') {
                    operator = finish(null, redirections, operator, operatorStart);
                    operatorStart = i;
                    i += s.startsWith("&>>", i) ? 3 : 2;
                    operator = s.substring(operatorStart, i);
                } else if (c == '\n' || c == ';' || c == '|' || c == '&' || c == '(' || c == ')') {
                    operator = finish(words, redirections, operator, operatorStart);
                    words = new ArrayList<>();
                    redirections = new ArrayList<>();
                    i++;
                    if (c == '\n') {
                        skipBodies(pendingBodies, limit);
                        pendingBodies.clear();
                    }
                } else if (redirection(i) > 0 && !((c == '<' || c == '>') && at(i + 1) == '(')) {
                    operator = finish(null, redirections, operator, operatorStart);
                    operatorStart = i;
                    i += redirection(i);
                    operator = s.substring(operatorStart, i);
                    // "2>&1" and ">&-" name their target themselves; the others take the next word.
                    char last = operator.charAt(operator.length() - 1);
                    if (Character.isDigit(last) || last == '-' && !operator.endsWith("<<-")) {
                        redirections.add(new Redirection(operator, null, operatorStart, i));
                        operator = null;
                    }
                } else {
                    Word word = word(limit);
                    if (operator != null) {
                        Redirection r = new Redirection(operator, word, operatorStart, word.end());
                        redirections.add(r);
                        if (r.hereDocument()) {
                            pendingBodies.add(r);
                        }
                        operator = null;
                    } else {
                        words.add(word);
                    }
                }
            }
            finish(words, redirections, operator, operatorStart);
        }

        /**
         * Ends a simple command (or, with {@code words} null, only a redirection lacking its target), keeping a
         * pending operator as a redirection without target; returns null, the operator's new value.
         */
        private String finish(List<Word> words, List<Redirection> redirections, String operator, int operatorStart) {
            if (operator != null) {
                redirections.add(new Redirection(operator, null, operatorStart, operatorStart + operator.length()));
            }
            if (words != null && (!words.isEmpty() || !redirections.isEmpty())) {
                commands.add(new Command(words, redirections));
            }
            return null;
        }

        /** Skips the here-document bodies that start on the line after their operators. */
        private void skipBodies(List<Redirection> docs, int limit) {
            for (Redirection doc : docs) {
                boolean stripTabs = doc.operator().endsWith("-");
                int bodyStart = i;
                int bodyEnd = limit;
                while (i < limit) {
                    int end = s.indexOf('\n', i);
                    end = end < 0 || end > limit ? limit : end;
                    String line = s.substring(i, end);
                    int lineStart = i;
                    i = Math.min(end + 1, limit);
                    String candidate = stripTabs ? line.replaceFirst("^\t+", "") : line;
                    if (candidate.stripTrailing().equals(doc.target().text())) {
                        bodyEnd = lineStart;
                        break;
                    }
                }
                bodies.add(new int[] {bodyStart, Math.max(bodyStart, bodyEnd)});
            }
        }

        /** Length of a redirection operator at {@code at}, with its descriptor digits and any {@code &N}; 0 when none. */
        private int redirection(int at) {
            int j = at;
            while (Character.isDigit(at(j))) {
                j++;
            }
            if (at(j) != '>' && at(j) != '<') {
                return 0;
            }
            j++;
            while (at(j) == '>' || at(j) == '<' || at(j) == '|' && at(j - 1) == '>') {
                j++;
            }
            if (at(j) == '-' && s.startsWith("<<", j - 2)) {
                j++; // <<- : a here-document whose body may be indented with tabs
            } else if (at(j) == '&') {
                j++;
                while (Character.isDigit(at(j)) || at(j) == '-') {
                    j++;
                }
            }
            return j - at;
        }

        private Word word(int limit) {
            int start = i;
            StringBuilder text = new StringBuilder();
            boolean anyQuoted = false;
            while (i < limit) {
                char c = s.charAt(i);
                int expansionStart = i;
                boolean processSubstitution = i == start && (c == '<' || c == '>') && at(i + 1) == '(';
                if (!processSubstitution && " \t\r\n;|&()<>".indexOf(c) >= 0) {
                    break;
                }
                if (c == '\'') {
                    anyQuoted = true;
                    int close = s.indexOf('\'', i + 1);
                    int end = close < 0 || close >= limit ? limit : close + 1;
                    text.append(s, i + 1, close < 0 || close >= limit ? limit : close);
                    mark(i, end);
                    i = end;
                } else if (c == '"') {
                    anyQuoted = true;
                    doubleQuoted(limit, text);
                } else if (c == '\\' && i + 1 < limit) {
                    anyQuoted = true;
                    if (s.charAt(i + 1) != '\n') {
                        text.append(s.charAt(i + 1));
                    }
                    i += 2;
                } else if (expansion(limit, processSubstitution)) {
                    text.append(s, expansionStart, i);
                } else {
                    text.append(c);
                    i++;
                }
            }
            return new Word(text.toString(), start, i, anyQuoted);
        }

        /** Reads {@code $(…)}, {@code $((…))}, {@code ${…}}, backquotes or {@code <(…)} at {@code i}; false when none. */
        private boolean expansion(int limit, boolean processSubstitution) {
            char c = s.charAt(i);
            if (c == '$' && at(i + 1) == '(' && at(i + 2) == '(') {
                i = balanced(i + 3, limit, '(', ')', 2);
            } else if (processSubstitution || c == '$' && at(i + 1) == '(') {
                i += 2;
                list(limit, ')');
            } else if (c == '$' && at(i + 1) == '{') {
                i = balanced(i + 2, limit, '{', '}', 1);
            } else if (c == '`') {
                int close = i + 1;
                while (close < limit && s.charAt(close) != '`') {
                    close += s.charAt(close) == '\\' ? 2 : 1;
                }
                close = Math.min(close, limit);
                i++;
                list(close, -1);
                i = Math.min(close + 1, limit);
            } else {
                return false;
            }
            i = Math.min(i, limit);
            return true;
        }

        /** The index after the {@code depth} closers that balance the openers read so far. */
        private int balanced(int from, int limit, char open, char close, int depth) {
            int j = from;
            while (j < limit && depth > 0) {
                char c = s.charAt(j);
                if (c == open) {
                    depth++;
                } else if (c == close) {
                    depth--;
                }
                j++;
            }
            return j;
        }

        /** A {@code "…"} part: backslash escapes only {@code " \ $ `} and the newline; expansions stay as written. */
        private void doubleQuoted(int limit, StringBuilder text) {
            int open = i;
            i++;
            while (i < limit && s.charAt(i) != '"') {
                char c = s.charAt(i);
                int expansionStart = i;
                if (c == '\\' && i + 1 < limit && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
                    if (s.charAt(i + 1) != '\n') {
                        text.append(s.charAt(i + 1));
                    }
                    i += 2;
                } else if ((c == '$' || c == '`') && expansion(limit, false)) {
                    text.append(s, expansionStart, i);
                } else {
                    text.append(c);
                    i++;
                }
            }
            i = Math.min(i + 1, limit);
            mark(open, i);
        }

        private void mark(int from, int to) {
            for (int j = from; j < to; j++) {
                quoted[j] = true;
            }
        }
    }
}
