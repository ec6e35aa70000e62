package dev.docproof.docker;

import dev.docproof.shell.ResourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NameLocksTest {

    private static final String ENGINE = "unix:///var/run/docker.sock";

    @TempDir
    Path folder;

    private static NameLocks.Name network(String name, int line) {
        return new NameLocks.Name(ResourceKind.NETWORK, name, line);
    }

    @Test
    void aSecondRunOfLessonsSharingANameIsRefusedWithWhoHoldsIt() throws Exception {
        RunOwner first = RunOwner.of("content/a.rst");
        try (NameLocks held = NameLocks.acquire(folder, ENGINE, first, List.of(network("networking-test", 3)))) {
            assertThatThrownBy(() -> NameLocks.acquire(folder, ENGINE, RunOwner.of("content/b.md"),
                    List.of(network("other", 1), network("networking-test", 9))))
                    .isInstanceOf(NameLocks.HeldException.class)
                    .satisfies(e -> assertThat(((NameLocks.HeldException) e).held().name().line()).isEqualTo(9))
                    .hasMessageContaining("network \"networking-test\"")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("started " + first.started())
                    .hasMessageContaining("lesson content/a.rst");
        }
    }

    @Test
    void aRefusedRunHoldsNothingAndAnEndedOneLetsGo() throws Exception {
        try (NameLocks held = NameLocks.acquire(folder, ENGINE, RunOwner.of("a"), List.of(network("b", 1)))) {
            assertThatThrownBy(() -> NameLocks.acquire(folder, ENGINE, RunOwner.of("b"),
                    List.of(network("a", 1), network("b", 2)))).isInstanceOf(NameLocks.HeldException.class);
            // "a" was taken and given back when "b" was refused
            NameLocks.acquire(folder, ENGINE, RunOwner.of("c"), List.of(network("a", 1))).close();
        }
        NameLocks.acquire(folder, ENGINE, RunOwner.of("d"), List.of(network("b", 1))).close();
        try (var files = Files.list(folder)) {
            assertThat(files).as("a free lock names no holder").allSatisfy(f -> assertThat(Files.size(f)).isZero());
        }
    }

    @Test
    void lessonsWithDisjointNamesOrOnOtherEnginesRunTogether() throws Exception {
        try (NameLocks a = NameLocks.acquire(folder, ENGINE, RunOwner.of("a"), List.of(network("x", 1)));
             NameLocks b = NameLocks.acquire(folder, ENGINE, RunOwner.of("b"), List.of(network("y", 1),
                     new NameLocks.Name(ResourceKind.CONTAINER, "x", 2)));
             NameLocks c = NameLocks.acquire(folder, "tcp://10.0.0.9:2375", RunOwner.of("c"), List.of(network("x", 1)))) {
            assertThat(List.of(a, b, c)).doesNotContainNull();
        }
    }
}
