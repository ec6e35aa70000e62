package dev.docproof.run;

import dev.docproof.docker.SandboxMemory;
import dev.docproof.lesson.Plan;
import dev.docproof.plan.Planner;
import dev.docproof.read.LessonFiles;
import dev.docproof.shell.ResourceKind;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a lesson's sandbox bounds, and what it cannot do: a share of the machine's memory and a number of processes; no
 * privileged containers; no lesson after its engine ends; no server left in the foreground past a step's deadline. A
 * lesson meeting a bound is told why its step failed.
 */
class SandboxBoundsEngineTest {

    private static final long LIMIT = 300_000_000;

    @TempDir
    Path dir;

    private static RunSettings sandboxed(int jobs, long memory) {
        return new RunSettings(RunSettings.DEFAULT_STEP_TIMEOUT, false, true, Path.of("content"),
                ShellSession.DEFAULT_MAX_OUTPUT, false, null, Isolation.SANDBOX, jobs, memory);
    }

    private LessonResult run(String lesson, RunSettings settings) throws Exception {
        LessonResult result = runAllowingSetupError(lesson, settings);
        assertThat(result.setupError()).isNull();
        return result;
    }

    private LessonResult runAllowingSetupError(String lesson, RunSettings settings) throws Exception {
        Path file = Files.writeString(dir.resolve("lesson.md"), lesson);
        Plan plan = Planner.plan(LessonFiles.read(file));
        return CourseRunner.run(List.of(plan), settings, RunListener.NONE).lessons().get(0);
    }

    @Test
    void aStepTakingMoreMemoryThanItsSandboxMayIsKilledThereAndToldWhyAndTheLessonGoesOn() throws Exception {
        TestEngine.ready();
        LessonResult result = run("""
                # Memory

                ```console
                $ python3 -c "a = bytearray(1024**3); print('allocated')"
                allocated
                $ docker run --rm launchcodedevops/simple-http python3 -c "a = bytearray(1024**3); print('allocated')"
                allocated
                $ echo still here
                still here
                ```
                """, sandboxed(1, LIMIT));

        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.FAILED, Status.FAILED, Status.PASSED);
        for (StepResult killed : result.steps().subList(0, 2)) {
            assertThat(killed.exitCode()).as("line %d", killed.step().line()).isEqualTo(137);
        }
        // The shell's own process counts in the sandbox's cgroup, which stays. A container's kill is counted in its own
        // cgroup, gone with it, and the engine's word on it does not always come under cgroup v1: not asserted.
        assertThat(result.steps().get(0).notes()).contains(new Note.OutOfMemory(LIMIT));
        assertThat(result.steps().get(0).notes()).map(Note::describe).contains("the kernel killed a process of the lesson:"
                + " its sandbox had used all the memory it may use, 300 MB (--sandbox-memory gives it more; its default is"
                + " the sandbox's even part, among --jobs lessons, of three quarters of the machine's memory)");
        assertThat(result.steps().get(2).notes()).isEmpty();
    }

    @Test
    void aLessonForkingWithoutEndIsStoppedAtItsSandboxsProcessLimit() throws Exception {
        TestEngine.ready();
        LessonResult result = run("""
                # Forks

                ```console
                $ cat > forks.py <<'EOF'
                import os, time
                for n in range(6000):
                    try:
                        if os.fork() == 0:
                            os.close(1); os.close(2); time.sleep(20); os._exit(0)
                    except OSError as e:
                        print("refused after", n // 1000 * 1000, "with errno", e.errno); break
                EOF
                $ python3 forks.py
                refused after 4000 with errno 11
                ```
                """, sandboxed(1, 0));

        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.RAN, Status.PASSED);
    }

    @Test
    void byDefaultEachSandboxMayUseItsPartOfThreeQuartersOfTheMachinesMemory() throws Exception {
        long share = SandboxMemory.defaultLimit(TestEngine.ready(), 3);
        LessonResult result = run("""
                # Its bound

                ```console
                $ cat "/sys/fs/cgroup/memory$(grep :memory: /proc/self/cgroup | cut -d: -f3)/memory.limit_in_bytes" 2>/dev/null || cat "/sys/fs/cgroup$(grep ^0:: /proc/self/cgroup | cut -d: -f3)/memory.max"
                ```
                """, sandboxed(3, 0));

        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.RAN);
        long limit = Long.parseLong(result.steps().get(0).output().stdout().strip());
        assertThat(share).isPositive();
        assertThat(limit).isBetween(share - 4096, share); // the kernel counts in pages
    }

    @Test
    void aServerRunInTheForegroundIsToldItsContainerRunsOnAndHowToMarkItAndThatMarkerWorks() throws Exception {
        TestEngine.ready();
        LessonResult result = run("""
                # A server

                <!-- docproof: timeout 3s -->
                ```console
                $ docker run --name web -p 8080:8080 launchcodedevops/simple-http
                ```

                <!-- docproof: background ready: curl -fs localhost:8081 -->
                ```console
                $ docker run --name web2 -p 8081:8080 launchcodedevops/simple-http
                ```

                ```console
                $ curl -s -o /dev/null -w '%{http_code}\\n' localhost:8081
                200
                ```
                """, sandboxed(1, 0));

        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.FAILED, Status.RAN, Status.PASSED);
        assertThat(result.steps().get(0).outcome()).isInstanceOf(Outcome.TimedOut.class);
        assertThat(result.steps().get(0).notes()).containsExactly(new Note.OutlivedBy(List.of("web")));
        assertThat(result.steps().get(0).notes().get(0).describe()).isEqualTo("the step had started container web,"
                + " which runs on: a server the lesson runs in the foreground takes a `docproof: background ready:"
                + " COMMAND` marker before its block (COMMAND says when it answers, e.g. `curl -fs localhost:8080`), or"
                + " `docker run -d`");
        assertThat(result.steps().get(1).notes()).isEmpty();
    }

    @Test
    void aPrivilegedContainerInASandboxFailsItsStepWithANoteSayingWhyAndTheLessonGoesOn() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/sys/fs/cgroup/devices")), "cgroup v1 keeps a devices controller");
        TestEngine.ready();
        LessonResult result = run("""
                # Privileged

                ```console
                $ docker run --rm --privileged launchcodedevops/simple-http echo privileged
                privileged
                $ docker run --rm launchcodedevops/simple-http echo plain
                plain
                ```
                """, sandboxed(1, 0));

        assertThat(result.steps()).extracting(StepResult::status).containsExactly(Status.FAILED, Status.PASSED);
        assertThat(result.steps().get(0).notes()).containsExactly(new Note.SandboxDevices());
        assertThat(result.steps().get(0).notes().get(0).describe()).startsWith("a container in a sandbox cannot have"
                + " this machine's devices (`--privileged`, `--device`)");
        assertThat(result.steps().get(1).notes()).isEmpty();
    }

    @Test
    void aStepEndingTheSandboxsEngineStopsTheLessonWithThatReasonAndItsLeaksGoWithTheSandbox() throws Exception {
        TestEngine.ready();
        LessonResult result = runAllowingSetupError("""
                # Stops its engine

                ```console
                $ docker run -d --name web launchcodedevops/simple-http
                $ sudo pkill dockerd
                $ sleep 2; docker ps
                $ echo after
                after
                ```
                """, sandboxed(1, 0));

        assertThat(result.setupError()).isNotNull();
        assertThat(result.setupError().kind()).isEqualTo(SetupError.Kind.SANDBOX);
        assertThat(result.setupError().message()).isEqualTo(dir.resolve("lesson.md") + ": the lesson's sandbox"
                + " stopped: its Docker engine (dockerd), the sandbox's first process, ended (as a step's `sudo pkill"
                + " dockerd` or `kill -9 -1` ends it), and nothing of the lesson can go on without it; removing the"
                + " sandbox removed all the lesson had made");
        assertThat(result.steps()).extracting(StepResult::status).startsWith(Status.RAN, Status.RAN)
                .endsWith(Status.NOT_RUN);
        assertThat(result.leaks()).containsExactly(new Leak(ResourceKind.CONTAINER, "web", 4, true));
    }
}
