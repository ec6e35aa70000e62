package dev.docproof.docker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Engine discovery without an engine: addresses, and failing fast with the fix. */
class EngineTest {

    @Test
    void withoutDockerHostTheDefaultSocketIsUsed() throws EngineException {
        Engine.Location location = Engine.Location.of(null);
        assertThat(location.uri().toString()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(location.foundVia()).isEqualTo("socket /var/run/docker.sock");
        assertThat(Engine.Location.of(" ").fromEnvironment()).isFalse();
    }

    @Test
    void dockerHostIsReportedAsTheWayTheEngineWasFound() throws EngineException {
        assertThat(Engine.Location.of("tcp://10.0.0.5:2375").foundVia()).isEqualTo("DOCKER_HOST=tcp://10.0.0.5:2375");
    }

    @Test
    void anUnsupportedDockerHostSaysWhatToSetInstead() {
        assertThatThrownBy(() -> Engine.Location.of("ssh://me@host"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("unix:///path/to/docker.sock or tcp://host:port");
    }

    @Test
    void aDeadSocketFailsFastWithWhatToDo() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> Engine.connect("unix:///tmp/docproof-test-foundation-none.sock"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("No Docker engine answers at unix:///tmp/docproof-test-foundation-none.sock")
                .hasMessageContaining("unset DOCKER_HOST");
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        assertThat(Engine.answers("unix:///tmp/docproof-test-foundation-none.sock")).isFalse();
    }

    @Test
    void whereDocproofMayNotStartAnEngineItSaysWhatTheUserMustDo() {
        assertThat(EngineSetup.whatToDo(new Host(false, true)))
                .contains("not Debian-based").contains("Docker Desktop").contains("DOCKER_HOST")
                .doesNotContain("sudo ./docproof engine");
        assertThat(EngineSetup.whatToDo(new Host(true, false)))
                .contains("only when run as root").contains("sudo ./docproof engine");
    }
}
