package dev.docproof.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aTimeoutThatIsNotADurationIsAUsageError() {
        assertThat(run("fix", "--timeout", "soon", "content")).isEqualTo(2);
        assertThat(err.toString()).startsWith("docproof: Invalid value for option '--timeout': "
                + "'soon' is not a duration; write e.g. 60s, 2m or 500ms\n");
    }

    @Test
    void durationsReadAsAuthorsWriteThem() {
        var converter = new FixCommand.DurationConverter();
        assertThat(converter.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> converter.convert("0s")).hasMessageContaining("must be positive");
    }

    @Test
    void helpNamesTheOptions() {
        assertThat(run("fix", "--help")).isZero();
        assertThat(out.toString()).contains("--dry-run").contains("--update-samples").contains("--timeout=DURATION");
    }
}
