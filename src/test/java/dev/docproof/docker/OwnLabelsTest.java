package dev.docproof.docker;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class OwnLabelsTest {

    private static String hidden(String json) {
        return new String(OwnLabels.hidden(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void aVolumeWithOnlyDocproofsLabelsShowsNone() {
        assertThat(hidden("{\"CreatedAt\":\"2026-12-03T00:49:09Z\",\"Driver\":\"local\",\"Labels\":{"
                + "\"dev.docproof.lesson\":\"volumes.rst\",\"dev.docproof.run\":\"44fd\"},\"Name\":\"app-data\"}"))
                .isEqualTo("{\"CreatedAt\":\"2026-12-03T00:49:09Z\",\"Driver\":\"local\",\"Labels\":{},"
                        + "\"Name\":\"app-data\"}");
    }

    /** The lesson's own labels stay, in the engine's order, wherever docproof's stood among them. */
    @Test
    void theLessonsOwnLabelsStayAsTheEngineWroteThem() {
        assertThat(hidden("{\"Config\":{\"Labels\":{\"com.docker.compose.project\":\"web\","
                + "\"dev.docproof.run\":\"44fd\",\"tier\":\"\\u003cfront\\u003e\"}},\"Labels\":{\"a\":\"1\","
                + "\"dev.docproof.run\":\"x\"}}"))
                .isEqualTo("{\"Config\":{\"Labels\":{\"com.docker.compose.project\":\"web\","
                        + "\"tier\":\"\\u003cfront\\u003e\"}},\"Labels\":{\"a\":\"1\"}}");
    }

    @Test
    void everyLabelsObjectOfAListIsCleanedAndTheRestIsLeftByteForByte() {
        String list = "[{\"Id\":\"1\",\"Labels\":{\"dev.docproof.run\":\"x\"},\"Command\":\"echo \\u0026\"},"
                + " {\"Id\":\"2\", \"Labels\": { \"dev.docproof.run\" : \"x\" , \"keep\" : \"me\" }},"
                + "{\"Id\":\"3\",\"Labels\":null,\"Env\":[\"X=\\\"Labels\\\":{\\\"dev.docproof.run\\\":1}\"]}]";

        assertThat(hidden(list)).isEqualTo("[{\"Id\":\"1\",\"Labels\":{},\"Command\":\"echo \\u0026\"},"
                + " {\"Id\":\"2\", \"Labels\": {\"keep\" : \"me\"}},"
                + "{\"Id\":\"3\",\"Labels\":null,\"Env\":[\"X=\\\"Labels\\\":{\\\"dev.docproof.run\\\":1}\"]}]");
    }

    @Test
    void anAnswerWithoutDocproofsLabelsOrNotJsonIsPassedOnAsItIs() {
        byte[] plain = "{\"Labels\":{\"tier\":\"web\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = "{\"Labels\":{\"dev.docproof.run\":".getBytes(StandardCharsets.UTF_8);

        assertThat(OwnLabels.hidden(plain)).isSameAs(plain);
        assertThat(OwnLabels.hidden(broken)).isSameAs(broken);
    }

    @Test
    void anImageWhoseOnlyLabelsWereDocproofsShowsNoneAsTheEngineWritesIt() {
        String image = "{\"Id\":\"sha256:1\",\"Config\":{\"Labels\":{\"dev.docproof.run\":\"r\"}},\"ContainerConfig\":"
                + "{\"Labels\":{\"tier\":\"web\",\"dev.docproof.run\":\"r\"}}}";

        assertThat(new String(OwnLabels.hidden(image.getBytes(StandardCharsets.UTF_8), true), StandardCharsets.UTF_8))
                .isEqualTo("{\"Id\":\"sha256:1\",\"Config\":{\"Labels\":null},\"ContainerConfig\":{\"Labels\":{\"tier\":\"web\"}}}");
    }
}
