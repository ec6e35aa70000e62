package dev.docproof.verify;

import dev.docproof.lesson.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnListingTest {

    @Test
    void namesInColumnsMatchTheSameNamesOnePerLineInAnyOrder() {
        Sample columns = new Sample(List.of("app.py  Dockerfile        requirements.txt", "static  'my notes.txt'"), 6);

        assertThat(ColumnListing.sameNames(columns, "Dockerfile\napp.py\nmy notes.txt\nrequirements.txt\nstatic\n")).isTrue();
    }

    @Test
    void aNameMissingOrAddedOrAnElidedSampleIsNoMatch() {
        Sample columns = new Sample(List.of("app.py  Dockerfile  requirements.txt"), 6);

        assertThat(ColumnListing.sameNames(columns, "Dockerfile\napp.py\n")).isFalse();
        assertThat(ColumnListing.sameNames(columns, "Dockerfile\napp.py\nrequirements.txt\nsetup.py\n")).isFalse();
        assertThat(ColumnListing.sameNames(new Sample(List.of("app.py  ..."), 6), "app.py\n")).isFalse();
        assertThat(ColumnListing.sameNames(new Sample(List.of("app.py Dockerfile"), 6), "app.py\nDockerfile\n")).isFalse();
    }
}
