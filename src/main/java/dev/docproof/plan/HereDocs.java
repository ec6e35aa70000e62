package dev.docproof.plan;

import dev.docproof.lesson.ShellWords;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the here-documents a command opens ({@code <<EOF}, {@code <<-EOF}, {@code <<'EOF'}, {@code <<"EOF"}). */
final class HereDocs {

    /** One here-document: the line that ends it, and whether leading tabs are stripped ({@code <<-}). */
    record HereDoc(String delimiter, boolean stripTabs) {

        boolean endsAt(String line) {
            String candidate = stripTabs ? line.replaceFirst("^\t+", "") : line;
            return candidate.stripTrailing().equals(delimiter);
        }
    }

    // After "<<": an optional "-", optional blanks, then a quoted or bare word. A bare word starting with
    // a digit is arithmetic ($((1<<2))), not a delimiter.
    private static final Pattern OPENER =
            Pattern.compile("<<(-?)[ \\t]*(?:'([^']*)'|\"([^\"]*)\"|\\\\?([A-Za-z_][^\\s;&|<>()'\"]*))");

    private HereDocs() {}

    static List<HereDoc> opened(String command) {
        boolean[] quoted = ShellWords.quoted(command);
        List<HereDoc> docs = new ArrayList<>();
        Matcher m = OPENER.matcher(command);
        int from = 0;
        while (from < command.length() && m.find(from)) {
            int at = m.start();
            from = m.end();
            boolean hereString = at + 2 < command.length() && command.charAt(at + 2) == '<';
            boolean afterAngle = at > 0 && command.charAt(at - 1) == '<';
            if (quoted[at] || hereString || afterAngle) {
                from = at + (hereString ? 3 : 2);
                continue;
            }
            String word = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            docs.add(new HereDoc(word, !m.group(1).isEmpty()));
        }
        return docs;
    }
}
