package dev.docproof.docker;

import dev.docproof.shell.ImageRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DockerfileParentsTest {

    @Test
    void fromLinesNameTheImagesToProvisionFirst() {
        assertThat(ImageProvisioner.parents(List.of("# comment", "FROM docproof/bookworm-minbase:1", "RUN true")))
                .containsExactly(new ImageRef("docproof/bookworm-minbase", "1", ""));
    }

    @Test
    void earlierStagesScratchAndVariablesAreNotImages() {
        assertThat(ImageProvisioner.parents(List.of(
                "FROM --platform=linux/amd64 builder-base AS build",
                "FROM scratch",
                "ARG BASE=x",
                "FROM ${BASE}",
                "from build",
                "COPY --from=build /a /a")))
                .containsExactly(ImageRef.parse("builder-base"));
    }
}
