package dev.docproof.run;

import dev.docproof.docker.LedgerTestEngine;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.Node;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.PlannedBlock;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A lesson that creates a network and then hangs, for the test that interrupts it. Args: NETWORK. */
public final class InterruptedLessonMain {

    private InterruptedLessonMain() {}

    public static void main(String[] args) {
        Path file = Path.of("interrupted.rst");
        Step create = new Step(new SourceSpan(file, 10, 3), 10, StepKind.RUN, "docker network create " + args[0],
                Sample.NONE, "");
        Step hang = new Step(new SourceSpan(file, 12, 3), 12, StepKind.RUN, "sleep 300", Sample.NONE, "");
        Plan plan = new Plan(new Lesson(file, Lesson.Format.RST, "", List.of(), List.of()),
                List.of(new PlannedBlock(new Node.CodeBlock(new SourceSpan(file, 9, 1), "bash", Map.of(), List.of(), 10),
                        List.of(create, hang))), List.of());
        String version = LedgerTestEngine.client().versionCmd().exec().getVersion();
        CourseRunner.Collaborators with = new CourseRunner.Collaborators(
                l -> new CourseRunner.EngineLink(version, dev.docproof.testsupport.TestEngine.ready(), () -> { }),
                (sample, f, merged, out, err) -> { throw new IllegalStateException("no sample expected"); },
                (step, output, ledger) -> { throw new IllegalStateException("no repair expected"); });
        RunListener announce = new RunListener() {
            @Override
            public void stepStarted(Step step) {
                System.out.println("started " + step.line());
                System.out.flush();
            }
        };
        CourseRunner.run(List.of(plan), new RunSettings(Duration.ofSeconds(600), false, false, Path.of("content")),
                announce, with);
    }
}
