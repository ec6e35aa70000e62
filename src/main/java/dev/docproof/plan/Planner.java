package dev.docproof.plan;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Marks;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a lesson's code blocks into steps, in document order. Pure.
 *
 * <p>The whole tree is walked, so blocks nested in admonitions, lists, quotes and tables are planned too.
 * Which blocks count as shell, and how their lines split into commands, comments and output samples, is
 * decided by {@link ShellBlocks} and {@link BlockPlanner}. A block that is a file's content ({@link FileTargets},
 * or a {@code docproof: file} marker) becomes one step that writes it; a prompt-less shell block of data
 * ({@link DataBlocks}) is not run. {@code docproof:} markers ({@link Markers}) apply to the next block, and
 * the course's {@code docproof.yml} to every step.
 */
public final class Planner {

    private final List<Marker> markers;
    private final Marks course;
    /** Whether code lines may end in callouts, which are no part of a command (AsciiDoc's). */
    private final boolean callouts;
    private final List<PlannedBlock> blocks = new ArrayList<>();
    private final List<Diagnostic> diagnostics;
    private int nextMarker;
    private Node previous;
    /** The code block before the one being planned among the same nodes (null: none), and what stands between. */
    private Node.CodeBlock blockBefore;
    private List<Node> sinceBlockBefore = List.of();

    /** A marker line and where it stands. */
    private record Marker(SourceSpan span, String text) {}

    private Planner(Lesson lesson, CourseConfig config) {
        this.diagnostics = new ArrayList<>(lesson.diagnostics());
        this.course = config.marksFor(lesson.source());
        this.callouts = lesson.format() == Lesson.Format.ASCIIDOC;
        this.markers = new ArrayList<>();
        collectMarkers(lesson.nodes());
        markers.sort(Comparator.comparing(Marker::span, SourceSpan.DOCUMENT_ORDER));
    }

    public static Plan plan(Lesson lesson) {
        return plan(lesson, CourseConfig.NONE);
    }

    public static Plan plan(Lesson lesson, CourseConfig config) {
        Planner planner = new Planner(lesson, config);
        planner.walk(lesson.nodes(), "");
        for (Marker left : planner.markers.subList(planner.nextMarker, planner.markers.size())) {
            planner.diagnostics.add(Diagnostic.warning(left.span(), "`" + left.text() + "` stands after the last code"
                    + " block; a marker applies to the next block"));
        }
        return new Plan(lesson, ShownExitStatus.applied(planner.blocks), planner.diagnostics,
                config.filesFor(lesson.source()));
    }

    private void collectMarkers(List<? extends Node> nodes) {
        for (Node node : nodes) {
            if (node instanceof Node.Comment c) {
                List<String> lines = c.text().lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (Markers.isMarker(lines.get(i))) {
                        markers.add(new Marker(c.span().atLine(c.span().line() + i), lines.get(i).strip()));
                    }
                }
            }
            collectMarkers(node.nested());
        }
    }

    private void walk(List<? extends Node> nodes, String section) {
        Node.CodeBlock lastBlock = null;
        List<Node> since = new ArrayList<>();
        for (Node node : nodes) {
            if (node instanceof Node.CodeBlock block) {
                blockBefore = lastBlock;
                sinceBlockBefore = List.copyOf(since);
                lastBlock = block;
                since.clear();
            } else if (!(node instanceof Node.Comment)) {
                since.add(node);
            }
            visit(node, section);
            if (!(node instanceof Node.Comment)) {
                previous = node;
            }
        }
    }

    private void visit(Node node, String section) {
        if (node instanceof Node.CodeBlock block) {
            planBlock(block, section);
        } else if (node instanceof Node.Section s) {
            walk(s.children(), s.titleText());
        } else {
            walk(node.nested(), section);
        }
    }

    private void planBlock(Node.CodeBlock written, String section) {
        Node.CodeBlock block = Prompts.hostPromptsRead(
                Prompts.zshPromptsRead(callouts ? Callouts.strip(written) : written));
        Marks marked = markersBefore(block);
        Marks marks = marked.over(course);
        boolean prompts = block.lines().stream().anyMatch(line -> Prompts.commandOffset(line) >= 0);
        FileTargets.Verdict target = prompts ? new FileTargets.Verdict.None() : FileTargets.of(block, previous);
        String file = marks.file() != null ? marks.file()
                : target instanceof FileTargets.Verdict.File f ? f.name() : null;
        if (file != null) {
            blocks.add(new PlannedBlock(block, List.of(fileStep(block, section, marks.withFile(file)))));
            return;
        }
        var mode = ShellBlocks.modeOf(block);
        if (mode.isPresent() && mode.get() == ShellBlocks.Mode.SCRIPT && DataBlocks.isData(block.lines())) {
            hintIfAmbiguous(block, marks, target, "this shell block holds data, not commands, so it is not run");
            return;
        }
        boolean nothingToRun = mode.isEmpty() || mode.get() == ShellBlocks.Mode.TRANSCRIPT && !prompts;
        if (nothingToRun && marked.isEmpty() && sampleOfTheStepBefore(block)) {
            return;
        }
        if (mode.isEmpty()) {
            hintIfAmbiguous(block, marks, target, "this block is shown, not written to a file");
            return;
        }
        BlockPlanner.Result result = BlockPlanner.plan(block, mode.get(), section, marks);
        diagnostics.addAll(result.diagnostics());
        if (!result.steps().isEmpty()) {
            blocks.add(new PlannedBlock(block, result.steps()));
        }
    }

    /**
     * Takes {@code block} as the output sample of the last command of the shell block right before it, when that
     * command shows none of its own and {@link OutputBlocks} says the block shows output. Below a script of several
     * commands it is what they print together, as far back as the script's first command (see
     * {@link Sample#earlierSteps()}); below a transcript, the last prompt's command alone printed it.
     */
    private boolean sampleOfTheStepBefore(Node.CodeBlock block) {
        PlannedBlock last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        // The planned block may be a reading of the written one (prompts, callouts): the same place tells it.
        if (last == null || blockBefore == null || !last.block().span().equals(blockBefore.span())
                || !block.span().file().equals(blockBefore.span().file()) // a sample's lines are in its step's file
                || !OutputBlocks.showOutput(block, sinceBlockBefore)) {
            return false;
        }
        Step step = last.steps().get(last.steps().size() - 1);
        if (!step.sample().isEmpty() || step.writesFile() || step.marks().background() != null) {
            return false;
        }
        boolean prompted = last.block().lines().stream().anyMatch(line -> Prompts.commandOffset(line) >= 0);
        List<String> lines = block.lines();
        int first = 0;
        while (lines.get(first).isBlank()) {
            first++;
        }
        int end = lines.size();
        while (lines.get(end - 1).isBlank()) {
            end--;
        }
        Step withSample = new Step(step.span(), step.lastLine(), step.kind(), step.command(),
                new Sample(lines.subList(first, end), block.lineOf(first), prompted ? 0 : last.steps().size() - 1),
                step.section(), step.marks());
        List<Step> steps = new ArrayList<>(last.steps());
        steps.set(steps.size() - 1, withSample);
        blocks.set(blocks.size() - 1, new PlannedBlock(last.block(), steps));
        return true;
    }

    /** A hint on how to mark a block that may be a file, unless a marker already says what it is. */
    private void hintIfAmbiguous(Node.CodeBlock block, Marks marks, FileTargets.Verdict target, String what) {
        if (target instanceof FileTargets.Verdict.Ambiguous a && marks.written().isEmpty()) {
            diagnostics.add(Diagnostic.warning(block.span(), what + ": " + a.why() + "; if the reader is to create"
                    + " a file from it, put `docproof: file NAME` in a comment right before it"));
        }
    }

    /** The markers between the previous block and this one, read into one set of marks. */
    private Marks markersBefore(Node.CodeBlock block) {
        Marks marks = Marks.NONE;
        SourceSpan end = block.span().atLine(block.lineOf(block.lines().size()));
        while (nextMarker < markers.size() && SourceSpan.DOCUMENT_ORDER.compare(markers.get(nextMarker).span(), end) < 0) {
            Marker m = markers.get(nextMarker++);
            if (SourceSpan.DOCUMENT_ORDER.compare(m.span(), block.span()) >= 0) {
                continue; // inside the block: content, not a marker
            }
            Markers.Parsed parsed = Markers.parse(m.text(), m.span());
            parsed.problem().ifPresent(diagnostics::add);
            marks = parsed.marks().over(marks); // a later marker says the last word
        }
        return marks;
    }

    private static Step fileStep(Node.CodeBlock block, String section, Marks marks) {
        SourceSpan span = block.span().at(block.lineOf(0), block.columnOf(0));
        int last = block.lineOf(Math.max(0, block.lines().size() - 1));
        return new Step(span, last, StepKind.RUN, FileWrites.command(marks.file(), block.lines()), Sample.NONE,
                section, marks);
    }
}
