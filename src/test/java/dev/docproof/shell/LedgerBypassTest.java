package dev.docproof.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerBypassTest {

    /** The way each command goes around the lesson's DOCKER_HOST, and the word that takes it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "docker -H unix:///var/run/docker.sock run -d --name x nginx | HOST_OPTION      | -H",
            "docker --host=tcp://10.0.0.5:2375 ps                        | HOST_OPTION      | --host=tcp://10.0.0.5:2375",
            "docker --host tcp://remote:2376 --tls network create net    | HOST_OPTION      | --host",
            "docker -Hunix:///var/run/docker.sock volume create data     | HOST_OPTION      | -Hunix:///var/run/docker.sock",
            "/usr/bin/docker --context other run -d nginx                | CONTEXT_OPTION   | --context",
            "docker -c remote ps                                         | CONTEXT_OPTION   | -c",
            "docker --debug --context=prod network create net            | CONTEXT_OPTION   | --context=prod",
            "DOCKER_HOST=tcp://10.0.0.5:2375 docker run -d nginx         | HOST_FOR_COMMAND | DOCKER_HOST=tcp://10.0.0.5:2375",
            "env DOCKER_HOST=ssh://me@box docker compose up -d           | HOST_FOR_COMMAND | DOCKER_HOST=ssh://me@box",
            "export DOCKER_HOST=tcp://10.0.0.5:2375                      | HOST_CHANGED     | DOCKER_HOST=tcp://10.0.0.5:2375",
            "export PATH=/opt/bin:$PATH DOCKER_HOST=unix:///run/d.sock   | HOST_CHANGED     | DOCKER_HOST=unix:///run/d.sock",
            "DOCKER_HOST=unix:///var/run/docker.sock                     | HOST_CHANGED     | DOCKER_HOST=unix:///var/run/docker.sock",
            "unset DOCKER_HOST                                           | HOST_UNSET       | DOCKER_HOST",
            "cd app && unset DOCKER_TLS_VERIFY DOCKER_HOST && docker ps  | HOST_UNSET       | DOCKER_HOST",
            "docker context use remote                                   | CONTEXT_SWITCHED | context",
            "echo ok; docker --log-level warn context use remote         | CONTEXT_SWITCHED | context",
    })
    void aCommandThatReachesTheEngineAroundTheLessonsSocketIsFoundAtItsWord(String command, LedgerBypass.Way way, String word) {
        assertThat(LedgerBypass.of(command))
                .extracting(b -> b.way() + " " + b.word().text() + " @" + b.word().start())
                .containsExactly(way + " " + word + " @" + command.indexOf(word));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "docker run -d --name x nginx",
            "docker run -e DOCKER_HOST=tcp://docker:2375 docker:cli docker ps",
            "docker run --env DOCKER_HOST=unix:///var/run/docker.sock -v /var/run/docker.sock:/var/run/docker.sock img",
            "docker exec -it builder docker -H tcp://localhost:2375 ps",
            "echo $DOCKER_HOST",
            "echo DOCKER_HOST=tcp://10.0.0.5:2375",
            "echo \"export DOCKER_HOST=tcp://10.0.0.5:2375\" >> notes.txt",
            "export DOCKER_HOST",
            "export DOCKER_HOST=$DOCKER_HOST",
            "OLD_HOST=${DOCKER_HOST}",
            "docker -H \"$DOCKER_HOST\" ps",
            "docker --context default ps",
            "docker context ls",
            "docker context inspect default",
            "unset -f DOCKER_HOST",
            "docker run --rm alpine sh -c 'unset DOCKER_HOST'",
            "grep -r --context 3 DOCKER_HOST .",
            "cat <<EOF > env.sh\nexport DOCKER_HOST=tcp://10.0.0.5:2375\nEOF",
    })
    void aCommandThatKeepsTheLessonsDockerHostOrOnlyNamesItIsNotABypass(String command) {
        assertThat(LedgerBypass.of(command)).as(command).isEmpty();
    }
}
