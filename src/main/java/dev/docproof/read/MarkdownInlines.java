package dev.docproof.read;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.docproof.lesson.Inline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** flexmark's inline nodes as the lesson model's inlines; nested markup inside emphasis is flattened to text. */
final class MarkdownInlines {

    private final Document document;
    private final LineIndex index;

    MarkdownInlines(Document document, LineIndex index) {
        this.document = document;
        this.index = index;
    }

    List<Inline> of(Node parent) {
        List<Inline> out = new ArrayList<>();
        for (Node child : parent.getChildren()) {
            add(child, out);
        }
        return merged(out);
    }

    /** The inlines of a paragraph after its first line break (the rest of a GitHub alert's opening paragraph). */
    List<Inline> afterFirstLine(Node paragraph) {
        List<Inline> out = new ArrayList<>();
        boolean past = false;
        for (Node child : paragraph.getChildren()) {
            if (past) {
                add(child, out);
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                past = true;
            }
        }
        return merged(out);
    }

    /** Where the second line of a paragraph starts, or -1 when it has one line only. */
    static int secondLineOffset(Node paragraph) {
        for (Node child : paragraph.getChildren()) {
            if ((child instanceof SoftLineBreak || child instanceof HardLineBreak) && child.getNext() != null) {
                return child.getNext().getStartOffset();
            }
        }
        return -1;
    }

    private void add(Node node, List<Inline> out) {
        if (node instanceof Code code) {
            out.add(new Inline.Literal(code.getText().toString(), index.spanOf(code.getText().getStartOffset())));
        } else if (node instanceof StrongEmphasis strong) {
            out.add(new Inline.Strong(InlineText.plain(of(strong))));
        } else if (node instanceof Emphasis emphasis) {
            out.add(new Inline.Emphasis(InlineText.plain(of(emphasis))));
        } else if (node instanceof Link link) {
            out.add(new Inline.Link(InlineText.plain(of(link)), link.getUrl().unescape(), null));
        } else if (node instanceof AutoLink link) {
            out.add(new Inline.Link(link.getText().toString(), link.getUrl().unescape(), null));
        } else if (node instanceof MailLink link) {
            out.add(new Inline.Link(link.getText().toString(), "mailto:" + link.getText(), null));
        } else if (node instanceof LinkRef ref) {
            Reference target = ref.isDefined() ? ref.getReferenceNode(document) : null;
            if (target == null) {
                out.add(new Inline.Text(ref.getChars().unescape())); // "[text]" that names no reference is text
            } else {
                String text = ref.getText().isEmpty() ? ref.getReference().unescape() : InlineText.plain(of(ref));
                out.add(new Inline.Link(text, target.getUrl().unescape(), ref.getReference().unescape()));
            }
        } else if (node instanceof Footnote footnote) {
            out.add(new Inline.FootnoteRef(MarkdownReader.footnoteLabel(footnote.getText().toString())));
        } else if (node instanceof Image image) {
            out.add(new Inline.Image(image.getUrl().unescape(), InlineText.plain(of(image)), Map.of()));
        } else if (node instanceof ImageRef ref) {
            Reference target = ref.isDefined() ? ref.getReferenceNode(document) : null;
            String alt = InlineText.plain(of(ref));
            out.add(target == null ? new Inline.Text(ref.getChars().unescape())
                    : new Inline.Image(target.getUrl().unescape(), alt, Map.of()));
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.add(new Inline.Text("\n"));
        } else if (node instanceof HtmlInlineComment) {
            // an inline comment shows nothing
        } else if (node instanceof Text || node instanceof HtmlEntity) {
            out.add(new Inline.Text(node.getChars().unescape()));
        } else if (node.hasChildren()) {
            for (Node child : node.getChildren()) {
                add(child, out);
            }
        } else {
            out.add(new Inline.Text(node.getChars().toString()));
        }
    }

    private static List<Inline> merged(List<Inline> inlines) {
        List<Inline> out = new ArrayList<>();
        for (Inline inline : inlines) {
            int last = out.size() - 1;
            if (inline instanceof Inline.Text t && t.text().isEmpty()) {
                continue;
            }
            if (inline instanceof Inline.Text t && last >= 0 && out.get(last) instanceof Inline.Text previous) {
                out.set(last, new Inline.Text(previous.text() + t.text()));
            } else {
                out.add(inline);
            }
        }
        return out;
    }
}
