package dev.docproof.plan;

import dev.docproof.lesson.Finding;
import dev.docproof.lesson.Plan;
import dev.docproof.read.LessonFiles;
import dev.docproof.shell.CliHelpFixtures;
import dev.docproof.shell.CliModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CommandFindingsTest {

    private static final Map<String, CliModel> CLIS = CliHelpFixtures.both();

    private static List<String> findings(String file) {
        Plan plan = Planner.plan(LessonFiles.read(Path.of(file)));
        return StaticFindings.of(plan, CLIS).stream().map(Finding::toString).toList();
    }

    @Test
    void eachWrongCommandIsFoundAtItsLineAndColumnWithEvidence() {
        String help = " (per the help of Docker version 28.2.2, build e6534b4)";
        assertThat(findings("src/test/resources/findings/lesson.rst")).containsExactly(
                "src/test/resources/findings/lesson.rst:5:21: warning: `docker network ls` has no option --filtr;"
                        + " did you mean --filter?" + help,
                "src/test/resources/findings/lesson.rst:14:6: note: template `docker network inspect --formatt"
                        + " '{{.Name}}' <network name>` is unverified: no runnable step of the lesson is an instance of it;"
                        + " it only reads, so a run binds it from evidence and runs it where it can",
                "src/test/resources/findings/lesson.rst:14:29: warning: `docker network inspect` has no option"
                        + " --formatt; did you mean --format?" + help,
                "src/test/resources/findings/lesson.rst:15:6: note: template `docker netwrk prune <options>` is"
                        + " unverified: no runnable step of the lesson is an instance of it",
                "src/test/resources/findings/lesson.rst:15:13: warning: `docker` has no command netwrk;"
                        + " did you mean docker network?" + help);
    }

    @Test
    void markdownProseAndBlocksAreFoundAtTheirColumns() {
        String help = " (per the help of Docker version 28.2.2, build e6534b4)";
        assertThat(findings("src/test/resources/findings/lesson.md")).containsExactly(
                "src/test/resources/findings/lesson.md:3:39: warning: `docker network ls` has no option --quite;"
                        + " did you mean --quiet?" + help,
                "src/test/resources/findings/lesson.md:7:10: warning: `docker` has no command imagez;"
                        + " did you mean docker images?" + help);
    }

    @Test
    void asciiDocProseLiteralsKnowTheirColumns(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path lesson = dir.resolve("lesson.adoc");
        Files.writeString(lesson, "= A lesson\n\nFirst line of prose.\nThen `docker ps --al` lists all.\n");

        Plan plan = Planner.plan(LessonFiles.read(lesson));

        assertThat(CommandFindings.of(plan, CLIS)).extracting(f -> f.span().line() + ":" + f.span().column())
                .containsExactly("4:17");
    }

    /** The mistakes the fixtures make on purpose, by file: where each finding stands. */
    private static final Map<String, List<String>> DELIBERATE = Map.of(
            "src/test/resources/findings/lesson.rst", List.of("5:21", "14:29", "15:13"),
            "src/test/resources/findings/lesson.md", List.of("3:39", "7:10"));

    /**
     * Every command of every lesson and fixture in the repository, README.md included (code blocks, templates,
     * prose): the checker
     * finds exactly the deliberate mistakes and nothing else.
     */
    @Test
    void noCorrectCommandInAnyLessonIsFlagged() throws IOException {
        List<Path> lessons;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("content")), Files.walk(Path.of("src/test/resources")))) {
            lessons = Stream.concat(Stream.of(Path.of("README.md")),
                    files.filter(p -> p.toString().matches(".*\\.(rst|md|adoc)$")).sorted()).toList();
        }
        assertThat(lessons).hasSizeGreaterThan(20);
        int commands = 0;
        for (Path lesson : lessons) {
            Plan plan = Planner.plan(LessonFiles.read(lesson));
            commands += plan.steps().size();
            assertThat(CommandFindings.of(plan, CLIS)).as(lesson.toString())
                    .extracting(f -> f.span().line() + ":" + f.span().column())
                    .containsExactlyElementsOf(DELIBERATE.getOrDefault(lesson.toString(), List.of()));
        }
        assertThat(commands).as("steps checked").isGreaterThan(100);
    }
}
