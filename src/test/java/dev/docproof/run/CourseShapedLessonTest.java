package dev.docproof.run;

import dev.docproof.docker.LedgerTestEngine;
import dev.docproof.shell.ResourceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.docproof.docker.LedgerTestEngine.docker;
import static org.assertj.core.api.Assertions.assertThat;

/** The course lesson's commands, with unique names, through the runner on the real engine and images. */
class CourseShapedLessonTest {

    private final CourseShapedLesson lesson = new CourseShapedLesson();

    @AfterEach
    void removeWhatTheTestMayHaveLeft() {
        LedgerTestEngine.removeQuietly("rm", "-f", lesson.server, lesson.client);
        LedgerTestEngine.removeQuietly("network", "rm", lesson.network, lesson.myNetwork);
    }

    @Test
    void theCourseCommandsPassTheNamelessRemovalIsRepairedAndTheLeftoversAreRemoved() {
        LessonResult result = CourseRunner.run(List.of(lesson.plan()),
                new RunSettings(Duration.ofSeconds(60), false, true, Path.of("content")), RunListener.NONE,
                lesson.collaborators()).lessons().get(0);

        assertThat(result.setupError()).isNull();
        for (StepResult r : result.steps()) {
            Status expected = r.step().line() == 262 ? Status.REPAIRED
                    : r.step().sample().isEmpty() ? Status.RAN : Status.PASSED;
            assertThat(r.status()).as("line %d: %s%n%s", r.step().line(), r.outcome().describe(), r.output().merged())
                    .isEqualTo(expected);
        }
        StepResult curl = result.steps().stream().filter(r -> r.step().line() == 241).findFirst().orElseThrow();
        assertThat(curl.output().stdout()).isEqualTo("using container aliases works!\n");
        assertThat(curl.output().stderr()).contains("> GET /message HTTP/1.1");
        assertThat(result.leaks()).containsExactly(
                new Leak(ResourceKind.CONTAINER, lesson.client, 221, true),
                new Leak(ResourceKind.NETWORK, lesson.myNetwork, 152, true));
        assertThat(result.ledger()).anySatisfy(e -> {
            assertThat(e.resource().name()).isEqualTo(lesson.server);
            assertThat(e.createdAtLine()).isEqualTo(211);
            assertThat(e.removedAtLine()).isEqualTo(259);
        });
        assertThat(docker("ps", "-aq", "--filter", "name=" + lesson.suffix)).isEmpty();
        assertThat(docker("network", "ls", "-q", "--filter", "name=" + lesson.suffix)).isEmpty();
        assertThat(Files.exists(Path.of(lesson.folder))).isFalse();
    }
}
