package dev.docproof.docker;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A dockerd that runs but is stopped never answers: set-up says so at once instead of waiting for it. */
class StoppedDaemonTest {

    @Test
    void aStoppedProcessIsSeenAsStoppedAndAsRunningAgainOnceResumed() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        long pid = sleeper.pid();
        try {
            assertThat(Poll.until(Duration.ofSeconds(5), () -> Processes.state(pid) == 'S')).isTrue();
            signal("-STOP", pid);
            assertThat(Poll.until(Duration.ofSeconds(5), () -> Processes.state(pid) == 'T')).isTrue();
            assertThat(EngineSetup.stopped(pid, Processes.state(pid))).get().asString()
                    .startsWith("dockerd (pid " + pid + ") is stopped (sent SIGSTOP), so it cannot answer at "
                            + Engine.DEFAULT_SOCKET)
                    .contains("kill -CONT " + pid, "./docproof engine");
            signal("-CONT", pid);
            assertThat(Poll.until(Duration.ofSeconds(5), () -> Processes.state(pid) != 'T')).isTrue();
            assertThat(EngineSetup.stopped(pid, Processes.state(pid))).isEmpty();
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
        assertThat(Processes.state(pid)).isEqualTo('?');
    }

    @Test
    void aProcessThatMayStillAnswerIsWaitedFor() {
        for (char state : new char[] {'R', 'S', 'D', '?'}) {
            assertThat(EngineSetup.stopped(42, state)).isEmpty();
        }
        assertThat(EngineSetup.stopped(42, 't')).get().asString().contains("held by a debugger");
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", signal, Long.toString(pid)).start().waitFor()).isZero();
    }
}
