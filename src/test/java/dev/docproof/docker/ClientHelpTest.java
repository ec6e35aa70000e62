package dev.docproof.docker;

import dev.docproof.shell.CliModel;
import dev.docproof.shell.KnownCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the real docker client's help (the client only: no engine is asked anything). */
class ClientHelpTest {

    @Test
    void theClientsHelpIsReadOnceAndThenComesFromTheCache(@TempDir Path cache) throws IOException {
        ClientHelp help = new ClientHelp(cache);
        List<String> notes = new ArrayList<>();

        ClientHelp.Loaded first = help.load(KnownCli.DOCKER, notes).orElseThrow();
        ClientHelp.Loaded second = help.load(KnownCli.DOCKER, notes).orElseThrow();

        assertThat(notes).isEmpty();
        assertThat(first.source()).isEqualTo(ClientHelp.Source.CLIENT);
        assertThat(second.source()).isEqualTo(ClientHelp.Source.CACHE);
        CliModel model = second.model();
        assertThat(model.version()).startsWith("Docker version ");
        assertThat(model.command(List.of("network", "connect")).orElseThrow().flags())
                .anyMatch(f -> "alias".equals(f.name()));
        assertThat(model.command(List.of("network", "remove"))).isPresent();
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .singleElement().asString().startsWith("Docker_version_").endsWith(".help");
        }
    }

    @Test
    void curlsHelpIsReadThroughItsOwnFormat(@TempDir Path cache) {
        ClientHelp.Loaded curl = new ClientHelp(cache).load(KnownCli.CURL, new ArrayList<>()).orElseThrow();

        assertThat(curl.model().flag(curl.model().root(), "--verbose")).isPresent();
        assertThat(curl.model().flag(curl.model().root(), "-H").orElseThrow().takesValue()).isTrue();
    }
}
