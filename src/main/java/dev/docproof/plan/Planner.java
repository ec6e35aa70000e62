package dev.docproof.plan;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a lesson's shell code blocks into steps, in document order. Pure.
 *
 * <p>The whole tree is walked, so blocks nested in admonitions, lists, quotes and tables are
 * planned too. Which blocks count as shell, and how their lines split into commands, comments and
 * output samples, is decided by {@link ShellBlocks} and {@link BlockPlanner}.
 */
public final class Planner {

    private Planner() {}

    public static Plan plan(Lesson lesson) {
        List<PlannedBlock> blocks = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>(lesson.diagnostics());
        walk(lesson.nodes(), "", blocks, diagnostics);
        return new Plan(lesson, blocks, diagnostics);
    }

    private static void walk(List<? extends Node> nodes, String section, List<PlannedBlock> blocks,
                             List<Diagnostic> diagnostics) {
        for (Node node : nodes) {
            visit(node, section, blocks, diagnostics);
        }
    }

    private static void visit(Node node, String section, List<PlannedBlock> blocks, List<Diagnostic> diagnostics) {
        if (node instanceof Node.CodeBlock block) {
            ShellBlocks.modeOf(block).ifPresent(mode -> {
                BlockPlanner.Result result = BlockPlanner.plan(block, mode, section);
                diagnostics.addAll(result.diagnostics());
                if (!result.steps().isEmpty()) {
                    blocks.add(new PlannedBlock(block, result.steps()));
                }
            });
        } else if (node instanceof Node.Section s) {
            walk(s.children(), s.titleText(), blocks, diagnostics);
        } else {
            walk(node.nested(), section, blocks, diagnostics);
        }
    }
}
