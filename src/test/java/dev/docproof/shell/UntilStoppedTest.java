package dev.docproof.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UntilStoppedTest {

    @ParameterizedTest(name = "{0} prints until stopped")
    @ValueSource(strings = {"docker logs -f web", "docker container logs --follow web", "docker logs -tf web",
            "docker compose logs -f", "docker stats", "docker container stats web", "docker events",
            "docker system events --filter type=network", "tail -f /var/log/app.log", "tail -n 5 -F app.log",
            "sudo journalctl -fu docker", "ping localhost", "ping -i 0.2 127.0.0.1", "kubectl logs -f pod/web",
            "kubectl get pods -w", "docker logs -f web | grep GET"})
    void aCommandALearnerStopsWithCtrlC(String command) {
        assertThat(UntilStopped.in(command)).isTrue();
    }

    @ParameterizedTest(name = "{0} ends by itself")
    @ValueSource(strings = {"docker logs web", "docker logs --tail 5 web", "docker stats --no-stream",
            "docker events --since 1m --until 0s", "tail -n 5 app.log", "journalctl -u docker", "ping -c 3 localhost",
            "ping -c3 localhost", "ping -w 2 localhost", "kubectl get pods", "docker logs -f web &", "echo tail -f",
            "docker run --rm alpine ping -c 1 localhost"})
    void aCommandThatEnds(String command) {
        assertThat(UntilStopped.in(command)).isFalse();
    }
}
