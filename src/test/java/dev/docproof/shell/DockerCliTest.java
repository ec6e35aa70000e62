package dev.docproof.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DockerCliTest {

    private static List<String> words(String command) {
        return List.of(command.split(" "));
    }

    @Test
    void findsTheSubcommandAfterPrefixesAndGlobalOptions() {
        assertThat(DockerCli.call(words("sudo A=1 docker -H tcp://x --debug container run --rm alpine")))
                .contains(new DockerCli.Call("container run", "run", 8));
        assertThat(DockerCli.call(words("/usr/bin/docker --context ci network create lab")))
                .contains(new DockerCli.Call("network create", "network create", 5));
        assertThat(DockerCli.call(words("docker rmi img"))).contains(new DockerCli.Call("rmi", "rmi", 2));
        assertThat(DockerCli.call(words("echo docker run alpine"))).isEmpty();
        assertThat(DockerCli.call(words("docker --context ci"))).isEmpty();
    }

    @Test
    void namesEveryAliasByTheCommandTheCliReports() {
        assertThat(DockerCli.canonical("container stop")).isEqualTo("stop");
        assertThat(DockerCli.canonical("image remove")).isEqualTo("rmi");
        assertThat(DockerCli.canonical("network remove")).isEqualTo("network rm");
        assertThat(DockerCli.canonical("image pull")).isEqualTo("pull");
        assertThat(DockerCli.canonical("network ls")).isEqualTo("network ls");
    }

    @Test
    void knowsWhichOptionsTakeASeparateValue() {
        assertThat(DockerCli.takesSeparateValue("run", "--name")).isTrue();
        assertThat(DockerCli.takesSeparateValue("run", "--name=x")).isFalse();
        assertThat(DockerCli.takesSeparateValue("run", "--rm")).isFalse();
        assertThat(DockerCli.takesSeparateValue("run", "-itp")).isTrue();
        assertThat(DockerCli.takesSeparateValue("run", "-p8080:80")).isFalse();
        assertThat(DockerCli.takesSeparateValue("run", "-itd")).isFalse();
        assertThat(DockerCli.takesSeparateValue("pull", "-a")).isFalse();
        assertThat(DockerCli.takesSeparateValue("network create", "-d")).isTrue();
        assertThat(DockerCli.takesSeparateValue("logs", "--tail")).isTrue();
        assertThat(DockerCli.takesSeparateValue("network rm", "-f")).isFalse();
    }

    @Test
    void optionsEndAtTheImageOfRunButMayFollowOtherArguments() {
        assertThat(DockerCli.positionals("run", words("-e A=1 img sh -c x"))).containsExactly(2, 3, 4, 5);
        assertThat(DockerCli.positionals("network connect", words("net --alias api web"))).containsExactly(0, 3);
        assertThat(DockerCli.positionals("stop", words("-t 5 -- -odd"))).containsExactly(3);
    }

    @Test
    void readsAnOptionsValueOnlyBeforeTheFirstArgument() {
        assertThat(DockerCli.optionValue("run", words("-d --name=web img"), "--name")).isEqualTo(Optional.of("web"));
        assertThat(DockerCli.optionValue("run", words("-v a:b --name web img"), "--name")).contains("web");
        assertThat(DockerCli.optionValue("run", words("img tool --name inner"), "--name")).isEmpty();
        assertThat(DockerCli.optionValue("volume create", words("-d local --name data"), "--name")).contains("data");
    }
}
