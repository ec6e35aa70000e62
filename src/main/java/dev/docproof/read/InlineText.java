package dev.docproof.read;

import dev.docproof.lesson.Inline;

import java.util.List;

/** Inline markup flattened to the text a reader sees; shared by every reader. */
final class InlineText {

    private InlineText() {}

    /** The text a reader sees, markup removed. */
    static String plain(List<Inline> inlines) {
        return Inline.plain(inlines);
    }
}
