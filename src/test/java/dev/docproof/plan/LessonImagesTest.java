package dev.docproof.plan;

import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LessonImagesTest {

    @TempDir
    Path dir;

    /** What a lesson reads of the engine's images, less what it made itself first and what it only shows. */
    @Test
    void theImagesALessonNamesAreThoseItDoesNotMakeFirst() throws Exception {
        Path lesson = Files.writeString(dir.resolve("images.md"), """
                # Images

                ```console
                $ docker tag launchcodedevops/simple-client my-client:v1
                $ docker history my-client:v1
                $ docker build -t app .
                $ docker image inspect app launchcodedevops/simple-http
                $ docker rmi <image>
                ```
                """);

        var named = LessonImages.named(Planner.plan(LessonFiles.read(lesson)));

        assertThat(named).extracting(LessonImages.Use::image)
                .containsExactly("launchcodedevops/simple-client", "launchcodedevops/simple-http");
        assertThat(named).extracting(use -> use.step().line()).containsExactly(4, 7);
    }
}
