package dev.docproof.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReadOnlyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "docker network ls",
            "docker network inspect networking-test",
            "docker network inspect --format '{{.Name}}' networking-test",
            "docker container inspect web",
            "docker inspect -f '{{.State.Running}}' web",
            "docker logs --tail 5 web",
            "docker ps -a",
            "docker volume ls -q",
            "docker exec client curl -v server:8080/message",
            "docker exec -i client cat /var/www/message",
            "docker network inspect bridge | sed -n '/Containers/,/Options/p'",
            "docker ps --format '{{.Names}}' | grep web | wc -l",
            "docker logs web 2>&1 | tail -n 3",
            "docker network ls > /dev/null",
    })
    void commandsThatOnlyListInspectOrPrintOnlyRead(String command) {
        assertThat(ReadOnly.onlyReads(command)).as(command).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "docker run -d --name web nginx",
            "docker network create net",
            "docker network connect net web",
            "docker stop web",
            "docker rm -f web",
            "docker network rm net",
            "docker exec web touch /tmp/x",
            "docker exec -d web cat /etc/hostname",
            "docker exec -it web cat /etc/hostname",
            "docker exec web curl -X POST server:8080/",
            "docker exec web curl -sXPOST server:8080/",
            "docker exec web curl -o /tmp/page server:8080/",
            "docker exec web curl --data=x server:8080/",
            "docker logs -f web",
            "docker logs --follow web",
            "docker network inspect net > net.json",
            "docker network inspect net | tee net.json",
            "docker network inspect net | sed -i s/a/b/ file",
            "docker network inspect net | sed 's/a/b/w out.txt'",
            "docker network ls &",
            "docker inspect $(docker ps -q)",
            "docker -H tcp://elsewhere:2375 ps",
            "DOCKER_HOST=tcp://elsewhere:2375 docker ps",
            "sudo docker ps",
            "docker ps; docker rm -f web",
            "docker ps && rm -rf /tmp/x",
            "rm -rf /tmp/networking-test",
            "docker system prune -f",
            "",
    })
    void commandsThatMayChangeStateAreNeverTakenForReading(String command) {
        assertThat(ReadOnly.onlyReads(command)).as(command).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aFetchWritesWhatItGetsAgainWhenRunAgainButSendsNothing() {
        assertThat(ReadOnly.onlyFetches("curl -s localhost:8080/")).isTrue();
        assertThat(ReadOnly.onlyFetches("curl -s -o page.html localhost:8080/")).isTrue();
        assertThat(ReadOnly.onlyFetches("curl -s -o /dev/null -w '%{http_code}' localhost:8080/ > code.txt")).isTrue();
        assertThat(ReadOnly.onlyFetches("curl -s localhost:8080/ | grep -c html")).isTrue();
        assertThat(ReadOnly.onlyFetches("curl -s -d name=ada localhost:8080/")).isFalse();
        assertThat(ReadOnly.onlyFetches("curl -X DELETE localhost:8080/items/1")).isFalse();
        assertThat(ReadOnly.onlyReads("curl -s localhost:8080/")).as("a template is not bound to run it").isFalse();
    }
}
