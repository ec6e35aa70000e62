package dev.docproof.docker;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a run's owner is gone, running, or on another machine: what decides that a sandbox is an orphan. */
class RunOwnerTest {

    private static final RunOwner SELF = RunOwner.of("content/x.rst");

    @Test
    void theLabelsNameTheOwnerAgain() {
        assertThat(RunOwner.fromLabels(SELF.labels())).contains(SELF);
    }

    @Test
    void thisProcessIsARunningOwner() {
        assertThat(SELF.liveness()).isEqualTo(RunOwner.Liveness.RUNNING);
        assertThat(SELF.ownerGone()).isFalse();
    }

    @Test
    void anOwnerWhoseProcessEndedIsGone() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        RunOwner owner = new RunOwner("r", ended.pid(), SELF.processStarted(), SELF.host(), SELF.started(), "x");
        assertThat(owner.liveness()).isEqualTo(RunOwner.Liveness.GONE);
    }

    @Test
    void anotherProgramWithTheOwnersPidIsNotTheOwner() {
        RunOwner reused = new RunOwner("r", ProcessHandle.current().pid(), Instant.parse("2020-01-01T00:00:00Z"),
                SELF.host(), SELF.started(), "x");
        assertThat(reused.liveness()).isEqualTo(RunOwner.Liveness.GONE);
    }

    @Test
    void aStartReadASecondOffAfterTheClockWasAdjustedIsStillTheOwner() {
        RunOwner readBefore = new RunOwner("r", SELF.pid(), SELF.processStarted().minusSeconds(1), SELF.host(),
                SELF.started(), "x");
        RunOwner readAfter = new RunOwner("r", SELF.pid(), SELF.processStarted().plusSeconds(1), SELF.host(),
                SELF.started(), "x");

        assertThat(readBefore.liveness()).isEqualTo(RunOwner.Liveness.RUNNING);
        assertThat(readAfter.liveness()).isEqualTo(RunOwner.Liveness.RUNNING);
    }

    @Test
    void anOwnerOnAnotherMachineIsNeverJudgedFromHere() {
        RunOwner elsewhere = new RunOwner("r", 1, SELF.processStarted(), SELF.host() + "-other", SELF.started(), "x");
        assertThat(elsewhere.liveness()).isEqualTo(RunOwner.Liveness.ELSEWHERE);
        assertThat(elsewhere.ownerGone()).isFalse();
    }
}
