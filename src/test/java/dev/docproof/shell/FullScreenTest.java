package dev.docproof.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FullScreenTest {

    @ParameterizedTest(name = "{0} runs {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nano notes.txt                          | nano
            sudo vim /etc/hosts                     | vim
            EDITOR=x sudo -u app -E emacs -nw a.txt | emacs
            top                                     | top
            top -u root                             | top
            cd /tmp && htop                         | htop
            watch -n 1 docker ps                    | watch
            docker ps; watch docker ps              | watch
            """)
    void aProgramAPersonDrivesAtATerminalIsFound(String command, String program) {
        assertThat(FullScreen.in(command)).get().extracting(FullScreen.Use::program).isEqualTo(program);
    }

    @ParameterizedTest(name = "{0} prints without a terminal")
    @ValueSource(strings = {"top -b -n 1", "top -bn1", "top -n 1 -b -o %MEM", "vim --version", "nano --help",
            "vim -es -c 'set nu' +wq notes.txt", "less /etc/hostname", "man ls", "git log", "echo vim",
            "docker exec web top -b -n 1", "cat nano.txt", "htop --version"})
    void aCommandThatPrintsAndEndsIsNone(String command) {
        assertThat(FullScreen.in(command)).isEmpty();
    }

    @Test
    void theReasonSaysWhatToShowInstead() {
        assertThat(FullScreen.in("top").orElseThrow().reason()).isEqualTo("`top` is a full-screen program a person"
                + " drives at a terminal, and steps run without one (their stdin empty, as in CI): show one snapshot"
                + " instead (`top -b -n 1`), or put a `docproof: skip` marker before it");
        assertThat(FullScreen.in("nano app.py").orElseThrow().reason()).contains("a block the run writes can hold the"
                + " file it edits");
    }
}
