package dev.docproof.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            aws_access_key_id = AKIAIOSFODNN7EXAMPLE                       | aws_access_key_id = AKIA********
            export GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789    | export GITHUB_TOKEN=ghp_********
            DB_PASSWORD=s3cr3t-pass                                         | DB_PASSWORD=********
            "password": "hunter2hunter2"                                    | "password": "********"
            key AIzaSyA1234567890abcdefghijklmnopqrstuv                     | key AIza********
            DB_PWD=hunter2hunter2                                           | DB_PWD=********
            docker swarm join --token SWMTKN-1-0r513qcgv1b8pleawk1j7u82obblllalwze0c7b1i4j7p2csmo-7xq4in66vpf32pa5vo67j7jkf 172.17.0.3:2377 | docker swarm join --token SWMT******** 172.17.0.3:2377
            SWMKEY-1-7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8             | SWMK********
            """)
    void credentialLookingValuesAreMasked(String text, String masked) {
        assertThat(Secrets.mask(text)).isEqualTo(masked);
        assertThat(Secrets.present(text)).isTrue();
    }

    @Test
    void privateKeyBodyIsMasked() {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nAAAA\n-----END OPENSSH PRIVATE KEY-----\nafter";
        assertThat(Secrets.mask(key)).isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----\n********\n\nafter");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"docker network ls", "DB_HOST=postgres", "172.18.0.2", "password: $DB_PASSWORD",
            "sha256:1a43c6f0cecc5b1e2e5e5c0a0f6c1f7b8e2d1a43c6f0cecc5b1e2e5e5c0a0f6c", "token: <your token>",
            "PWD=/lesson", "OLDPWD=/root/projects/hello"})
    void ordinaryTextIsLeftAlone(String text) {
        assertThat(Secrets.mask(text)).isEqualTo(text);
    }
}
