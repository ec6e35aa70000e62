package dev.docproof.docker;

import com.github.dockerjava.api.command.InspectImageResponse;
import dev.docproof.testsupport.TestEngine;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the engine says of an image, read as plain JSON, against what the full client reads of it. */
class EngineImageEngineTest {

    private final Engine engine = TestEngine.ready();

    @Test
    void anImageTheEngineHasComesWithTheIdAndLabelsTheClientSees() {
        String name = TestEngine.LESSON_IMAGES.get(0).canonical();
        InspectImageResponse full = engine.client().inspectImageCmd(name).exec();
        Map<String, String> labels = full.getConfig().getLabels() == null ? Map.of() : full.getConfig().getLabels();

        Engine.ImageFacts facts = engine.image(name).orElseThrow();

        assertThat(facts.id()).isEqualTo(full.getId());
        assertThat(facts.labels()).isEqualTo(labels).containsKey(ImageProvisioner.RECIPE_LABEL);
        // Every way a lesson names it: without its tag, and by id.
        assertThat(engine.image(TestEngine.LESSON_IMAGES.get(0).repository())).contains(facts);
        assertThat(engine.image(full.getId())).contains(facts);
    }

    @Test
    void anImageTheEngineLacksIsEmpty() throws EngineException {
        assertThat(engine.image("docproof-test/never-built:none")).isEmpty();
        assertThat(Ledger.missingImages(engine, java.util.List.of("docproof-test/never-built", "launchcodedevops/simple-http")))
                .containsExactly("docproof-test/never-built");
    }
}
