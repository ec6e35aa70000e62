package dev.docproof.plan;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Inline;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.shell.CliCheck;
import dev.docproof.shell.CliModel;
import dev.docproof.shell.CommandWord;
import dev.docproof.shell.ShellWords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every command a lesson shows, checked against the help of the CLI it runs: the steps of its code blocks,
 * runnable or template, and the inline literals of its prose ({@code ``docker run --network ...``}). Each
 * finding stands at the line and column of the word it is about. Pure: the CLIs' models are given.
 */
public final class CommandFindings {

    private CommandFindings() {}

    /** @param clis by program name, the CLIs to check against (a program not among them is not checked) */
    public static List<Finding> of(Plan plan, Map<String, CliModel> clis) {
        List<Finding> findings = new ArrayList<>();
        for (PlannedBlock block : plan.blocks()) {
            for (Step step : block.steps()) {
                check(step.command(), clis, findings, offset -> blockPosition(block.block(), step, offset));
            }
        }
        prose(plan.lesson().nodes(), clis, findings);
        findings.sort(Comparator.comparingInt((Finding f) -> f.span().line()).thenComparingInt(f -> f.span().column()));
        return findings;
    }

    /** Maps an offset of a command's text to where it stands in the source. */
    private interface Positions {
        SourceSpan at(int offset);
    }

    private static void check(String command, Map<String, CliModel> clis, List<Finding> findings, Positions positions) {
        OpenText open = OpenText.of(command);
        CliCheck checker = new CliCheck(clis, open::isOpen);
        for (ShellWords.Command simple : open.commands()) {
            for (CliCheck.Finding f : checker.check(simple)) {
                CliModel cli = clis.get(CommandWord.program(simple.texts()));
                String evidence = cli == null ? "" : "per the help of " + cli.version();
                findings.add(new Finding(positions.at(f.start()), kind(f.problem()), f.message(), f.suggestion(),
                        evidence.isEmpty() ? Optional.empty() : Optional.of(evidence)));
            }
        }
    }

    private static Finding.Kind kind(CliCheck.Problem problem) {
        return switch (problem) {
            case UNKNOWN_COMMAND -> Finding.Kind.UNKNOWN_COMMAND;
            case UNKNOWN_OPTION -> Finding.Kind.UNKNOWN_OPTION;
            case MISSING_VALUE -> Finding.Kind.MISSING_VALUE;
        };
    }

    /** A step's first line starts at its span; continuation and here-document lines at the block's indentation. */
    static SourceSpan blockPosition(Node.CodeBlock block, Step step, int offset) {
        String before = step.command().substring(0, offset);
        int newline = before.lastIndexOf('\n');
        if (newline < 0) {
            return new SourceSpan(step.span().file(), step.line(), step.span().column() + offset);
        }
        int line = step.line() + (int) before.chars().filter(c -> c == '\n').count();
        return new SourceSpan(step.span().file(), line, block.columnOf(offset - newline - 1));
    }

    private static void prose(List<? extends Node> nodes, Map<String, CliModel> clis, List<Finding> findings) {
        for (Node node : nodes) {
            for (Inline inline : inlinesOf(node)) {
                if (inline instanceof Inline.Literal literal) {
                    literal(literal, node.span(), clis, findings);
                }
            }
            prose(node.nested(), clis, findings);
        }
    }

    private static List<Inline> inlinesOf(Node node) {
        if (node instanceof Node.Paragraph p) {
            return p.content();
        }
        if (node instanceof Node.Section s) {
            return s.title();
        }
        if (node instanceof Node.Admonition a) {
            return a.title();
        }
        if (node instanceof Node.Group g) {
            return g.title();
        }
        if (node instanceof Node.Definition d) {
            return d.term();
        }
        if (node instanceof Node.LineBlock l) {
            return l.lines().stream().flatMap(List::stream).toList();
        }
        return List.of();
    }

    /**
     * A literal written as a command ({@code $ docker ...} or {@code docker ...}); where the reader could not
     * tell its position, the findings stand at its paragraph.
     */
    private static void literal(Inline.Literal literal, SourceSpan paragraph, Map<String, CliModel> clis,
                                List<Finding> findings) {
        String text = literal.text();
        int skip = text.startsWith("$ ") ? 2 : 0;
        String command = text.substring(skip);
        SourceSpan start = literal.span();
        check(command, clis, findings, offset -> {
            if (start == null) {
                return paragraph;
            }
            String before = text.substring(0, skip + offset);
            int newline = before.lastIndexOf('\n');
            if (newline < 0) {
                return new SourceSpan(start.file(), start.line(), start.column() + skip + offset);
            }
            int line = start.line() + (int) before.chars().filter(c -> c == '\n').count();
            return new SourceSpan(start.file(), line, paragraph.column() + before.length() - newline - 1);
        });
    }
}
