package dev.docproof.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CliCheckTest {

    private final CliCheck check = new CliCheck(CliHelpFixtures.both(), word -> word.text().equals("X"));

    private List<CliCheck.Finding> findings(String command) {
        return ShellWords.commands(command).stream().flatMap(c -> check.check(c).stream()).toList();
    }

    @Test
    void aMisspeltOptionIsFoundAtItsOffsetWithTheNearestOption() {
        List<CliCheck.Finding> found = findings("docker run --netwrok net image");

        assertThat(found).containsExactly(new CliCheck.Finding(11, 20, CliCheck.Problem.UNKNOWN_OPTION,
                "`docker run` has no option --netwrok", Optional.of("--network")));
    }

    @Test
    void anUnknownSubcommandIsFoundWithTheNearestCommand() {
        List<CliCheck.Finding> found = findings("docker netwrok ls");

        assertThat(found).containsExactly(new CliCheck.Finding(7, 14, CliCheck.Problem.UNKNOWN_COMMAND,
                "`docker` has no command netwrok", Optional.of("docker network")));
        assertThat(findings("docker network lss")).extracting(CliCheck.Finding::suggestion)
                .containsExactly(Optional.of("docker network ls"));
    }

    @Test
    void anOptionThatNeedsAValueAtTheEndIsMissingIt() {
        assertThat(findings("docker run --name")).extracting(CliCheck.Finding::problem)
                .containsExactly(CliCheck.Problem.MISSING_VALUE);
        assertThat(findings("docker logs -n")).extracting(CliCheck.Finding::message)
                .containsExactly("option -n of `docker logs` needs a value (string)");
    }

    @Test
    void aShortOptionInAClusterIsCheckedLetterByLetter() {
        assertThat(findings("docker run -itd image")).isEmpty();
        assertThat(findings("docker run -izd image")).containsExactly(new CliCheck.Finding(13, 14,
                CliCheck.Problem.UNKNOWN_OPTION, "`docker run` has no option -z", Optional.empty()));
        assertThat(findings("docker run -p8080:80 image")).isEmpty();
    }

    @Test
    void correctCommandsHaveNoFinding() {
        for (String command : List.of(
                "docker network ls",
                "docker network inspect bridge | sed -n '/Containers/,/Options/p'",
                "docker run -d --rm --name server --network networking-test -v /tmp/x/:/var/www/:ro img",
                "docker run -itd --name client --network=net img sh -c 'ls --weird'",
                "docker container run --rm img", "docker network remove net", "docker image rm img",
                "docker -H unix:///var/run/docker.sock ps -a", "docker run --help", "sudo docker ps",
                "docker exec client curl -v server:8080/message", "docker logs --tail 5 server",
                "docker stop -t 3 server", "docker volume create v", "docker inspect -f '{{.Id}}' x",
                "ls --color /tmp", "curl -sS -o /dev/null http://x")) {
            assertThat(findings(command)).as(command).isEmpty();
        }
    }

    @Test
    void theCommandGivenToExecIsCheckedByItsOwnCli() {
        assertThat(findings("docker exec client curl --verbos server:8080")).extracting(CliCheck.Finding::message,
                CliCheck.Finding::suggestion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("`curl` has no option --verbos",
                        Optional.of("--verbose")));
    }

    @Test
    void wordsTheLessonLeavesOpenAreNeverJudged() {
        assertThat(findings("docker X --bogus")).isEmpty();
        assertThat(findings("docker run X --netwrk n")).isEmpty(); // after the image: the container's command
        assertThat(findings("docker network inspect X")).isEmpty();
    }

    @Test
    void proseNamingTwoSubcommandsWithASlashChecksEach() {
        assertThat(findings("docker network connect/disconnect")).isEmpty();
        assertThat(findings("docker network connect/disconect")).extracting(CliCheck.Finding::start,
                CliCheck.Finding::suggestion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(23, Optional.of("docker network disconnect")));
    }

    @Test
    void suggestionsAreWithinAFewEdits() {
        assertThat(Suggestions.nearest("--netwrok", List.of("--network", "--name"))).contains("--network");
        assertThat(Suggestions.nearest("--xyzzy", List.of("--network", "--name"))).isEmpty();
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    }

    @Test
    void aPluginsCommandIsNotJudgedByAHelpThatLacksThePlugin() {
        assertThat(CliHelpFixtures.docker().command(List.of("compose"))).as("the built-in help has no compose").isEmpty();

        assertThat(findings("docker compose up --detach")).isEmpty();
        assertThat(findings("docker network compose")).extracting(CliCheck.Finding::problem)
                .containsExactly(CliCheck.Problem.UNKNOWN_COMMAND);
    }
}
