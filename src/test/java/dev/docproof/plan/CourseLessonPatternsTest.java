package dev.docproof.plan;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Marks;
import dev.docproof.lesson.Need;
import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** How lessons as courses write them are planned: files to create, markers, data blocks, narration. */
class CourseLessonPatternsTest {

    @TempDir
    Path dir;

    private Plan plan(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return Planner.plan(LessonFiles.read(file));
    }

    @Test
    void sphinxPromptBlocksAreCommandsOrTranscripts() throws IOException {
        Plan plan = plan("a.rst", """
                .. prompt:: bash $

                   docker volume create data
                   docker run --rm -v data:/data \\
                     launchcodedevops/simple-client ls /data

                .. prompt:: bash $ auto

                   $ docker volume ls -q
                   data

                .. prompt::
                   :language: python
                   :prompts: >>>

                   print("not shell")
                """);

        assertThat(plan.steps()).extracting(Step::line, s -> s.span().column(), Step::command).containsExactly(
                tuple(3, 4, "docker volume create data"),
                tuple(4, 4, "docker run --rm -v data:/data \\\n  launchcodedevops/simple-client ls /data"),
                tuple(9, 6, "docker volume ls -q"));
        assertThat(plan.steps().get(2).sample().lines()).containsExactly("data");
        assertThat(plan.lesson().diagnostics()).isEmpty();
    }

    @Test
    void aParsedLiteralRunsWhatItShowsWithItsSubstitutionsApplied() throws IOException {
        Plan plan = plan("a.rst", """
                .. |tag| replace:: 1.4

                .. parsed-literal::

                   $ echo image:\\ |tag| *not emphasis in the shell*
                   image:1.4 not emphasis in the shell
                """);

        assertThat(plan.steps()).extracting(Step::line, Step::command).containsExactly(
                tuple(5, "echo image:1.4 not emphasis in the shell"));
        assertThat(plan.steps().get(0).sample().lines()).containsExactly("image:1.4 not emphasis in the shell");
        assertThat(plan.lesson().diagnostics()).isEmpty();
    }

    @Test
    void rstBlockWhoseCaptionIsAFileNameIsWrittenToThatFile() throws IOException {
        Plan plan = plan("a.rst", """
                Build
                =====

                .. code-block:: docker
                   :caption: Dockerfile

                   FROM docproof/bookworm-minbase:1
                   CMD ["echo", "hi"]

                .. code-block:: bash

                   $ docker build --tag my-app .
                """);

        List<Step> steps = plan.steps();
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).marks().file()).isEqualTo("Dockerfile");
        assertThat(steps.get(0).line()).isEqualTo(7);
        assertThat(steps.get(0).command()).isEqualTo("cat > Dockerfile <<'DOCPROOF_EOF'\nFROM docproof/bookworm-minbase:1\n"
                + "CMD [\"echo\", \"hi\"]\nDOCPROOF_EOF");
        assertThat(steps.get(1).writesFile()).isFalse();
    }

    @Test
    void markdownSentenceBeforeTheBlockNamesTheFile() throws IOException {
        Plan plan = plan("a.md", """
                # App

                Paste this into `docker-compose.yml`:

                ```yaml
                services:
                  web:
                    image: my-app
                ```
                """);

        assertThat(plan.steps()).extracting(s -> s.marks().file(), Step::line)
                .containsExactly(tuple("docker-compose.yml", 6));
    }

    @Test
    void aSentenceNamingAFileWithoutTellingToPutTheBlockThereStaysProseWithAHint() throws IOException {
        Plan plan = plan("a.md", """
                # App

                The `docker-compose.yml` file looks like this:

                ```yaml
                services: {}
                ```
                """);

        assertThat(plan.steps()).isEmpty();
        assertThat(plan.diagnostics()).extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("docproof: file NAME") && m.contains("docker-compose.yml"));
    }

    @Test
    void asciidocMarkersAreReadFromTheSourceThoughAsciidoctorDropsComments() throws IOException {
        Plan plan = plan("a.adoc", """
                = Lesson

                // docproof: file app/settings.ini
                [source,ini]
                ----
                [server]
                port = 8080
                ----

                // docproof: skip needs a cluster
                [source,console]
                ----
                $ kubectl get pods
                // docproof: this line is content, not a marker
                ----
                """);

        assertThat(plan.steps()).extracting(s -> s.marks().file(), s -> s.marks().skip())
                .containsExactly(tuple("app/settings.ini", null), tuple(null, "needs a cluster"));
        assertThat(plan.steps().get(0).command()).startsWith("mkdir -p app && cat > app/settings.ini <<'DOCPROOF_EOF'");
    }

    @Test
    void rstMarkersSetWhatTheyNameForTheNextBlockOnly() throws IOException {
        Plan plan = plan("a.rst", """
                Title
                =====

                .. docproof: expect-exit 1
                .. docproof: timeout 2m
                .. docproof: background ready: curl -fs localhost:8000
                .. docproof: needs: registry, brew
                .. docproof: env GREETING=hello
                .. docproof: output: ignore

                .. code-block:: console

                   $ python3 -m http.server 8000

                .. code-block:: console

                   $ echo after
                """);

        Marks first = plan.steps().get(0).marks();
        assertThat(first.expectExit()).isEqualTo(1);
        assertThat(first.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(first.background()).isEqualTo(new Marks.Background("curl -fs localhost:8000"));
        assertThat(first.needs()).containsExactly(new Need(Need.Kind.REGISTRY, null), new Need(Need.Kind.PROGRAM, "brew"));
        assertThat(first.env()).isEqualTo(Map.of("GREETING", "hello"));
        assertThat(first.ignoreOutput()).isTrue();
        assertThat(first.written()).containsExactly("4: expect-exit 1", "5: timeout 2m",
                "6: background ready: curl -fs localhost:8000", "7: needs: registry, brew", "8: env GREETING=hello",
                "9: output: ignore");
        assertThat(plan.steps().get(1).marks()).isEqualTo(Marks.NONE);
    }

    @Test
    void aMarkerBeforeALiteralIncludeAppliesToTheIncludedBlockNotToTheNextOne() throws IOException {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/Dockerfile"), "FROM launchcodedevops/simple-http\nCMD [\"echo\", \"hi\"]\n");
        Plan plan = plan("a.rst", """
                Build the image shipped beside this lesson
                ==========================================

                .. docproof: file app/Dockerfile

                .. literalinclude:: app/Dockerfile

                .. docproof: timeout 2m

                .. code-block:: console

                   $ docker build -t app ./app
                """);

        assertThat(plan.steps()).extracting(Step::command, s -> s.marks().file(), s -> s.marks().timeout()).containsExactly(
                tuple("mkdir -p app && cat > app/Dockerfile <<'DOCPROOF_EOF'\nFROM launchcodedevops/simple-http\n"
                        + "CMD [\"echo\", \"hi\"]\nDOCPROOF_EOF", "app/Dockerfile", null),
                tuple("docker build -t app ./app", null, Duration.ofMinutes(2)));
        assertThat(plan.diagnostics()).isEmpty();
    }

    @Test
    void aMarkerWhoseValueNoStepCouldHaveIsAWarningAtItsLineAndTheLessonIsStillPlanned() throws IOException {
        Plan plan = plan("a.md", """
                # T

                <!-- docproof: timeout 99999999999999999999 -->
                ```console
                $ echo a
                ```

                <!-- docproof: timeout 3000000h -->
                ```console
                $ echo b
                ```

                <!-- docproof: expect-exit 300 -->
                ```console
                $ echo c
                ```
                """);

        assertThat(plan.steps()).extracting(Step::command, s -> s.marks().timeout(), s -> s.marks().expectExit())
                .containsExactly(tuple("echo a", null, null), tuple("echo b", null, null), tuple("echo c", null, null));
        assertThat(plan.diagnostics()).extracting(d -> d.span().line(), Diagnostic::message).containsExactly(
                tuple(3, "`docproof: timeout` needs a duration such as 90, 30s or 2m: '99999999999999999999' is not a"
                        + " duration (try 90, 30s, 2m or 500ms)"),
                tuple(8, "`docproof: timeout` needs a duration such as 90, 30s or 2m: '3000000h' is longer than a step"
                        + " may run: give at most 24h"),
                tuple(13, "`docproof: expect-exit` needs an exit code from 0 to 255, e.g. `expect-exit 1`"));
    }

    @Test
    void markdownCommentMarkerSkipsTheNextBlock() throws IOException {
        Plan plan = plan("a.md", """
                # T

                <!-- docproof: skip installs Homebrew -->
                ```console
                $ brew install jq
                ```
                """);

        assertThat(plan.steps()).extracting(s -> s.marks().skip()).containsExactly("installs Homebrew");
    }

    @Test
    void unknownMarkerIsAWarningAtItsLine() throws IOException {
        Plan plan = plan("a.rst", """
                T
                =

                .. docproof: sometimes

                .. code-block:: console

                   $ echo hi
                """);

        assertThat(plan.diagnostics()).extracting(d -> d.span().line(), Diagnostic::severity)
                .contains(tuple(4, Diagnostic.Severity.WARNING));
        assertThat(plan.diagnostics()).extracting(Diagnostic::message).anyMatch(m -> m.contains("unknown docproof marker"));
    }

    @Test
    void envFileInAPromptlessBashBlockIsDataNotCommands() throws IOException {
        Plan plan = plan("a.md", """
                # T

                ```bash
                DB_HOST=postgres
                DB_PORT=5432
                ```

                ```bash
                [Unit]
                Description=web
                [Service]
                ExecStart=/usr/bin/web
                ```

                ```bash
                docker network ls
                echo done
                ```
                """);

        assertThat(plan.steps()).extracting(Step::command).containsExactly("docker network ls", "echo done");
    }

    @Test
    void envFileBlockAfterCreateSentenceIsWrittenToThatFile() throws IOException {
        Plan plan = plan("a.md", """
                # T

                Create a file named `.env` with:

                ```bash
                DB_HOST=postgres
                ```
                """);

        assertThat(plan.steps()).extracting(s -> s.marks().file()).containsExactly(".env");
    }

    @Test
    void parenthesisedLineBeforeAPromptIsNarrationNotOutput() throws IOException {
        Plan plan = plan("a.md", """
                # T

                ```console
                $ docker build -t app .
                Successfully built 1a2b3c4d5e6f
                (this may take a few minutes)
                $ docker images
                ```
                """);

        assertThat(plan.steps().get(0).sample().lines()).containsExactly("Successfully built 1a2b3c4d5e6f");
        assertThat(plan.diagnostics()).noneMatch(d -> d.message().contains("output with no command"));
    }

    @Test
    void narrationBeforeTheFirstPromptIsNoOrphanOutput() throws IOException {
        Plan plan = plan("a.md", """
                # T

                ```console
                (from the project folder)
                $ ls
                ```
                """);

        assertThat(plan.diagnostics()).noneMatch(d -> d.message().contains("output with no command"));
    }
}
