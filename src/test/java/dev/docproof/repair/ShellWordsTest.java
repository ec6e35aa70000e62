package dev.docproof.repair;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellWordsTest {

    static List<List<String>> texts(String command) {
        return ShellWords.split(command).stream().map(s -> s.words().stream().map(ShellWords.Word::text).toList()).toList();
    }

    @Test
    void listAndPipeOperatorsSeparateSimpleCommands() {
        assertThat(texts("docker stop a && docker rm a; echo ok | cat & wait"))
                .containsExactly(List.of("docker", "stop", "a"), List.of("docker", "rm", "a"), List.of("echo", "ok"),
                        List.of("cat"), List.of("wait"));
    }

    @Test
    void quotesAreRemovedButOffsetsPointAtTheWordAsWritten() {
        String command = "docker exec web sh -c 'echo hi > /data/x'";
        List<ShellWords.Word> words = ShellWords.split(command).get(0).words();

        assertThat(words).extracting(ShellWords.Word::text)
                .containsExactly("docker", "exec", "web", "sh", "-c", "echo hi > /data/x");
        ShellWords.Word last = words.get(5);
        assertThat(command.substring(last.start(), last.end())).isEqualTo("'echo hi > /data/x'");
    }

    @Test
    void redirectionsAndTheirTargetsAreNotArguments() {
        assertThat(texts("docker network rm >/dev/null 2>&1 < in.txt")).containsExactly(List.of("docker", "network", "rm"));
        assertThat(texts("docker logs web 2> err.log &> all.log")).containsExactly(List.of("docker", "logs", "web"));
    }

    @Test
    void continuationsJoinAndCommentsEndTheLine() {
        assertThat(texts("docker run \\\n  --rm img # the image\necho next"))
                .containsExactly(List.of("docker", "run", "--rm", "img"), List.of("echo", "next"));
    }

    @Test
    void numbersThatAreNotDescriptorsStayWords() {
        assertThat(texts("docker run -p 8080:80 img")).containsExactly(List.of("docker", "run", "-p", "8080:80", "img"));
    }
}
