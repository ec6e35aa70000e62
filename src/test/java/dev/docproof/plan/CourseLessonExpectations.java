package dev.docproof.plan;

import dev.docproof.lesson.Plan;
import dev.docproof.lesson.Sample;
import dev.docproof.lesson.Step;
import dev.docproof.lesson.StepKind;

import java.util.List;

import static dev.docproof.lesson.StepKind.RUN;
import static dev.docproof.lesson.StepKind.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the plan of content/docker-networking.rst must be, whichever way its blocks were obtained. */
final class CourseLessonExpectations {

    private CourseLessonExpectations() {}

    static final List<Integer> BLOCK_LINES = List.of(43, 49, 95, 123, 149, 166, 192, 198, 208, 219, 225, 238, 256);

    static void assertCoursePlan(Plan plan) {
        assertThat(plan.blocks()).extracting(b -> b.block().span().line()).containsExactlyElementsOf(BLOCK_LINES);
        assertThat(plan.blocks()).allSatisfy(b -> assertThat(b.block().language()).isEqualTo("bash"));

        List<Step> steps = plan.steps();
        assertThat(steps).extracting(Step::line, Step::kind, Step::command).containsExactly(
                tuple(45, RUN, "docker network ls"),
                tuple(52, TEMPLATE, "docker network inspect <network name>"),
                tuple(55, RUN, "docker network inspect bridge"),
                tuple(58, RUN, "docker network inspect bridge | sed -n '/Containers/,/Options/p'"),
                tuple(98, TEMPLATE, "docker network create <network name>"),
                tuple(101, RUN, "docker network ls"),
                tuple(126, TEMPLATE, "docker network connect <network name> <container name>"),
                tuple(129, TEMPLATE, "docker network connect --alias <custom alias> <network name> <container name>"),
                tuple(132, TEMPLATE, "docker network disconnect <network name> <container name>"),
                tuple(135, TEMPLATE, "docker run --network <network name> ..."),
                tuple(138, TEMPLATE, "docker run --network <network name> --network-alias"
                        + " <alias name>[,<other alias name>,...] ..."),
                tuple(152, RUN, "docker network create my-network"),
                tuple(155, TEMPLATE, "docker run --name service-one --network my-network ..."),
                tuple(156, TEMPLATE, "docker run --name service-two --network my-network ..."),
                tuple(171, TEMPLATE, "docker exec <container name> curl <other container alias>:<port> -v"),
                tuple(194, RUN, "docker network create networking-test"),
                tuple(201, RUN, "mkdir /tmp/networking-test"),
                tuple(204, RUN, "echo 'using container aliases works!' > /tmp/networking-test/message"),
                tuple(211, RUN, "docker run -d --rm --name server --network networking-test"
                        + " -v /tmp/networking-test/:/var/www/:ro launchcodedevops/simple-http"),
                tuple(221, RUN, "docker run -itd --name client --network networking-test launchcodedevops/simple-client"),
                tuple(227, RUN, "docker network inspect networking-test"),
                tuple(230, RUN, "docker network inspect networking-test | sed -n '/Containers/,/Options/p'"),
                tuple(241, RUN, "docker exec client curl -v server:8080/message"),
                tuple(259, RUN, "docker stop server client"),
                tuple(262, RUN, "docker network remove"),
                tuple(265, RUN, "rm -rf /tmp/networking-test"));
        assertThat(steps.stream().filter(s -> s.kind() == StepKind.RUN)).hasSize(16);
        assertThat(steps.stream().filter(s -> s.kind() == StepKind.TEMPLATE)).hasSize(10);
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.span().column()).as("column of the command after the prompt").isEqualTo(5);
            assertThat(s.lastLine()).isEqualTo(s.line());
            assertThat(s.span().file().toString()).isEqualTo("content/docker-networking.rst");
        });

        assertThat(steps).filteredOn(s -> !s.sample().isEmpty()).extracting(Step::line).containsExactly(171, 241);
        assertThat(stepAt(steps, 171).sample()).isEqualTo(new Sample(List.of(
                "* TCP_NODELAY set",
                "* Connected to <container alias> (172.X.X.X) port <port> (#0)",
                "> GET / HTTP/1.1",
                "> Host: <alias>:<port>"), 174));
        assertThat(stepAt(steps, 241).sample()).isEqualTo(new Sample(List.of(
                "...",
                "* Connected to server (172.28.0.2) port 8080 (#0)",
                "> GET /message HTTP/1.1",
                "> Host: server:8080",
                "...",
                "<",
                "using container aliases works!"), 245));

        assertThat(stepAt(steps, 45).section()).isEqualTo("Using the Default Network");
        assertThat(stepAt(steps, 126).section()).isEqualTo("Connecting Containers On a Custom Network");
        assertThat(stepAt(steps, 171).section()).isEqualTo("Two Containers and a Network");
        assertThat(stepAt(steps, 262).section()).isEqualTo("Custom Network Example");
    }

    private static Step stepAt(List<Step> steps, int line) {
        return steps.stream().filter(s -> s.line() == line).findFirst().orElseThrow();
    }
}
