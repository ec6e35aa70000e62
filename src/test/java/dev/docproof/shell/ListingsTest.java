package dev.docproof.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ListingsTest {

    @ParameterizedTest(name = "{0} lists in columns at a terminal")
    @ValueSource(strings = {"ls", "ls -a", "ls -AF app", "sudo ls /root", "LC_ALL=C ls -r", "ls -- -l"})
    void anLsInItsDefaultLayout(String command) {
        assertThat(Listings.inColumnsAtATerminal(command)).isTrue();
    }

    @ParameterizedTest(name = "{0} does not")
    @ValueSource(strings = {"ls -l", "ls -la", "ls -1", "ls -m", "ls --format=long", "ls -g", "ls | wc -l",
            "ls > files.txt", "cd app && ls", "echo ls", "lsblk", "ls -Q"})
    void anotherLayoutOrDestination(String command) {
        assertThat(Listings.inColumnsAtATerminal(command)).isFalse();
    }
}
