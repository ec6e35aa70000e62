package dev.docproof.plan;

import dev.docproof.lesson.Step;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CalloutsTest {

    @Test
    void calloutMarkersAtTheEndOfALineAreFound() {
        assertThat(Callouts.strip("docker volume create data <1>")).isEqualTo("docker volume create data");
        assertThat(Callouts.strip("docker ps # <2>")).isEqualTo("docker ps");
        assertThat(Callouts.strip("curl localhost // <3> <4>")).isEqualTo("curl localhost");
        assertThat(Callouts.strip("echo hi <!--5-->")).isEqualTo("echo hi");
        assertThat(Callouts.strip("ls <.>")).isEqualTo("ls");
        assertThat(Callouts.trailing("docker run <1>  ")).isEqualTo(" <1>  ");
    }

    @Test
    void textThatOnlyLooksLikeACalloutIsKept() {
        assertThat(Callouts.strip("echo \"<1>\"")).isEqualTo("echo \"<1>\"");
        assertThat(Callouts.strip("sort <input.txt")).isEqualTo("sort <input.txt");
        assertThat(Callouts.strip("cat <1>x")).isEqualTo("cat <1>x");
    }

    /** An AsciiDoc lesson's commands are planned without their callouts; another format's are as written. */
    @Test
    void asciiDocCommandsArePlannedWithoutTheirCallouts(@TempDir Path dir) throws IOException {
        String block = "[source,bash]\n----\ndocker volume create data <1>\n----\n<1> Makes it.\n";
        Path adoc = dir.resolve("lesson.adoc");
        Files.writeString(adoc, "= Lesson\n\n" + block);
        Path md = dir.resolve("lesson.md");
        Files.writeString(md, "# Lesson\n\n```bash\ndocker volume create data <1>\n```\n");

        assertThat(Planner.plan(LessonFiles.read(adoc)).steps()).extracting(Step::line, Step::command)
                .containsExactly(tuple(5, "docker volume create data"));
        assertThat(Planner.plan(LessonFiles.read(md)).steps()).extracting(Step::command)
                .containsExactly("docker volume create data <1>");
    }
}
