package dev.docproof.run;

import dev.docproof.lesson.CourseFile;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images a lesson's own Dockerfiles build from and its Compose files run, which a sandbox must hold for the build
 * or the services to start.
 */
class FileImagesTest {

    @TempDir
    Path dir;

    @Test
    void theDockerfileALessonWritesNamesTheImageItBuildsFrom() {
        var plan = Planner.plan(LessonFiles.read(Path.of("src/test/resources/courselessons/build-and-bind.rst")));
        assertThat(CourseRunner.fileImages(plan)).containsExactly("docproof/bookworm-minbase:1");
    }

    @Test
    void aFromLineInAnOrdinaryCommandOrALaterStageIsNoBase() throws Exception {
        Path lesson = Files.writeString(dir.resolve("x.md"), """
                # Stages

                Put this into `Dockerfile`:

                ```docker
                FROM docproof/bookworm-minbase:1 AS build
                FROM build
                ```

                ```console
                $ echo 'FROM alpine:3'
                FROM alpine:3
                ```
                """);
        var plan = Planner.plan(LessonFiles.read(lesson));
        assertThat(CourseRunner.fileImages(plan)).containsExactly("docproof/bookworm-minbase:1");
    }

    @Test
    void aDockerfileWrittenByAHereDocumentOrPipedIntoTheBuildNamesItsBase() throws Exception {
        Path lesson = Files.writeString(dir.resolve("heredoc.md"), """
                # Here-documents

                ```console
                $ mkdir app && cd app
                $ cat > Dockerfile <<'EOF'
                FROM launchcodedevops/simple-http
                COPY site/ /var/www/
                EOF
                $ docker build -t myapp .
                $ docker build -t other - <<EOF
                FROM docproof/bookworm-minbase:1 AS base
                FROM base
                EOF
                ```
                """);
        var plan = Planner.plan(LessonFiles.read(lesson));
        assertThat(CourseRunner.fileImages(plan))
                .containsExactly("launchcodedevops/simple-http:latest", "docproof/bookworm-minbase:1");
    }

    @Test
    void aDockerfileEchoedOrPrintedIntoAFileNamesItsBaseButOneEchoedToTheScreenDoesNot() throws Exception {
        Path lesson = Files.writeString(dir.resolve("printf.md"), """
                # Printed

                ```console
                $ printf 'FROM launchcodedevops/simple-http\\nCOPY . /var/www/\\n' > Dockerfile
                $ echo -e "FROM docproof/bookworm-minbase:1\\nRUN true" >> Dockerfile.dev
                $ echo 'FROM alpine:3'
                FROM alpine:3
                ```
                """);
        var plan = Planner.plan(LessonFiles.read(lesson));
        assertThat(CourseRunner.fileImages(plan))
                .containsExactly("launchcodedevops/simple-http:latest", "docproof/bookworm-minbase:1");
    }

    @Test
    void theServicesOfAComposeFileTheLessonWritesNameTheirImagesButAVariableNamesNone() throws Exception {
        Path lesson = Files.writeString(dir.resolve("compose.md"), """
                # Compose

                Put this into `compose.yaml`:

                ```yaml
                services:
                  web:
                    image: "launchcodedevops/simple-http"   # the server
                    ports: ["8080:8080"]
                  client:
                    image: launchcodedevops/simple-client:latest
                  other:
                    image: ${REGISTRY}/app
                ```

                ```console
                $ docker compose up -d
                ```
                """);
        var plan = Planner.plan(LessonFiles.read(lesson));
        assertThat(CourseRunner.fileImages(plan))
                .containsExactly("launchcodedevops/simple-http:latest", "launchcodedevops/simple-client:latest");
    }

    @Test
    void theDockerfilesAndComposeFilesOfTheCoursesFilesNameImagesTooButNotThoseInHiddenFolders() throws Exception {
        Files.createDirectories(dir.resolve("app/.git"));
        Files.writeString(dir.resolve("app/Dockerfile"), "FROM docproof/bookworm-minbase:1\n");
        Files.writeString(dir.resolve("app/compose.yaml"), "services:\n  web:\n    image: launchcodedevops/simple-http\n");
        Files.writeString(dir.resolve("app/.git/Dockerfile"), "FROM hidden:1\n");
        Files.writeString(dir.resolve("app/notes.txt"), "FROM notes:1\n");
        Files.writeString(dir.resolve("Dockerfile.dev"), "FROM alpine:3.19\n");
        var plan = new dev.docproof.lesson.Plan(LessonFiles.read(Files.writeString(dir.resolve("x.md"), "# X\n")), List.of(),
                List.of(), List.of(new CourseFile(dir.resolve("app"), "."), new CourseFile(dir.resolve("Dockerfile.dev"), ".")));

        assertThat(CourseRunner.fileImages(plan)).containsExactlyInAnyOrder("docproof/bookworm-minbase:1",
                "launchcodedevops/simple-http:latest", "alpine:3.19");
    }
}
