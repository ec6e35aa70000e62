package dev.docproof.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellWordsTest {

    static List<List<String>> texts(String command) {
        return ShellWords.commands(command).stream().map(ShellWords.Command::texts).toList();
    }

    @Test
    void listAndPipeOperatorsSeparateSimpleCommands() {
        assertThat(texts("docker stop a && docker rm a; echo ok | cat & wait"))
                .containsExactly(List.of("docker", "stop", "a"), List.of("docker", "rm", "a"), List.of("echo", "ok"),
                        List.of("cat"), List.of("wait"));
        assertThat(texts("a || b\nc |& d; (e); { f; }"))
                .containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("d"), List.of("e"), List.of("{", "f"),
                        List.of("}"));
    }

    @Test
    void quotesAreRemovedButOffsetsPointAtTheWordAsWritten() {
        String command = "docker exec web sh -c 'echo hi > /data/x'";
        List<ShellWords.Word> words = ShellWords.commands(command).get(0).words();

        assertThat(words).extracting(ShellWords.Word::text)
                .containsExactly("docker", "exec", "web", "sh", "-c", "echo hi > /data/x");
        ShellWords.Word last = words.get(5);
        assertThat(command.substring(last.start(), last.end())).isEqualTo("'echo hi > /data/x'");
        assertThat(last.quoted()).isTrue();
        assertThat(words.get(0).quoted()).isFalse();
    }

    @Test
    void doubleQuotesEscapeOnlyWhatBashEscapesThere() {
        assertThat(texts("echo \"a \\\"b\\\" \\$c \\\\ \\d\" 'e\\f' g\\ h"))
                .containsExactly(List.of("echo", "a \"b\" $c \\ \\d", "e\\f", "g h"));
        assertThat(texts("echo x\"y\"'z'")).containsExactly(List.of("echo", "xyz"));
    }

    @Test
    void redirectionsAndTheirTargetsAreNotArguments() {
        assertThat(texts("docker network rm >/dev/null 2>&1 < in.txt")).containsExactly(List.of("docker", "network", "rm"));
        assertThat(texts("docker logs web 2> err.log &> all.log")).containsExactly(List.of("docker", "logs", "web"));
        assertThat(texts("echo hi >| out >&- 3<> rw")).containsExactly(List.of("echo", "hi"));

        ShellWords.Command command = ShellWords.commands("cat < in.txt 2>&1").get(0);
        assertThat(command.redirections()).extracting(ShellWords.Redirection::operator).containsExactly("<", "2>&1");
        assertThat(command.redirections().get(0).target().text()).isEqualTo("in.txt");
        assertThat(command.redirections().get(1).target()).isNull();
    }

    @Test
    void continuationsJoinAndCommentsEndTheLine() {
        assertThat(texts("docker run \\\n  --rm img # the image\necho next"))
                .containsExactly(List.of("docker", "run", "--rm", "img"), List.of("echo", "next"));
        assertThat(texts("echo a#b # c")).containsExactly(List.of("echo", "a#b"));
        assertThat(texts("# docker run alpine")).isEmpty();
    }

    @Test
    void numbersThatAreNotDescriptorsStayWords() {
        assertThat(texts("docker run -p 8080:80 img")).containsExactly(List.of("docker", "run", "-p", "8080:80", "img"));
    }

    @Test
    void expansionsStayInTheirWordAndSubstitutedCommandsAreListedToo() {
        String command = "id=$(docker run -d \"e\") && echo \"$id\" ${x:-a b} $((1<<2)) `date -u`";
        assertThat(texts(command)).containsExactly(
                List.of("id=$(docker run -d \"e\")"), List.of("docker", "run", "-d", "e"),
                List.of("echo", "$id", "${x:-a b}", "$((1<<2))", "`date -u`"), List.of("date", "-u"));
        ShellWords.Word substitution = ShellWords.commands(command).get(0).words().get(0);
        assertThat(command.substring(substitution.start(), substitution.end())).isEqualTo("id=$(docker run -d \"e\")");
        assertThat(texts("diff <(sort a) b")).containsExactly(List.of("diff", "<(sort a)", "b"), List.of("sort", "a"));
    }

    @Test
    void hereDocumentBodiesAreNotCommands() {
        String command = "cat <<'EOF' > out.txt && echo done\ndocker network create x\nEOF\necho after";
        assertThat(texts(command)).containsExactly(List.of("cat"), List.of("echo", "done"), List.of("echo", "after"));
        ShellWords.Redirection doc = ShellWords.commands(command).get(0).redirections().get(0);
        assertThat(doc.hereDocument()).isTrue();
        assertThat(doc.target().text()).isEqualTo("EOF");
        assertThat(texts("cat <<-END\n\tbody\n\tEND\nls")).containsExactly(List.of("cat"), List.of("ls"));
        assertThat(texts("cat <<< 'a string'; ls")).containsExactly(List.of("cat"), List.of("ls"));
        assertThat(ShellWords.commands("cat <<< x").get(0).redirections().get(0).hereDocument()).isFalse();
        assertThat(texts("(( x = 1<<2 )); echo \"<<EOF\" $((1<<3))\nls"))
                .containsExactly(List.of("echo", "<<EOF", "$((1<<3))"), List.of("ls"));
    }

    @Test
    void hereDocumentBodiesAreReadApartWithoutTheirDelimiterLines() {
        String command = "cat > Dockerfile <<'EOF'\nFROM x\nRUN y\nEOF\ncat <<-END | sh\n\techo $(date)\n\tEND\nls";
        assertThat(ShellWords.hereDocumentBodies(command)).containsExactly("FROM x\nRUN y\n", "\techo $(date)\n");
        boolean[] body = ShellWords.inHereDocument(command);
        assertThat(body[command.indexOf("FROM")]).isTrue();
        assertThat(body[command.indexOf("EOF\n")]).isFalse();
        assertThat(body[command.indexOf("cat > ")]).isFalse();
        assertThat(body[command.indexOf("ls")]).isFalse();
        assertThat(ShellWords.hereDocumentBodies("cat <<EOF\nunfinished")).containsExactly("unfinished");
    }

    @Test
    void marksWhichCharactersStandInsideQuotes() {
        String command = "echo '<a>' \"b\\\"c\" \\'d <e>";
        boolean[] quoted = ShellWords.quoted(command);
        assertThat(quoted[command.indexOf("'<a>'")]).isTrue();
        assertThat(quoted[command.indexOf("<a>")]).isTrue();
        assertThat(quoted[command.indexOf("c\"")]).isTrue();
        assertThat(quoted[command.indexOf("c\"") + 1]).isTrue();
        assertThat(quoted[command.indexOf("\\'")]).isFalse();
        assertThat(quoted[command.indexOf("\\'") + 1]).isFalse();
        assertThat(quoted[command.indexOf("<e>")]).isFalse();
        assertThat(ShellWords.quoted("echo 'open")).containsExactly(false, false, false, false, false, true, true, true,
                true, true);
    }

    @Test
    void unbalancedTextNeverThrows() {
        for (String text : List.of("echo 'a", "echo \"a", "echo $(a", "echo `a", "echo ${a", "a \\", "cat <<", "x >",
                "echo $((1", ")", "((", "\"$(\"")) {
            assertThat(ShellWords.commands(text)).isNotNull();
        }
        assertThat(texts("echo 'a b")).containsExactly(List.of("echo", "a b"));
    }

    @Test
    void quotesANameOnlyWhenTheShellWouldReadItOtherwise() {
        assertThat(ShellWords.quote("networking-test")).isEqualTo("networking-test");
        assertThat(ShellWords.quote("my net")).isEqualTo("'my net'");
        assertThat(ShellWords.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(texts("docker network rm " + ShellWords.quote("it's $x")).get(0)).last().isEqualTo("it's $x");
    }
}
