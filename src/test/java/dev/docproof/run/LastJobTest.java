package dev.docproof.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LastJobTest {

    @Test
    void theLastJobIsReadWhereverTheShellWouldExpandIt() {
        assertThat(LastJob.inCommand("kill $!")).isEqualTo("kill " + LastJob.PID);
        assertThat(LastJob.inCommand("echo \"child ${!}\"")).isEqualTo("echo \"child " + LastJob.PID + "\"");
        assertThat(LastJob.inCommand("wait $! && echo $!")).isEqualTo("wait " + LastJob.PID + " && echo " + LastJob.PID);
    }

    @Test
    void literalDollarBangsAndOtherExpansionsStayAsWritten() {
        for (String command : new String[] {"echo '$!'", "echo \\$!", "echo ${!name}", "echo $?", "ls",
                "cat <<'EOF'\n$!\nEOF"}) {
            assertThat(LastJob.inCommand(command)).as(command).isEqualTo(command);
        }
    }
}
