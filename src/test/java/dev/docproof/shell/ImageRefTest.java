package dev.docproof.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageRefTest {

    @Test
    void aReferenceWithoutTagMeansLatest() {
        assertThat(ImageRef.parse("launchcodedevops/simple-http"))
                .isEqualTo(new ImageRef("launchcodedevops/simple-http", "latest", ""));
        assertThat(ImageRef.parse("launchcodedevops/simple-http").canonical())
                .isEqualTo("launchcodedevops/simple-http:latest");
    }

    @Test
    void aRegistryPortIsNotATag() {
        assertThat(ImageRef.parse("localhost:5000/app")).isEqualTo(new ImageRef("localhost:5000/app", "latest", ""));
        assertThat(ImageRef.parse("localhost:5000/app:1.2")).isEqualTo(new ImageRef("localhost:5000/app", "1.2", ""));
    }

    @Test
    void aDigestPinsTheImage() {
        assertThat(ImageRef.parse("alpine@sha256:abc").canonical()).isEqualTo("alpine@sha256:abc");
        assertThat(ImageRef.parse("alpine@sha256:abc").tag()).isEmpty();
    }
}
