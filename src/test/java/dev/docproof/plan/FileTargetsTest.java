package dev.docproof.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileTargetsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Dockerfile", "docker-compose.yml", "app/main.py", ".env", "nginx/default.conf",
            "web.service", "Makefile"})
    void fileNamesAreRecognised(String word) {
        assertThat(FileTargets.isFileName(word)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev.docproof", "1.2.3", "docker", "https://example.com/a.yml", "my file.txt", "e.g."})
    void otherWordsAreNot(String word) {
        assertThat(FileTargets.isFileName(word)).isFalse();
    }
}
