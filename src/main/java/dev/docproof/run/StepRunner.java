package dev.docproof.run;

import dev.docproof.docker.Ledger;
import dev.docproof.lesson.Step;
import dev.docproof.shell.ShellWords;
import dev.docproof.verify.MatchResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a command for a step in the lesson's session, tells the ledger what it did, and judges it: the one
 * way both a step and its repair are run.
 */
final class StepRunner {

    /** One command run for a step: the shell's account, its outcome, and a note when the ledger was blind. */
    /** One run of a command: what it did, its outcome, and a note about it or null. */
    record Attempt(ShellSession.Execution execution, Outcome outcome, Note note) {}

    private static final Duration ENV = Duration.ofSeconds(5);

    private final ShellSession session;
    private final Ledger ledger;
    private final RunSettings settings;
    private final CourseRunner.SampleMatcher matcher;
    private final Path lessonFile;

    StepRunner(ShellSession session, Ledger ledger, RunSettings settings, CourseRunner.SampleMatcher matcher,
               Path lessonFile) {
        this.session = session;
        this.ledger = ledger;
        this.settings = settings;
        this.matcher = matcher;
        this.lessonFile = lessonFile;
    }

    Attempt run(Step step, String command) {
        ledger.stepStarted(step.line(), step.section());
        Map<String, String> env = step.marks().env();
        if (!env.isEmpty()) {
            // The variables are the step's own: what they were before is put back after it.
            session.run("__dp_env_saved=$(declare -p " + String.join(" ", env.keySet()) + " 2>/dev/null); export "
                    + env.entrySet().stream().map(v -> v.getKey() + "=" + ShellWords.quote(v.getValue()))
                    .collect(Collectors.joining(" ")), ENV);
        }
        ShellSession.Execution e = session.run(command, deadline(step));
        if (!env.isEmpty()) {
            session.run("unset " + String.join(" ", env.keySet()) + "; eval \"$__dp_env_saved\"; unset __dp_env_saved", ENV);
        }
        MatchResult match = null;
        if (!e.timedOut() && Verdicts.exitedAsExpected(step, e.exitCode()) && !step.sample().isEmpty()
                && !step.marks().ignoreOutput()) {
            match = matcher.match(step.sample(), lessonFile, e.output().merged(), e.output().stdout(), e.output().stderr());
        }
        Outcome outcome = Verdicts.outcome(step, e, match, deadline(step));
        return new Attempt(e, outcome, Verdicts.failureShown(step, e, outcome, () -> matcher.match(step.sample(),
                lessonFile, e.output().merged(), e.output().stdout(), e.output().stderr())));
    }

    /** The step's own deadline (a marker, the course config), else the run's. */
    Duration deadline(Step step) {
        return step.marks().timeout() != null ? step.marks().timeout() : settings.stepTimeout();
    }
}
