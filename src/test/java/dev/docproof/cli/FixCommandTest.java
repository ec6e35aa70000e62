package dev.docproof.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class FixCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void fixInAFolderWithoutLessonsIsASetUpErrorSayingWhatToName(@TempDir Path empty) {
        assertThat(run("fix", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(empty.toString())
                .endsWith("docproof: no lesson to fix: name .rst, .md or .adoc files, or folders that hold them\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aTimeoutBelowOneSecondIsAUsageError() {
        assertThat(run("fix", "--timeout", "0", "content")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("docproof: Invalid value for option '--timeout': a step needs some time: '0' is not above zero\nsee 'docproof fix --help'\n");
    }

    @Test
    void aTimeoutThatIsNotANumberIsAUsageError() {
        assertThat(run("fix", "--timeout", "soon", "content")).isEqualTo(2);
        assertThat(err.toString()).startsWith("docproof: Invalid value for option '--timeout': 'soon' is not a duration (try 90, 30s, 2m or 500ms)\n");
    }

    @Test
    void helpNamesTheOptions() {
        assertThat(run("fix", "--help")).isZero();
        assertThat(out.toString()).contains("--dry-run").contains("--update-samples").contains("--timeout=DURATION")
                .contains("--isolation=WHERE").contains("--max-output=SIZE").contains("--jobs=N");
    }
}
