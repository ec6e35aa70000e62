package dev.docproof.testsupport;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class CourseLessonTest {

    @Test
    void theCourseLessonIsTheUntouchedOriginal() throws Exception {
        byte[] lesson = Files.readAllBytes(Path.of("content/docker-networking.rst"));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lesson)))
                .isEqualTo("ef5eb8636642388ffd363577108490e9b36f3df69ec8740c7158fc773e489449");
    }
}
