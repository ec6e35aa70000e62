package dev.docproof.read;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indented blocks of MkDocs courses (Python-Markdown's admonitions, Material's collapsible ones and content
 * tabs), which CommonMark reads as a paragraph followed by an indented code block:
 * <pre>
 * !!! note "Before you start"       ??? tip          === "Linux"
 *
 *     Markdown, indented by four        ...              ```bash
 * </pre>
 * A header line opens the block; its body is the lines after it indented four more columns than the header, and
 * the blank lines among them. Pure.
 */
final class MkDocsBlocks {

    /** {@code !!! kind "title"} (with classes such as {@code inline end} after the kind), {@code ???}, {@code ???+}, {@code === "label"}. */
    private static final Pattern HEADER = Pattern.compile(
            "(!!!|\\?\\?\\?\\+?|===[!+]?)[ \\t]+([A-Za-z][\\w-]*)?((?:[ \\t]+[A-Za-z][\\w-]*)*)[ \\t]*(?:\"(.*)\")?[ \\t]*");
    static final int BODY_INDENT = 4;

    private MkDocsBlocks() {}

    /**
     * A block's header: a tab (and its label) or an admonition of {@code kind}; {@code title} null when none is
     * written (an admonition then shows its kind), empty when {@code ""} asks for none; {@code classes}: words after
     * the kind ({@code inline end}).
     */
    record Header(boolean tab, String kind, String title, boolean classes) {}

    static Optional<Header> header(String line) {
        Matcher m = HEADER.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean tab = m.group(1).startsWith("===");
        if (tab != (m.group(2) == null) || tab && m.group(4) == null) {
            return Optional.empty(); // a tab has a label and no kind; an admonition has a kind
        }
        return Optional.of(new Header(tab, tab ? "tab" : m.group(2).toLowerCase(Locale.ROOT), m.group(4),
                !m.group(3).isBlank()));
    }

    /** The last line of the body of a block whose header is line {@code header}, indented {@code indent} columns. */
    static int bodyEnd(LineIndex text, int header, int indent) {
        int last = header;
        for (int line = header + 1; line <= text.lineCount(); line++) {
            String written = text.line(line);
            if (written.isBlank()) {
                continue;
            }
            if (LineIndex.leadingSpaces(written) < indent + BODY_INDENT) {
                break;
            }
            last = line;
        }
        return last;
    }
}
