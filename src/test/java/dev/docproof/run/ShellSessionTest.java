package dev.docproof.run;

import dev.docproof.shell.ShellWords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ShellSessionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path work;

    private ShellSession session;

    @BeforeEach
    void open() throws IOException {
        session = ShellSession.start(work);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static String script(String name) throws URISyntaxException {
        return ShellWords.quote(Path.of(ShellSessionTest.class.getResource("/run/" + name).toURI()).toString());
    }

    @Test
    void aVariableMappedToNullIsRemovedFromDocproofsOwnForTheShellAndWhatItStarts() throws Exception {
        assertThat(System.getenv("HOME")).as("this test removes a variable docproof itself has").isNotNull();
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", null);
        environment.put("DOCPROOF_TEST_ADDED", "added");
        try (ShellSession shell = ShellSession.start(work, ShellSession.DEFAULT_MAX_OUTPUT, environment)) {
            ShellSession.Execution e = shell.run("echo \"${HOME-removed} $DOCPROOF_TEST_ADDED\"; bash -c 'echo \"${HOME-removed}\"'",
                    DEADLINE);
            assertThat(e.output().stdout()).isEqualTo("removed added\nremoved\n");
        }
    }

    @Test
    void aStepReadsTheExitStatusTheLessonsLastStepLeftWhateverDocproofAskedBetween() {
        session.run("ls /docproof-no-such-folder", DEADLINE);
        session.ask("true", DEADLINE);

        assertThat(session.run("echo $?", DEADLINE).output().stdout()).isEqualTo("2\n");
        assertThat(session.run("echo $?", DEADLINE).output().stdout()).as("echo itself succeeded").isEqualTo("0\n");
        session.run("false", DEADLINE);
        session.run("exit 3", DEADLINE); // a new shell continues with the state the step left
        assertThat(session.run("echo $?", DEADLINE).output().stdout()).isEqualTo("3\n");
    }

    @Test
    void keepsBothStreamsApartAndMergedInArrivalOrder() throws Exception {
        ShellSession.Execution e = session.run("bash " + script("both-streams.sh"), DEADLINE);

        assertThat(e.exitCode()).isZero();
        assertThat(e.timedOut()).isFalse();
        assertThat(e.output().stdout()).isEqualTo("out-1\nout-2\n");
        assertThat(e.output().stderr()).isEqualTo("err-1\n");
        assertThat(e.output().merged()).isEqualTo("out-1\nerr-1\nout-2\n");
        assertThat(e.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void reportsANonZeroExitCodeAndTheSessionGoesOn() throws Exception {
        ShellSession.Execution failed = session.run("bash " + script("exit-3.sh"), DEADLINE);
        ShellSession.Execution next = session.run("echo still here", DEADLINE);

        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.output().stderr()).isEqualTo("about to fail\n");
        assertThat(failed.note()).isNull();
        assertThat(next.exitCode()).isZero();
        assertThat(next.output().stdout()).isEqualTo("still here\n");
    }

    @Test
    void aStepThatReadsStdinGetsEndOfInputAndLaterStepsStillRun() throws Exception {
        ShellSession.Execution reader = session.run("bash " + script("reads-stdin.sh"), DEADLINE);
        ShellSession.Execution readBuiltin = session.run("read -r line; echo \"read exit $?\"", DEADLINE);
        ShellSession.Execution after = session.run("echo after", DEADLINE);

        assertThat(reader.exitCode()).isZero();
        assertThat(reader.output().stdout()).isEqualTo("read 0 bytes\n");
        assertThat(readBuiltin.output().stdout()).isEqualTo("read exit 1\n");
        assertThat(after.output().stdout()).isEqualTo("after\n");
    }

    @Test
    void theSessionHasNoTerminalSoAStepReadingOneFailsAtOnceInsteadOfWaitingOnAKeyboard() throws Exception {
        ShellSession.Execution session = this.session.run("[ \"$(ps -o sid= -p $$ | tr -d ' ')\" = $$ ] && echo leads",
                DEADLINE);
        ShellSession.Execution tty = this.session.run("read -r answer < /dev/tty", DEADLINE);

        assertThat(session.output().stdout()).as("bash leads a session of its own, which has no terminal").isEqualTo("leads\n");
        assertThat(tty.exitCode()).isEqualTo(1);
        assertThat(tty.output().stderr()).isEqualTo("bash: /dev/tty: No such device or address\n");
    }

    @Test
    void directoryVariablesAndFunctionsCarryOverBetweenSteps() throws Exception {
        Files.createDirectory(work.resolve("sub"));
        session.run("cd sub", DEADLINE);
        session.run("export GREETING=hello; plain=shell-only", DEADLINE);
        session.run("shout() { echo \"$1!\"; }", DEADLINE);

        ShellSession.Execution e = session.run("pwd; printenv GREETING; echo $plain; shout hey", DEADLINE);

        assertThat(e.output().stdout()).isEqualTo(work.resolve("sub").toRealPath() + "\nhello\nshell-only\nhey!\n");
    }

    @Test
    void hereDocumentsAndMultiLineCommandsRun() throws Exception {
        ShellSession.Execution e = session.run("""
                cat > note.txt <<'END'
                line one $HOME
                line two
                END
                for i in 1 2; do
                  echo "loop $i"
                done
                wc -l < note.txt""", DEADLINE);

        assertThat(e.exitCode()).isZero();
        assertThat(e.output().stdout()).isEqualTo("loop 1\nloop 2\n2\n");
        assertThat(Files.readString(work.resolve("note.txt"))).isEqualTo("line one $HOME\nline two\n");
    }

    @Test
    void aStepPastItsDeadlineIsKilledWithItsBackgroundChildAndKeepsPartialOutput() throws Exception {
        session.run("cd /; export KEPT=yes", DEADLINE);

        ShellSession.Execution e = session.run("bash " + script("hangs-with-child.sh"), Duration.ofSeconds(2));

        assertThat(e.timedOut()).isTrue();
        assertThat(e.exitCode()).isNull();
        assertThat(e.note()).contains("deadline of 2.0s");
        Matcher child = Pattern.compile("child (\\d+)").matcher(e.output().stdout());
        assertThat(child.find()).as("partial output %s", e.output()).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(child.group(1))).map(ProcessHandle::isAlive).orElse(false))
                .as("the background child of the killed step").isFalse();

        ShellSession.Execution next = session.run("pwd; echo $KEPT", DEADLINE);
        assertThat(next.output().stdout()).isEqualTo("/\nyes\n");
    }

    /** {@code $!} names the job an earlier step started, until a step starts one of its own. */
    @Test
    void dollarBangNamesTheLastJobAcrossSteps() throws Exception {
        session.run("sleep 300 >/dev/null 2>&1 &", DEADLINE);
        String job = session.run("jobs -p", DEADLINE).output().stdout().strip();

        assertThat(session.run("echo \"$!\"", DEADLINE).output().stdout()).isEqualTo(job + "\n");
        assertThat(session.run("sleep 301 >/dev/null 2>&1 & [ \"$!\" != " + job + " ] && echo own", DEADLINE)
                .output().stdout()).isEqualTo("own\n");
        assertThat(session.run("kill $! && echo killed", DEADLINE).output().stdout()).isEqualTo("killed\n");
        assertThat(ProcessHandle.of(Long.parseLong(job)).map(ProcessHandle::isAlive).orElse(false))
                .as("the first job lives on; the second was killed").isTrue();
    }

    /** As in a learner's terminal, {@code cmd &} gives the prompt back; the job runs until the lesson ends. */
    @Test
    void aBackgroundJobHoldingTheOutputRunsOnUntilTheSessionEnds() throws Exception {
        ShellSession.Execution e = session.run("sleep 300 & echo \"child $!\"", Duration.ofSeconds(20));

        assertThat(e.timedOut()).isFalse();
        assertThat(e.exitCode()).isZero();
        assertThat(e.duration()).isLessThan(Duration.ofSeconds(10));
        assertThat(e.note()).contains("still running", "runs on until the lesson ends");
        Matcher child = Pattern.compile("child (\\d+)").matcher(e.output().stdout());
        assertThat(child.find()).isTrue();
        ProcessHandle job = ProcessHandle.of(Long.parseLong(child.group(1))).orElseThrow();
        assertThat(session.run("jobs -p", DEADLINE).output().stdout())
                .as("the job is the session's own").isEqualTo(job.pid() + "\n");
        assertThat(job.isAlive()).isTrue();

        session.close();

        assertThat(job.isAlive()).isFalse();
    }

    @Test
    void exitInsideAStepIsReportedAndANewShellContinuesWithItsState() throws Exception {
        ShellSession.Execution e = session.run("cd /tmp\nexport AFTER_EXIT=kept\necho bye\nexit 5\necho never", DEADLINE);
        ShellSession.Execution next = session.run("pwd; echo $AFTER_EXIT", DEADLINE);

        assertThat(e.exitCode()).isEqualTo(5);
        assertThat(e.timedOut()).isFalse();
        assertThat(e.output().stdout()).isEqualTo("bye\n");
        assertThat(e.note()).contains("exit 5");
        assertThat(next.output().stdout()).isEqualTo("/tmp\nkept\n");
    }

    @Test
    void aShellKilledByItsOwnStepIsReportedAndReplaced() throws Exception {
        session.run("cd /tmp", DEADLINE);

        ShellSession.Execution e = session.run("echo going; kill -9 $$", DEADLINE);
        ShellSession.Execution next = session.run("pwd", DEADLINE);

        assertThat(e.exitCode()).isEqualTo(137);
        assertThat(e.timedOut()).isFalse();
        assertThat(e.output().stdout()).isEqualTo("going\n");
        assertThat(e.note()).startsWith("the shell ended during the step (exit status 137)");
        assertThat(next.output().stdout()).isEqualTo("/tmp\n");
    }

    @Test
    void closeEndsTheShellAndEverythingItLeftRunning() throws Exception {
        ShellSession.Execution e = session.run("sleep 300 >/dev/null 2>&1 & echo $!", DEADLINE);
        long pid = Long.parseLong(e.output().stdout().trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isTrue();

        session.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
