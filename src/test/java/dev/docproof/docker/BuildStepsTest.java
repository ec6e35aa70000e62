package dev.docproof.docker;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A classic build's answer loses the steps the engine added for docproof's labels, and counts its own steps. */
class BuildStepsTest {

    private static final String ANSWER = """
            {"stream":"Step 1/4 : FROM docproof/bookworm-minbase:1"}\r
            {"stream":"\\n"}\r
            {"stream":" ---\\u003e 5d0da3dc9764\\n"}\r
            {"stream":"Step 2/4 : CMD [\\"sh\\"]"}\r
            {"stream":"\\n"}\r
            {"stream":" ---\\u003e Running in 0a1b2c3d4e5f\\n"}\r
            {"stream":"Removing intermediate container 0a1b2c3d4e5f\\n"}\r
            {"stream":" ---\\u003e 6e7f8a9b0c1d\\n"}\r
            {"stream":"Step 3/4 : LABEL dev.docproof.run=1234"}\r
            {"stream":"\\n"}\r
            {"stream":" ---\\u003e Running in 1a2b3c4d5e6f\\n"}\r
            {"stream":"Removing intermediate container 1a2b3c4d5e6f\\n"}\r
            {"stream":" ---\\u003e 2a3b4c5d6e7f\\n"}\r
            {"stream":"Step 4/4 : LABEL dev.docproof.made-at=9"}\r
            {"stream":" ---\\u003e 7f8e9d0c1b2a\\n"}\r
            {"aux":{"ID":"sha256:7f8e9d0c1b2a"}}\r
            {"stream":"Successfully built 7f8e9d0c1b2a\\n"}\r
            {"stream":"Successfully tagged probe:1\\n"}\r
            """;

    @Test
    void theAddedLabelStepsGoWithTheirLinesTheCountsAreTheDockerfilesOwnAndTheLastIdIsTheImageBuilt()
            throws IOException {
        BuildSteps steps = new BuildSteps(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < answer.length; at += 7) { // in pieces that cut messages anywhere
            out.write(steps.accept(java.util.Arrays.copyOfRange(answer, at, Math.min(answer.length, at + 7))));
        }
        out.write(steps.rest());

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                {"stream":"Step 1/2 : FROM docproof/bookworm-minbase:1"}\r
                {"stream":"\\n"}\r
                {"stream":" ---\\u003e 5d0da3dc9764\\n"}\r
                {"stream":"Step 2/2 : CMD [\\"sh\\"]"}\r
                {"stream":"\\n"}\r
                {"stream":" ---\\u003e Running in 0a1b2c3d4e5f\\n"}\r
                {"stream":"Removing intermediate container 0a1b2c3d4e5f\\n"}\r
                {"stream":" ---\\u003e 7f8e9d0c1b2a\\n"}\r
                {"aux":{"ID":"sha256:7f8e9d0c1b2a"}}\r
                {"stream":"Successfully built 7f8e9d0c1b2a\\n"}\r
                {"stream":"Successfully tagged probe:1\\n"}\r
                """);
    }

    @Test
    void aBuildThatFailsBeforeTheLabelsIsPassedOnAsItCame() throws IOException {
        String failed = "{\"stream\":\"Step 1/3 : FROM nothing:here\"}\r\n{\"errorDetail\":{\"message\":\"no\"},\"error\":\"no\"}";
        BuildSteps steps = new BuildSteps(1);

        String out = new String(steps.accept(failed.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)
                + new String(steps.rest(), StandardCharsets.UTF_8);

        assertThat(out).isEqualTo("{\"stream\":\"Step 1/2 : FROM nothing:here\"}\r\n"
                + "{\"errorDetail\":{\"message\":\"no\"},\"error\":\"no\"}");
    }
}
