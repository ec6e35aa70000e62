package dev.docproof.read;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.SourceSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Inline markup of one text block (paragraph, title, term, cell), following docutils' recognition
 * rules: a start-string must follow whitespace, an opener or a delimiter and precede non-whitespace;
 * an end-string must follow non-whitespace and precede whitespace, a closer or a delimiter.
 * Constructs without an end-string stay text and yield a warning.
 */
final class RstInlineParser {

    /** Roles that point at another document, label, term or file; everything else is a {@link Inline.Role}. */
    private static final Set<String> LINK_ROLES = Set.of("ref", "doc", "numref", "any", "download", "term");

    private static final boolean[] SPECIAL = new boolean[128];
    /** Substitutions Sphinx defines from its configuration. */
    private static final Set<String> SPHINX_SUBSTITUTIONS = Set.of("version", "release", "today");

    static {
        for (char c : "\\`*:|_[hfm".toCharArray()) {
            SPECIAL[c] = true;
        }
    }

    private final RstContext ctx;

    RstInlineParser(RstContext ctx) {
        this.ctx = ctx;
    }

    List<Inline> parse(List<RstLine> lines) {
        if (lines.size() == 1) {
            return parse(lines.get(0));
        }
        int size = lines.size();
        for (RstLine line : lines) {
            size += line.text().length();
        }
        StringBuilder joined = new StringBuilder(size);
        int[] starts = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                joined.append('\n');
            }
            starts[i] = joined.length();
            joined.append(lines.get(i).text());
        }
        return new Scan(joined.toString(), lines, starts).run();
    }

    List<Inline> parse(RstLine line) {
        return new Scan(line.text(), List.of(line), new int[] {0}).run();
    }

    /** One pass over one text block. */
    private final class Scan {
        private static final int LITERAL = 0, STRONG = 1, EMPHASIS = 2, INTERPRETED = 3, SUBSTITUTION = 4,
                TARGET = 5;

        private final String s;
        private final List<RstLine> lines;
        private final int[] lineStarts;
        private final List<Inline> out = new ArrayList<>();
        private final StringBuilder text;
        /** Per kind, the smallest position from which an end-string search already failed. */
        private final int[] failedFrom = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        /** Length of {@code text} after the last escape or markup, so a reference name never spans one. */
        private int plainFrom;

        Scan(String s, List<RstLine> lines, int[] lineStarts) {
            this.s = s;
            this.text = new StringBuilder(s.length());
            this.lines = lines;
            this.lineStarts = lineStarts;
        }

        List<Inline> run() {
            int n = s.length();
            int i = 0;
            while (i < n) {
                // copy the run of plain characters in one go; only markup characters need a closer look
                int j = i;
                while (j < n && !special(j)) {
                    j++;
                }
                if (j > i) {
                    text.append(s, i, j);
                    i = j;
                    if (i >= n) {
                        break;
                    }
                }
                char c = s.charAt(i);
                int next = switch (c) {
                    case '\\' -> escape(i);
                    case '`' -> backquote(i, i, null);
                    case '*' -> star(i);
                    case ':' -> rolePrefix(i);
                    case '|' -> substitution(i);
                    case '_' -> underscore(i);
                    case '[' -> footnoteReference(i);
                    default -> uri(i);
                };
                if (next < 0) {
                    text.append(c);
                    i++;
                } else {
                    i = next;
                }
            }
            flush();
            return List.copyOf(out);
        }

        /** May markup start here: {@code \ ` * : | _ [}, or a URI scheme's first letter at a word start? */
        private boolean special(int j) {
            char c = s.charAt(j);
            if (c >= 128 || !SPECIAL[c]) {
                return false;
            }
            return !(c == 'h' || c == 'f' || c == 'm') || j == 0 || !Character.isLetterOrDigit(s.charAt(j - 1));
        }

        private void flush() {
            if (text.length() > 0) {
                out.add(new Inline.Text(text.toString()));
                text.setLength(0);
            }
            plainFrom = 0;
        }

        private void emit(Inline inline) {
            flush();
            out.add(inline);
        }

        private boolean startAllowed(int start, int end) {
            if (end >= s.length() || RstText.isSpace(s.charAt(end))) {
                return false;
            }
            if (start == 0) {
                return true;
            }
            char before = s.charAt(start - 1);
            if (!(RstText.isSpace(before) || RstText.isOpener(before) || RstText.isDelimiter(before))) {
                return false;
            }
            return !RstText.pairs(before, s.charAt(end)); // a quoted start-string, like "*" or (*), is text
        }

        private boolean endAllowedAfter(int pos) {
            if (pos >= s.length()) {
                return true;
            }
            char c = s.charAt(pos);
            return RstText.isSpace(c) || RstText.isCloser(c) || RstText.isDelimiter(c) || "\\.,;!?".indexOf(c) >= 0;
        }

        private boolean escaped(int pos) {
            int k = pos - 1;
            int count = 0;
            while (k >= 0 && s.charAt(k) == '\\') {
                count++;
                k--;
            }
            return count % 2 == 1;
        }

        /** Position of a valid end-string {@code end} searched from {@code from}, or -1. */
        private int findEnd(int kind, String end, int from, boolean escapes) {
            if (from >= failedFrom[kind]) {
                return -1;
            }
            int pos = from;
            while (true) {
                int found = s.indexOf(end, pos);
                if (found < 0) {
                    failedFrom[kind] = from;
                    return -1;
                }
                boolean before = found > from && !RstText.isSpace(s.charAt(found - 1)) && !(escapes && escaped(found));
                if (before && endOk(kind, found + end.length())) {
                    return found;
                }
                pos = found + 1;
            }
        }

        private boolean endOk(int kind, int after) {
            if (kind == INTERPRETED) {
                // a role or reference suffix may follow the closing backquote
                int p = after;
                if (p < s.length() && s.charAt(p) == ':') {
                    int q = roleNameEnd(p + 1);
                    if (q > p + 1 && q < s.length() && s.charAt(q) == ':') {
                        p = q + 1;
                    }
                }
                if (p < s.length() && s.charAt(p) == '_') {
                    p += (p + 1 < s.length() && s.charAt(p + 1) == '_') ? 2 : 1;
                }
                return endAllowedAfter(p);
            }
            if (kind == SUBSTITUTION) {
                int p = after;
                while (p < s.length() && p < after + 2 && s.charAt(p) == '_') {
                    p++;
                }
                return endAllowedAfter(p);
            }
            return endAllowedAfter(after);
        }

        private void unterminated(int pos, String what) {
            int lineIndex = lineIndexOf(pos);
            RstLine line = lines.get(lineIndex);
            ctx.warn(line, line.column() + pos - lineStarts[lineIndex],
                    what + " start-string without end-string; it is read as text (close it or escape it with a backslash)");
        }

        private SourceSpan spanAt(int pos) {
            int lineIndex = lineIndexOf(pos);
            RstLine line = lines.get(lineIndex);
            return ctx.span(line.number(), line.column() + pos - lineStarts[lineIndex]);
        }

        private int lineIndexOf(int pos) {
            int lo = 0;
            int hi = lineStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= pos) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

        // ----- constructs -----

        private int escape(int i) {
            if (i + 1 >= s.length()) {
                return -1; // a trailing backslash stays
            }
            char c = s.charAt(i + 1);
            if (!RstText.isSpace(c)) {
                text.append(c); // an escaped whitespace disappears
            }
            plainFrom = text.length();
            return i + 2;
        }

        private int star(int i) {
            boolean strong = i + 1 < s.length() && s.charAt(i + 1) == '*';
            int len = strong ? 2 : 1;
            if (!startAllowed(i, i + len)) {
                return skipRun(i, '*');
            }
            int end = findEnd(strong ? STRONG : EMPHASIS, strong ? "**" : "*", i + len, true);
            if (end < 0) {
                unterminated(i, strong ? "Inline strong" : "Inline emphasis");
                return skipRun(i, '*');
            }
            String inner = RstText.unescape(s.substring(i + len, end));
            emit(strong ? new Inline.Strong(inner) : new Inline.Emphasis(inner));
            return end + len;
        }

        /** Appends a run of one character as text (so {@code ***} is never re-read as markup). */
        private int skipRun(int i, char c) {
            int j = i;
            while (j < s.length() && s.charAt(j) == c) {
                text.append(c);
                j++;
            }
            return j;
        }

        private int backquote(int i, int markupStart, String role) {
            if (s.startsWith("``", i) && role == null) {
                if (!startAllowed(i, i + 2)) {
                    return skipRun(i, '`');
                }
                int end = findEnd(LITERAL, "``", i + 2, false);
                if (end < 0) {
                    unterminated(i, "Inline literal");
                    return skipRun(i, '`');
                }
                emit(new Inline.Literal(s.substring(i + 2, end), spanAt(i + 2)));
                return end + 2;
            }
            if (role == null && !startAllowed(i, i + 1)) {
                return -1;
            }
            int end = findEnd(INTERPRETED, "`", i + 1, true);
            if (end < 0) {
                unterminated(markupStart, "Inline interpreted text or phrase reference");
                text.append(s, markupStart, i + 1);
                plainFrom = text.length();
                return i + 1;
            }
            String raw = s.substring(i + 1, end);
            int p = end + 1;
            if (role == null && p < s.length() && s.charAt(p) == ':') {
                int q = roleNameEnd(p + 1);
                if (q > p + 1 && q < s.length() && s.charAt(q) == ':') {
                    role = s.substring(p + 1, q);
                    p = q + 1;
                }
            }
            int underscores = 0;
            while (role == null && underscores < 2 && p < s.length() && s.charAt(p) == '_') {
                underscores++;
                p++;
            }
            if (underscores > 0) {
                emit(reference(raw, underscores == 2));
            } else {
                emit(interpreted(role, raw));
            }
            return p;
        }

        private Inline reference(String raw, boolean anonymous) {
            String text = raw;
            String url = null;
            String refName = null;
            int open = embeddedStart(raw);
            if (open >= 0) {
                String target = raw.substring(open + 1, raw.length() - 1);
                text = raw.substring(0, open).strip();
                if (target.endsWith("_") && !target.endsWith("\\_")) {
                    refName = RstText.normalizeName(RstText.unescape(target.substring(0, target.length() - 1)));
                } else {
                    url = RstText.removeWhitespace(RstText.unescape(target));
                }
                if (text.isEmpty()) {
                    text = target;
                }
                return new Inline.Link(RstText.unescape(text), url, refName);
            }
            String shown = RstText.unescape(text);
            if (anonymous) {
                return new Inline.Link(shown, ctx.nextAnonymousUrl(), null);
            }
            return new Inline.Link(shown, null, RstText.normalizeName(shown));
        }

        private Inline interpreted(String role, String raw) {
            String name = role == null ? "title-reference" : role;
            if (LINK_ROLES.contains(name)) {
                int open = embeddedStart(raw);
                if (open >= 0) {
                    String text = RstText.unescape(raw.substring(0, open).strip());
                    String target = RstText.unescape(raw.substring(open + 1, raw.length() - 1));
                    return new Inline.CrossRef(name, target, text.isEmpty() ? null : text);
                }
                return new Inline.CrossRef(name, RstText.unescape(raw), null);
            }
            return switch (name) {
                case "emphasis" -> new Inline.Emphasis(RstText.unescape(raw));
                case "strong" -> new Inline.Strong(RstText.unescape(raw));
                case "literal" -> new Inline.Literal(RstText.unescape(raw));
                default -> new Inline.Role(name, RstText.unescape(raw));
            };
        }

        /** Index of {@code <} of a trailing {@code <target>} (after whitespace or at the start), or -1. */
        private int embeddedStart(String raw) {
            if (!raw.endsWith(">") || raw.endsWith("\\>")) {
                return -1;
            }
            int open = raw.lastIndexOf('<');
            if (open < 0 || open + 2 > raw.length() - 1 || (open > 0 && !RstText.isSpace(raw.charAt(open - 1)))) {
                return -1;
            }
            return open;
        }

        private int roleNameEnd(int from) {
            int q = from;
            while (q < s.length()) {
                char c = s.charAt(q);
                if (RstText.isNameChar(c)) {
                    q++;
                } else if (RstText.isNamePunct(c) && c != ':' && q > from && q + 1 < s.length() && RstText.isNameChar(s.charAt(q + 1))) {
                    q++;
                } else {
                    break;
                }
            }
            return q;
        }

        private int rolePrefix(int i) {
            if (!(i == 0 || RstText.isSpace(s.charAt(i - 1)) || RstText.isOpener(s.charAt(i - 1)) || RstText.isDelimiter(s.charAt(i - 1)))) {
                return -1;
            }
            int q = roleNameEnd(i + 1);
            if (q == i + 1 || q + 1 >= s.length() || s.charAt(q) != ':' || s.charAt(q + 1) != '`') {
                return -1;
            }
            if (q + 2 < s.length() && s.charAt(q + 2) == '`') {
                return -1;
            }
            if (q + 2 >= s.length() || RstText.isSpace(s.charAt(q + 2))) {
                return -1;
            }
            return backquote(q + 1, i, s.substring(i + 1, q));
        }

        private int substitution(int i) {
            if (i + 1 < s.length() && s.charAt(i + 1) == '|') {
                return skipRun(i, '|');
            }
            if (!startAllowed(i, i + 1)) {
                return -1;
            }
            int end = findEnd(SUBSTITUTION, "|", i + 1, true);
            if (end < 0) {
                unterminated(i, "Inline substitution_reference");
                return -1;
            }
            String name = RstText.unescape(s.substring(i + 1, end));
            int p = end + 1;
            int underscores = 0;
            while (underscores < 2 && p < s.length() && s.charAt(p) == '_') {
                underscores++;
                p++;
            }
            List<Inline> replacement = ctx.substitution(name);
            if (replacement == null) {
                undefined(i, name);
                emit(new Inline.Substitution(name));
            } else if (underscores > 0) {
                // |name|_ : the substitution's text links to the target "name"
                emit(new Inline.Link(InlineText.plain(replacement), null, RstText.normalizeName(name)));
            } else {
                flush();
                out.addAll(replacement);
            }
            return p;
        }

        private void undefined(int pos, String name) {
            int lineIndex = lineIndexOf(pos);
            RstLine line = lines.get(lineIndex);
            String why = SPHINX_SUBSTITUTIONS.contains(name)
                    ? "is set by Sphinx from conf.py's " + name + ", which has no plain string value there; shown"
                        + " as written (assign it a string in conf.py, or define it with \".. |" + name + "| replace:: ...\")"
                    : "is not defined; shown as written (define it with \".. |" + name + "| replace:: text\")";
            ctx.undefinedSubstitutions.add(dev.docproof.lesson.Diagnostic.warning(
                    ctx.span(line, line.column() + pos - lineStarts[lineIndex]), "Substitution |" + name + "| " + why));
        }

        /** {@code name_} or {@code name__}: a reference name ending here, already collected as text. */
        private int underscore(int i) {
            if (i + 1 < s.length() && s.charAt(i + 1) == '`') {
                return inlineTarget(i);
            }
            int bufEnd = text.length();
            if (bufEnd == plainFrom || !RstText.isNameChar(text.charAt(bufEnd - 1))) {
                return -1;
            }
            boolean anonymous = i + 1 < s.length() && s.charAt(i + 1) == '_';
            int after = i + (anonymous ? 2 : 1);
            if (!endAllowedAfter(after)) {
                return -1;
            }
            int start = bufEnd;
            while (start > plainFrom) {
                char c = text.charAt(start - 1);
                if (RstText.isNameChar(c)) {
                    start--;
                } else if (RstText.isNamePunct(c) && start - 2 >= plainFrom && RstText.isNameChar(text.charAt(start - 2))
                        && start < bufEnd) {
                    start--;
                } else {
                    break;
                }
            }
            if (start == 0 && !out.isEmpty()) {
                return -1; // directly after other markup: no start boundary
            }
            if (start > 0) {
                char before = text.charAt(start - 1);
                if (!(RstText.isSpace(before) || RstText.isOpener(before) || RstText.isDelimiter(before))) {
                    return -1;
                }
                if (start == plainFrom && plainFrom > 0) {
                    return -1;
                }
            }
            String name = text.substring(start);
            text.setLength(start);
            emit(anonymous ? new Inline.Link(name, ctx.nextAnonymousUrl(), null)
                    : new Inline.Link(name, null, RstText.normalizeName(name)));
            return after;
        }

        /** {@code _`text`}: an inline target; its text is shown as plain text. */
        private int inlineTarget(int i) {
            if (!startAllowed(i, i + 2)) {
                return -1;
            }
            int end = findEnd(TARGET, "`", i + 2, true);
            if (end < 0) {
                unterminated(i, "Inline target");
                return -1;
            }
            text.append(RstText.unescape(s.substring(i + 2, end)));
            plainFrom = text.length();
            return end + 1;
        }

        /** {@code [1]_}, {@code [#]_}, {@code [#label]_}, {@code [*]_}, {@code [CIT2002]_}. */
        private int footnoteReference(int i) {
            if (!(i == 0 || RstText.isSpace(s.charAt(i - 1)) || RstText.isOpener(s.charAt(i - 1)) || RstText.isDelimiter(s.charAt(i - 1)))) {
                return -1;
            }
            // labels are short names: scan a bounded window, so many '[' never make this quadratic
            int close = -1;
            for (int k = i + 1; k < s.length() && k <= i + 64; k++) {
                char c = s.charAt(k);
                if (c == ']') {
                    close = k;
                    break;
                }
                if (!(RstText.isNameChar(c) || RstText.isNamePunct(c) || c == '#' || c == '*')) {
                    return -1;
                }
            }
            if (close <= i + 1 || close + 1 >= s.length() || s.charAt(close + 1) != '_' || !endAllowedAfter(close + 2)) {
                return -1;
            }
            String label = s.substring(i + 1, close);
            emit(new Inline.FootnoteRef(label));
            return close + 2;
        }

        /** A standalone http(s)/ftp/mailto URI becomes a link to itself. */
        private int uri(int i) {
            String scheme;
            if (s.startsWith("https://", i)) {
                scheme = "https://";
            } else if (s.startsWith("http://", i)) {
                scheme = "http://";
            } else if (s.startsWith("ftp://", i)) {
                scheme = "ftp://";
            } else if (s.startsWith("mailto:", i)) {
                scheme = "mailto:";
            } else {
                return -1;
            }
            if (i > 0 && !(RstText.isSpace(s.charAt(i - 1)) || RstText.isOpener(s.charAt(i - 1)) || RstText.isDelimiter(s.charAt(i - 1)))) {
                return -1;
            }
            int end = i + scheme.length();
            while (end < s.length() && !RstText.isSpace(s.charAt(end)) && s.charAt(end) != '<' && s.charAt(end) != '>'
                    && s.charAt(end) != '`' && s.charAt(end) != '\\') {
                end++;
            }
            // trailing punctuation belongs to the sentence, not the URI
            while (end > i + scheme.length() && ".,;:!?)'\"]}".indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end == i + scheme.length()) {
                return -1;
            }
            String url = s.substring(i, end);
            emit(new Inline.Link(url, url, null));
            return end;
        }
    }

}
