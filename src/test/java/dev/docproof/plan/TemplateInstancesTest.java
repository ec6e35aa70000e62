package dev.docproof.plan;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Step;
import dev.docproof.read.LessonFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateInstancesTest {

    @Test
    void aPlaceholderStandsForOneWordOrMore() {
        assertThat(TemplateInstances.matches("docker network inspect <network name>",
                "docker network inspect networking-test")).isTrue();
        assertThat(TemplateInstances.matches("docker network connect <network> <container>",
                "docker network connect net")).isFalse();
        assertThat(TemplateInstances.matches("echo <words>", "echo two words")).isTrue();
        assertThat(TemplateInstances.matches("docker network inspect <network name>",
                "docker network ls")).isFalse();
    }

    @Test
    void optionsMayComeInAnyOrderAndAnElisionTakesTheRest() {
        assertThat(TemplateInstances.matches("docker run --network <network name> ...",
                "docker run -d --rm --name server --network networking-test -v /a:/b:ro some/image")).isTrue();
        assertThat(TemplateInstances.matches("docker run --name <name> --network <net> <image>",
                "docker run --network n --name s img")).isTrue();
        assertThat(TemplateInstances.matches("docker run --name <name> <image>",
                "docker run --rm --name s img")).isFalse(); // --rm is more than the template says
        assertThat(TemplateInstances.matches("docker run --network <net> ...", "docker run --name s img")).isFalse();
    }

    @Test
    void partOfAWordAndTheCommandGivenToExecMatchToo() {
        assertThat(TemplateInstances.matches("docker exec <container name> curl <other container alias>:<port> -v",
                "docker exec client curl -v server:8080/message")).isTrue();
        assertThat(TemplateInstances.matches("docker exec <container name> curl <alias>:<port> -v",
                "docker exec client wget -v server:8080")).isFalse();
    }

    @Test
    void spellingsOfOneCommandAreOne() {
        assertThat(TemplateInstances.matches("docker container run <image>", "docker run img")).isTrue();
        assertThat(TemplateInstances.matches("docker network remove <network>", "docker network rm net")).isTrue();
    }

    @Test
    void theLessonsTemplatesFindTheirInstances() {
        Plan plan = Planner.plan(LessonFiles.read(Path.of("content/docker-networking.rst")));

        Map<Integer, List<Integer>> byLine = new LinkedHashMap<>();
        TemplateInstances.of(plan).forEach((template, instances) ->
                byLine.put(template.line(), instances.stream().map(Step::line).toList()));

        assertThat(byLine).containsEntry(52, List.of(55, 227))
                .containsEntry(98, List.of(152, 194))
                .containsEntry(135, List.of(211, 221))
                .containsEntry(171, List.of(241))
                .containsEntry(126, List.of())
                .containsEntry(155, List.of());
    }
}
