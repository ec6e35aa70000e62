package dev.docproof.read;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.SourceSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The basic AsciiDoc inline forms read from the raw source text: {@code `code`}, {@code +literal+},
 * {@code `+literal+`}, {@code *strong*}, {@code _emphasis_} (and their doubled, unconstrained forms),
 * links ({@code https://x[text]}, {@code link:x[text]}, bare URLs) and cross references
 * ({@code <<id,text>>}, {@code xref:id[text]}), inline images ({@code image:icon.png[alt]}), footnotes
 * ({@code footnote:[text]}, {@code footnote:id[text]}, {@code footnote:id[]}). Anything else stays
 * text as written.
 */
final class AsciiDocInlines {

    // Constrained marks need a non-word character (or the edge of the text) on their outer sides.
    private static final String BEFORE = "(?<![\\p{L}\\p{N}_\\\\])";
    private static final String AFTER = "(?![\\p{L}\\p{N}_])";
    private static final Pattern INLINE = Pattern.compile(String.join("|",
            "`\\+(?<passcode>.+?)\\+`",
            BEFORE + "`(?<code>[^`\\s](?:[^`]*?[^`\\s])?)`" + AFTER,
            BEFORE + "\\+(?<pass>[^+\\s](?:[^+]*?[^+\\s])?)\\+" + AFTER,
            "\\*\\*(?<strong2>.+?)\\*\\*",
            BEFORE + "\\*(?<strong>[^*\\s](?:[^*]*?[^*\\s])?)\\*" + AFTER,
            "__(?<em2>.+?)__",
            BEFORE + "_(?<em>[^_\\s](?:[^_]*?[^_\\s])?)_" + AFTER,
            "footnote:(?<fnid>[\\w-]*)\\[(?<fntext>[^\\]]*)]",
            BEFORE + "image:(?<image>[^:\\s\\[][^\\s\\[]*)\\[(?<imageattrs>[^\\]]*)]",
            "<<(?<xref>[^,>\\s]+)(?:,\\s*(?<xreftext>[^>]+))?>>",
            "xref:(?<xref2>[^\\[\\s]+)\\[(?<xref2text>[^\\]]*)]",
            "(?:link:)?(?<url>(?:https?|ftp|file|irc|mailto):[^\\s\\[<>]+)(?:\\[(?<urltext>[^\\]]*)])?",
            "link:(?<path>[^\\s\\[]+)\\[(?<pathtext>[^\\]]*)]"), Pattern.DOTALL);

    private AsciiDocInlines() {}

    static List<Inline> parse(String source) {
        return parse(source, null);
    }

    /**
     * The inlines of {@code source}, a paragraph's text whose first character stands at {@code origin} (null when
     * unknown), so each literal knows where its text starts; lines after the first start in column 1.
     */
    static List<Inline> parse(String source, SourceSpan origin) {
        List<Inline> out = new ArrayList<>();
        Matcher m = INLINE.matcher(source);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Inline.Text(source.substring(at, m.start())));
            }
            out.add(located(inline(m), m, source, origin));
            at = m.end();
        }
        if (at < source.length()) {
            out.add(new Inline.Text(source.substring(at)));
        }
        return out;
    }

    private static Inline located(Inline inline, Matcher m, String source, SourceSpan origin) {
        if (origin == null || !(inline instanceof Inline.Literal literal)) {
            return inline;
        }
        String group = m.group("passcode") != null ? "passcode" : m.group("code") != null ? "code" : "pass";
        int at = m.start(group);
        int newline = source.lastIndexOf('\n', at - 1);
        int line = origin.line() + (int) source.substring(0, at).chars().filter(c -> c == '\n').count();
        int column = newline < 0 ? origin.column() + at : at - newline;
        return new Inline.Literal(literal.text(), new SourceSpan(origin.file(), line, column));
    }

    private static Inline inline(Matcher m) {
        if (m.group("passcode") != null) {
            return new Inline.Literal(m.group("passcode"));
        }
        if (m.group("code") != null) {
            return new Inline.Literal(m.group("code"));
        }
        if (m.group("pass") != null) {
            return new Inline.Literal(m.group("pass"));
        }
        if (m.group("strong2") != null || m.group("strong") != null) {
            return new Inline.Strong(m.group("strong2") != null ? m.group("strong2") : m.group("strong"));
        }
        if (m.group("em2") != null || m.group("em") != null) {
            return new Inline.Emphasis(m.group("em2") != null ? m.group("em2") : m.group("em"));
        }
        if (m.group("fntext") != null) {
            // footnote:[text] and footnote:id[text] define a footnote where they stand; footnote:id[] names one again
            String text = m.group("fntext").strip();
            return new Inline.FootnoteRef("#" + m.group("fnid"), text.isEmpty() ? null : text);
        }
        if (m.group("image") != null) {
            // the first attribute is the alternative text; Asciidoctor makes one from the file name without it
            String alt = m.group("imageattrs").split(",", 2)[0].strip();
            String file = m.group("image").replaceAll(".*/", "").replaceAll("\\.[^.]*$", "");
            return new Inline.Image(m.group("image"), alt.isEmpty() ? file : alt, Map.of());
        }
        if (m.group("xref") != null) {
            String text = m.group("xreftext");
            return new Inline.Link(text == null ? m.group("xref") : text.strip(), null, m.group("xref"));
        }
        if (m.group("xref2") != null) {
            String text = m.group("xref2text");
            return new Inline.Link(text.isBlank() ? m.group("xref2") : text, null, m.group("xref2"));
        }
        if (m.group("url") != null) {
            String url = m.group("url");
            String text = m.group("urltext");
            return new Inline.Link(text == null || text.isBlank() ? url : text, url, null);
        }
        String text = m.group("pathtext");
        return new Inline.Link(text.isBlank() ? m.group("path") : text, m.group("path"), null);
    }
}
