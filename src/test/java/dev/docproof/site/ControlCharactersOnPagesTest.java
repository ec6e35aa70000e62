package dev.docproof.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson whose title or file name holds control characters (an escape sequence that would set a terminal's
 * title) never puts them raw on a page: text shows them as the paragraphs do (U+FFFD), links percent-encode them
 * so they still reach the page, which is named after the lesson's file.
 */
class ControlCharactersOnPagesTest {

    @Test
    void textOnAPageShowsControlCharactersAsReplacementCharacters() {
        assertThat(Html.escape("T\u001b[2J\u0007itle\u009b <b>")).isEqualTo("T&#xFFFD;[2J&#xFFFD;itle&#xFFFD; &lt;b&gt;");
        assertThat(Html.escape("tab\tand\nnewline")).isEqualTo("tab\tand\nnewline");
    }

    @Test
    void aLinkToAPageNamedWithControlCharactersPercentEncodesThem() {
        LessonPage from = new LessonPage(null, null, "a/b", "a/b.html");
        assertThat(from.link("a/evil\u001b]0;TITLE\u0007.html")).isEqualTo("evil%1B]0;TITLE%07.html");
        assertThat(from.link("x\u0085y.html")).isEqualTo("../x%C2%85y.html");
        assertThat(from.link("a/plain page.html")).as("other characters as before").isEqualTo("plain page.html");
    }
}
