package dev.docproof.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PlaceholdersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            docker stop <container_name/id>     | <container_name/id> | ANGLE     | CONTAINER
            docker stop {container id}          | {container id}      | BRACE     | CONTAINER
            docker run [IMAGE]                  | [IMAGE]             | BRACKET   | IMAGE
            docker push YOUR_NAME/app           | YOUR_NAME           | YOUR_WORD |
            docker network inspect <network>    | <network>           | ANGLE     | NETWORK
            docker volume rm {name}             | {name}              | BRACE     |
            """)
    void everySpellingIsAPlaceholderWithTheKindItsWordsName(String command, String text,
                                                            Placeholders.Spelling spelling, ResourceKind kind) {
        assertThat(Placeholders.find(command)).extracting(Placeholders.Placeholder::text,
                Placeholders.Placeholder::spelling, Placeholders.Placeholder::kind)
                .containsExactly(tuple(text, spelling, kind));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "echo ${HOME}", "echo {a,b}", "echo {1..3}", "docker inspect -f '{{.Id}}' web", "[ -f x ] && echo y",
            "awk '{print $1}' f", "cat < in.txt", "echo '<h1>hi</h1>'", "YOUR_NAME=bob ./run.sh", "echo $YOUR_NAME",
            "echo '[IMAGE]'", "[[ -n $x ]]"})
    void shellSyntaxThatLooksAlikeIsNoPlaceholder(String command) {
        assertThat(Placeholders.find(command)).isEmpty();
    }

    @Test
    void hexIdsInDockerArgumentsAreTheAuthorsValues() {
        assertThat(Placeholders.authorValues("docker stop 3f9a1c2be4d7 && docker logs web"))
                .extracting(Placeholders.AuthorValue::text).containsExactly("3f9a1c2be4d7");
        assertThat(Placeholders.authorValues("docker exec 3f9a1c2be4d7 echo 0123456789ab"))
                .extracting(Placeholders.AuthorValue::text).containsExactly("3f9a1c2be4d7");
        assertThat(Placeholders.authorValues("echo 3f9a1c2be4d7")).isEmpty();
        assertThat(Placeholders.authorValues("docker stop deadbeefcafe")).isEmpty(); // a word, no digit
    }
}
