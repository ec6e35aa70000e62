package dev.docproof.read;

import dev.docproof.lesson.Inline;

import java.util.List;

/** Inline markup flattened to the text a reader sees; shared by every reader. */
final class InlineText {

    private InlineText() {}

    /** The text a reader sees, markup removed. */
    static String plain(List<Inline> inlines) {
        StringBuilder text = new StringBuilder();
        for (Inline inline : inlines) {
            if (inline instanceof Inline.Text t) {
                text.append(t.text());
            } else if (inline instanceof Inline.Literal l) {
                text.append(l.text());
            } else if (inline instanceof Inline.Emphasis e) {
                text.append(e.text());
            } else if (inline instanceof Inline.Strong s) {
                text.append(s.text());
            } else if (inline instanceof Inline.Link l) {
                text.append(l.text());
            } else if (inline instanceof Inline.Role r) {
                text.append(r.text());
            } else if (inline instanceof Inline.Substitution s) {
                text.append('|').append(s.name()).append('|');
            }
        }
        return text.toString();
    }
}
