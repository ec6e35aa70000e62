package dev.docproof.site;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Node;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where on a page each finding is shown: after the block that holds its line (the last block, in document
 * order, that starts at or before it; the innermost one when blocks nest). Findings whose block is not
 * rendered on its own (a list item's first paragraph) are left for the end of the page.
 */
final class FindingPlaces {

    private final Map<Node, List<Finding>> byNode = new IdentityHashMap<>();
    private final Map<Finding, Boolean> shown = new LinkedHashMap<>();

    FindingPlaces(List<Node> nodes, List<Finding> findings) {
        List<Node> order = new ArrayList<>();
        flatten(nodes, order);
        for (Finding finding : findings) {
            shown.put(finding, false);
            Node holder = null;
            for (Node node : order) {
                if (node.span().line() <= finding.span().line() && !(node instanceof Node.Section)) {
                    holder = node;
                }
            }
            if (holder != null) {
                byNode.computeIfAbsent(holder, n -> new ArrayList<>()).add(finding);
            }
        }
    }

    private static void flatten(List<? extends Node> nodes, List<Node> order) {
        for (Node node : nodes) {
            order.add(node);
            flatten(node.nested(), order);
        }
    }

    /** The findings to show after {@code node}, each only once. */
    List<Finding> after(Node node) {
        List<Finding> here = new ArrayList<>();
        for (Finding finding : byNode.getOrDefault(node, List.of())) {
            if (!shown.put(finding, true)) {
                here.add(finding);
            }
        }
        return here;
    }

    /** The findings no block showed. */
    List<Finding> rest() {
        return shown.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    }
}
