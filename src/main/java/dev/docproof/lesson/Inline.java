package dev.docproof.lesson;

import java.util.Map;

/** Inline markup inside a paragraph, title, list item or table cell. */
public sealed interface Inline {

    /** Plain text, already unescaped. */
    record Text(String text) implements Inline {}

    /**
     * ``literal`` (RST), `code` (Markdown), `+mono+` (AsciiDoc). {@code span} is where its text's first
     * character stands, null when the reader cannot tell. Two literals of the same text are equal wherever
     * they stand: the position serves messages, not the document's meaning.
     */
    record Literal(String text, SourceSpan span) implements Inline {

        public Literal(String text) {
            this(text, null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Literal literal && text.equals(literal.text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    record Emphasis(String text) implements Inline {}

    record Strong(String text) implements Inline {}

    /**
     * A hyperlink. {@code url} is the resolved target when the source gave one; for a named
     * reference ({@code `text`_}, {@code :ref:`label`}) it is null and {@code refName} names the target.
     */
    record Link(String text, String url, String refName) implements Inline {}

    /**
     * A cross-reference the site resolves across the course: {@code role} is {@code ref}, {@code doc},
     * {@code download}, {@code term}, {@code numref} or {@code any}; {@code target} as written (a label, a
     * document name, a file); {@code title} the explicit title ({@code :ref:`text <label>`}), null when none
     * was given (the site then shows what the target names: a section's title, a document's title).
     */
    record CrossRef(String role, String target, String title) implements Inline {

        /** What a reader sees when the target cannot be resolved. */
        public String shownText() {
            return title != null ? title : target;
        }
    }

    /** Interpreted text with a role other than a link role, e.g. {@code :code:`x`}, {@code :kbd:`Ctrl`}. */
    record Role(String role, String text) implements Inline {}

    /**
     * A footnote or citation reference as written between the brackets: {@code 1}, {@code #}, {@code #name},
     * {@code *} or a citation's label; the page numbers them as docutils does. {@code text} is the footnote's own
     * text where the reference defines it (AsciiDoc's {@code footnote:[text]}), else null.
     */
    record FootnoteRef(String label, String text) implements Inline {

        public FootnoteRef(String label) {
            this(label, null);
        }
    }

    /** {@code |name|} whose definition is unknown; a defined one is replaced by what it stands for. */
    record Substitution(String name) implements Inline {}

    /** An image inside text (an {@code image} substitution); {@code options} as the directive gave them. */
    record Image(String uri, String alt, Map<String, String> options) implements Inline {

        public Image {
            options = Map.copyOf(options);
        }
    }

    /** The text a reader sees, markup removed (an image counts as its alternative text). */
    static String plain(java.util.List<Inline> inlines) {
        StringBuilder text = new StringBuilder();
        for (Inline inline : inlines) {
            if (inline instanceof Text t) {
                text.append(t.text());
            } else if (inline instanceof Literal l) {
                text.append(l.text());
            } else if (inline instanceof Emphasis e) {
                text.append(e.text());
            } else if (inline instanceof Strong s) {
                text.append(s.text());
            } else if (inline instanceof Link l) {
                text.append(l.text());
            } else if (inline instanceof CrossRef x) {
                text.append(x.shownText());
            } else if (inline instanceof Role r) {
                text.append(r.text());
            } else if (inline instanceof Substitution s) {
                text.append('|').append(s.name()).append('|');
            } else if (inline instanceof Image i) {
                text.append(i.alt());
            }
        }
        return text.toString();
    }
}
