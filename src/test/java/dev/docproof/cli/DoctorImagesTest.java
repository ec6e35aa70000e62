package dev.docproof.cli;

import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The images doctor checks a lesson needs: what it runs, less what it makes itself before running it. */
class DoctorImagesTest {

    @TempDir
    Path dir;

    @Test
    void anImageTheLessonBuildsBeforeRunningItIsNotNeededFromTheEngine() throws Exception {
        Path lesson = Files.writeString(dir.resolve("build.md"), """
                # Build

                ```console
                $ docker run --rm myapp:latest echo too early
                $ docker build -t myapp .
                $ docker run -d --name server -p 8080:8080 myapp
                $ docker tag myapp me/myapp:1
                $ docker run --rm me/myapp:1 true
                $ docker run --rm launchcodedevops/simple-client true
                ```
                """);

        var needed = DoctorCommand.neededImages(Planner.plan(LessonFiles.read(lesson)));

        assertThat(needed).extracting(use -> use.image().canonical() + " " + use.where()).containsExactly(
                "myapp:latest " + lesson + ":4", "launchcodedevops/simple-client:latest " + lesson + ":9");
    }
}
