package dev.docproof.docker;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxMemoryTest {

    @Test
    void theEventWindowEndsAtTheInstantAskedToTheNanosecondNotAtTheNextWholeSecond() {
        assertThat(SandboxMemory.timestamp(Instant.ofEpochSecond(1_796_224_092L, 5))).isEqualTo("1796224092.000000005");
        assertThat(SandboxMemory.timestamp(Instant.ofEpochSecond(1_796_224_092L, 987_654_321)))
                .isEqualTo("1796224092.987654321");
    }

    @Test
    void sizesReadInTheUnitsTheSizeOptionsTake() {
        assertThat(SandboxMemory.describe(300_000_000L)).isEqualTo("300 MB");
        assertThat(SandboxMemory.describe(2_500_000_000L)).isEqualTo("2.5 GB");
    }
}
