package dev.docproof.report;

import dev.docproof.lesson.Durations;
import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;
import dev.docproof.run.CourseResult;
import dev.docproof.run.LessonResult;
import dev.docproof.run.Leak;
import dev.docproof.run.Outcome;
import dev.docproof.run.RunListener;
import dev.docproof.run.Status;
import dev.docproof.run.StepResult;
import dev.docproof.verify.MatchResult;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The report a person reads while a run goes on. On a terminal a live progress line
 * ({@code [12/16] content/x.rst:241 docker exec client curl… 1.2s}) is redrawn in place and cleared before
 * each final line; elsewhere (CI logs, files) only final lines are written. Colours only when asked for and
 * on a terminal. Thread-safe: {@link #tick()} may come from a timer while the run reports from its own thread.
 */
public final class ConsoleReport implements RunListener {

    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String DIM = "\u001b[2m";
    private static final String BOLD_RED = "\u001b[1;31m";
    /** The only escape sequences the report lets through: its own colours. */
    private static final List<String> OWN_CODES = List.of(RESET, RED, GREEN, YELLOW, CYAN, DIM, BOLD_RED);

    private final PrintWriter out;
    private final boolean terminal;
    private final boolean color;
    private final int width;
    private final LongSupplier nanoClock;

    private int runnable;
    private int started;
    private Step current;
    /** The lessons running at once (several with --jobs), to name the others beside the current step. */
    private List<Path> running = List.of();
    private long currentSince;
    private String currentMessage;
    private int drawn;

    public ConsoleReport(PrintWriter out, boolean terminal, boolean color) {
        this(out, terminal, color, 80, System::nanoTime);
    }

    /**
     * @param width     the terminal's width; the progress line never wraps past it
     * @param nanoClock the time source for the elapsed time on the progress line
     */
    public ConsoleReport(PrintWriter out, boolean terminal, boolean color, int width, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.color = color && terminal;
        this.width = Math.max(20, width);
        this.nanoClock = nanoClock;
    }

    /**
     * Writes a finished run (a merge of shards) as a live run writes it: each lesson's lines, then the findings
     * made after the run, then the course summary.
     */
    public synchronized void report(CourseResult course) {
        for (LessonResult lesson : course.lessons()) {
            lessonStarted(lesson.plan());
            lesson.steps().forEach(this::stepFinished);
            lessonFinished(lesson);
        }
        course.lessons().forEach(this::findings);
        courseFinished(course);
    }

    @Override
    public synchronized void lessonStarted(Plan plan) {
        runnable = (int) plan.steps().stream().filter(s -> s.kind() == StepKind.RUN).count();
        started = 0;
    }

    @Override
    public synchronized void stepStarted(Step step) {
        if (step.kind() == StepKind.RUN) {
            started++;
        }
        current = step;
        currentMessage = null;
        currentSince = nanoClock.getAsLong();
        redraw();
    }

    /** On a terminal, the progress line also names the other lessons running at once. */
    @Override
    public synchronized void lessonsRunning(List<Path> lessons) {
        running = List.copyOf(lessons);
        redraw();
    }

    @Override
    public synchronized void setupProgress(String message) {
        if (terminal) {
            current = null;
            currentMessage = message;
            redraw();
        } else {
            line(message);
        }
    }

    @Override
    public synchronized void notice(String message) {
        current = null;
        currentMessage = null;
        line("docproof: " + message);
    }

    /** Redraws the progress line with the time elapsed so far; nothing happens off a terminal. */
    public synchronized void tick() {
        redraw();
    }

    @Override
    public synchronized void stepFinished(StepResult result) {
        current = null;
        currentMessage = null;
        Step step = result.step();
        line(Texts.where(step) + ": " + paint(statusColor(result.status()), String.format("%-8s", result.status().jsonName()))
                + " " + Texts.oneLine(step.command()));
        MatchResult match = result.match();
        if (match != null) {
            match.drift().forEach(d -> line("  " + paint(DIM, "drift: " + d)));
            match.abridged().forEach(a -> line("  " + paint(YELLOW, "abridged:") + " " + a));
        }
        Outcome outcome = result.outcome();
        if (outcome instanceof Outcome.Failed) {
            failure(result);
        } else if (outcome instanceof Outcome.Repaired) {
            line(paint(YELLOW, "warning:") + " " + Texts.repairAdvice(result));
        } else if (outcome instanceof Outcome.Skipped || outcome instanceof Outcome.Bound
                || outcome instanceof Outcome.Written || outcome instanceof Outcome.Started
                || outcome instanceof Outcome.NotRun n && n.cutOff()) {
            indented("", outcome.describe());
        }
        result.notes().forEach(n -> indented("note: ", n.describe()));
    }

    @Override
    public synchronized void lessonFinished(LessonResult result) {
        String source = String.valueOf(result.plan().lesson().source());
        result.diagnostics().forEach(d -> line(d.toString()));
        if (result.setupError() != null) {
            line(source + ": " + paint(BOLD_RED, "could not run the lesson:") + " " + result.setupError());
        }
        for (Leak leak : result.leaks()) {
            line(source + ":" + leak.line() + ": " + paint(YELLOW, "leaked " + leak.kind().jsonName() + " " + leak.name())
                    + (leak.removed() ? " (removed after the lesson)" : " (still present: it could not be removed)"));
        }
        Summary summary = Summary.of(result);
        line(source + ": " + paint(summary.tally().failed() > 0 || result.setupError() != null ? RED : GREEN, summary.describe()));
    }

    /** A lesson's findings, each a {@code file:line:column: warning:} line; notes only count. */
    public synchronized void findings(LessonResult result) {
        long notes = 0;
        for (Finding finding : result.findings()) {
            if (finding.severity() == Finding.Severity.WARNING) {
                line(finding.span() + ": " + paint(YELLOW, "warning:") + " " + finding.text()
                        + finding.evidence().map(e -> " (" + e + ")").orElse(""));
            } else {
                notes++;
            }
        }
        if (notes > 0) {
            line(result.plan().lesson().source() + ": " + notes + (notes == 1 ? " template" : " templates")
                    + " unverified: no runnable step is an instance (`docproof plan` lists them)");
        }
    }

    /** The last line: the whole course. */
    public synchronized void courseFinished(CourseResult course) {
        Summary summary = Summary.of(course);
        int lessons = course.lessons().size();
        boolean bad = summary.tally().failed() > 0 || course.lessons().stream().anyMatch(l -> l.setupError() != null);
        line(paint(bad ? RED : GREEN, "course: " + summary.describe()) + " (" + lessons + (lessons == 1 ? " lesson" : " lessons")
                + (course.engineVersion() == null ? "" : ", Docker engine " + course.engineVersion()) + ")");
    }

    private void failure(StepResult result) {
        line("  " + paint(RED, result.outcome().describe()));
        String merged = result.output().merged();
        List<String> tail = Texts.tail(merged, Texts.TAIL_LINES);
        if (!tail.isEmpty()) {
            int total = Texts.lineCount(merged);
            line("  output" + (tail.size() < total ? " (last " + tail.size() + " of " + total + " lines)" : "") + ":");
            tail.forEach(l -> line("  | " + l));
        }
        if (result.match() != null && result.match().diff() != null) {
            line("  diff:");
            for (String d : result.match().diff().split("\n")) {
                line("  " + paint(diffColor(d), d));
            }
        }
    }

    private void indented(String label, String text) {
        String[] lines = text.split("\n", -1);
        line("  " + label + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            line("  " + " ".repeat(label.length()) + lines[i]);
        }
    }

    /** A final line: the progress line is cleared first and drawn again after it. */
    private void line(String text) {
        clear();
        out.println(Texts.visible(text, color ? OWN_CODES : List.of()));
        redraw();
    }

    private void clear() {
        if (drawn > 0) {
            out.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
    }

    private void redraw() {
        if (!terminal || (current == null && currentMessage == null)) {
            out.flush();
            return;
        }
        String text;
        if (current != null) {
            String others = running.stream().filter(p -> !p.equals(current.span().file()))
                    .map(p -> String.valueOf(p.getFileName())).collect(java.util.stream.Collectors.joining(", "));
            String elapsed = " " + Durations.format(Duration.ofNanos(nanoClock.getAsLong() - currentSince))
                    + (others.isEmpty() ? "" : " | also running: " + others);
            String head = (current.kind() == StepKind.RUN ? "[" + started + "/" + runnable + "] " : "")
                    + Texts.where(current) + " ";
            text = head + Texts.shorten(Texts.oneLine(current.command()), width - 1 - head.length() - elapsed.length()) + elapsed;
        } else {
            text = Texts.shorten(currentMessage, width - 1);
        }
        text = Texts.visible(text, List.of());
        out.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
        drawn = Math.max(text.length(), drawn);
        out.flush();
    }

    private String paint(String code, String text) {
        return color && !code.isEmpty() ? code + text + RESET : text;
    }

    private static String statusColor(Status status) {
        return switch (status) {
            case PASSED -> GREEN;
            case RAN -> CYAN;
            case FAILED -> BOLD_RED;
            case REPAIRED, BOUND, SKIPPED -> YELLOW;
            case NOT_RUN -> DIM;
        };
    }

    private static String diffColor(String diffLine) {
        if (diffLine.startsWith("---") || diffLine.startsWith("+++")) {
            return DIM;
        }
        if (diffLine.startsWith("@@")) {
            return CYAN;
        }
        return diffLine.startsWith("-") ? RED : diffLine.startsWith("+") ? GREEN : "";
    }
}
