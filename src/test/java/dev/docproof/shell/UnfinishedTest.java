package dev.docproof.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether bash would ask for more: the statements lessons write, whole and cut short. */
class UnfinishedTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "echo hi",
            "for i in 1 2; do echo $i; done",
            "for name in alpha beta; do\n  echo \"container-$name\"\ndone",
            "for ((i = 1; i <= 3; i++)); do\n  echo \"Iteration $i\"\ndone",
            "if [ -d /tmp ]; then\n  echo yes\nelif true; then\n  echo no\nelse\n  echo maybe\nfi",
            "case \"$1\" in\n  start) echo up;;\n  stop|halt) echo down;;\n  *) echo \"usage\"\nesac",
            "case $x in (a) echo in;; esac",
            "greet() {\n  echo \"hi $1\"\n}",
            "function greet {\n  local name=$1\n  echo \"hi $name\"\n}",
            "while read -r line; do echo \"$line\"; done < notes.txt",
            "until false; do break; done",
            "echo done if then fi esac",
            "echo \"it's fine\"",
            "echo 'say \"hi\"'",
            "echo $(date) `hostname` ${HOME#/} $((1 + 2)) $#",
            "echo \"$(echo \"(\")\"",
            "echo a # it's only a comment",
            "docker ps | grep web && echo found || echo none",
            "sleep 10 &",
            "(cd /tmp && ls)",
            "[[ -f x ]] && echo y",
            "echo $'it\\'s'",
            "echo \\\"quoted\\\"",
            "x={a,b}; echo {1..3}",
            "cat <<EOF > app.txt"})
    void aWholeStatementNeedsNothingMore(String text) {
        assertThat(Unfinished.closer(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
            for i in 1 2; do => done
            for name in a b; do\\n  echo $name => done
            if true; then => fi
            while true; do\\n  if x; then\\n    y => fi
            case x in => esac
            case x in\\n  a) echo a;; => esac
            greet() { => }
            function bye { => }
            echo "abc => "
            echo 'abc => '
            echo $(date => )
            (cd /tmp => )
            ls | => |
            true && => |
            false || => |
            echo `date => `
            """)
    void anUnfinishedStatementSaysWhatWouldEndIt(String text, String closer) {
        assertThat(Unfinished.closer(text.replace("\\n", "\n"))).contains(closer);
    }
}
