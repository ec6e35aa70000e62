package dev.docproof.run;

import dev.docproof.lesson.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A build sample in BuildKit's form, where the engine's classic builder printed its steps, is told apart. */
class OtherBuilderTest {

    private static final Output CLASSIC = new Output("Step 1/2 : FROM x\n ---> 1a2b3c4d5e6f\nStep 2/2 : CMD [\"sh\"]\n",
            "Step 1/2 : FROM x\n", "");

    @Test
    void aBuildKitSampleAgainstClassicStepsIsAnotherBuilders() {
        assertThat(OtherBuilder.shows(new Sample(List.of("[+] Building 1.2s (6/6) FINISHED", " => [1/2] FROM x"), 5),
                CLASSIC)).isTrue();
        assertThat(OtherBuilder.shows(new Sample(List.of("Step 1/2 : FROM y"), 5), CLASSIC)).isFalse();
        assertThat(OtherBuilder.shows(new Sample(List.of("[+] Building 1.2s (6/6) FINISHED"), 5),
                new Output("#1 [internal] load build definition\n", "", ""))).isFalse();
    }
}
