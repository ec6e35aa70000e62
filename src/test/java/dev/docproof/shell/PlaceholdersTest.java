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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "cat > site/index.html <<'EOF'\n<h1>hello from myapp</h1>\nEOF",
            "cat > page.html <<EOF\n<html>\n<body>\n<p>one<br>two</p>\n<hr>\n</body>\n</html>\nEOF",
            "cat > app.py <<'EOF'\nname = 'x'\nprint(f\"Hello {name}\")\nEOF",
            "cat > fluent.conf <<EOF\n[INPUT]\n    Name cpu\nEOF",
            "tee values.yaml <<EOF\nimage: {repository}\nEOF"})
    void markupBracesAndSectionsInAHereDocumentAreAFilesContentNotPlaceholders(String command) {
        assertThat(Placeholders.find(command)).isEmpty();
    }

    @Test
    void aGapToFillInAHereDocumentIsStillAPlaceholder() {
        assertThat(Placeholders.find("cat > .env <<EOF\nAPI_KEY=YOUR_API_KEY\nHOST=<your host>\nEOF\ndocker stop <id>"))
                .extracting(Placeholders.Placeholder::text).containsExactly("YOUR_API_KEY", "<your host>", "<id>");
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
