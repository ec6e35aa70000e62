package dev.docproof.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class FixCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void fixWithoutALessonIsAUsageError() {
        assertThat(run("fix")).isEqualTo(2);
        assertThat(err.toString()).startsWith("docproof: Missing required parameter: 'FILE|DIR'\nUsage: docproof fix ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aTimeoutBelowOneSecondIsAUsageError() {
        assertThat(run("fix", "--timeout", "0", "content")).isEqualTo(2);
        assertThat(err.toString()).startsWith("docproof: --timeout must be at least 1 second, got 0\nUsage: docproof fix ");
    }

    @Test
    void aTimeoutThatIsNotANumberIsAUsageError() {
        assertThat(run("fix", "--timeout", "soon", "content")).isEqualTo(2);
        assertThat(err.toString()).startsWith("docproof: Invalid value for option '--timeout': 'soon' is not an int\n");
    }

    @Test
    void helpNamesTheOptions() {
        assertThat(run("fix", "--help")).isZero();
        assertThat(out.toString()).contains("--dry-run").contains("--update-samples").contains("--timeout=SECONDS");
    }
}
