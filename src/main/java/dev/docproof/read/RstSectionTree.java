package dev.docproof.read;

import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.SourceSpan;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the section hierarchy while blocks arrive in document order: a title closes every open
 * section of its level or deeper, then opens its own; other blocks go into the innermost open section.
 */
final class RstSectionTree {

    private static final class Open {
        final SourceSpan span;
        final int level;
        final List<Inline> title;
        final String titleText;
        final List<String> labels;
        final List<Node> children = new ArrayList<>();

        Open(SourceSpan span, int level, List<Inline> title, String titleText, List<String> labels) {
            this.span = span;
            this.level = level;
            this.title = title;
            this.titleText = titleText;
            this.labels = labels;
        }

        Node.Section close() {
            return new Node.Section(span, level, title, titleText, labels, List.copyOf(children));
        }
    }

    private final List<Node> root = new ArrayList<>();
    private final List<Open> open = new ArrayList<>();

    void add(Node node) {
        current().add(node);
    }

    /** Depth of the innermost open section, 0 at the document's top. */
    int depth() {
        return open.isEmpty() ? 0 : open.get(open.size() - 1).level;
    }

    void openSection(SourceSpan span, int level, List<Inline> title, String titleText) {
        while (!open.isEmpty() && open.get(open.size() - 1).level >= level) {
            closeInnermost();
        }
        // labels (.. _name:) written just before a title name that section, as in Sphinx
        List<Node> container = current();
        List<String> labels = new ArrayList<>();
        for (int k = container.size() - 1; k >= 0; k--) {
            if (container.get(k) instanceof Node.Target target && target.url() == null && !target.name().isEmpty()) {
                labels.add(0, target.name());
            } else {
                break;
            }
        }
        open.add(new Open(span, level, title, titleText, List.copyOf(labels)));
    }

    List<Node> finish() {
        while (!open.isEmpty()) {
            closeInnermost();
        }
        return List.copyOf(root);
    }

    private void closeInnermost() {
        Open innermost = open.remove(open.size() - 1);
        current().add(innermost.close());
    }

    private List<Node> current() {
        return open.isEmpty() ? root : open.get(open.size() - 1).children;
    }
}
