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
import java.util.Optional;
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

        assertThat(notes).as("said once, when the help is read afresh").singleElement().asString()
                .startsWith("docker commands checked against the help of Docker version ").contains("cached in " + cache);
        assertThat(first.source()).isEqualTo(ClientHelp.Source.CLIENT);
        assertThat(second.source()).isEqualTo(ClientHelp.Source.CACHE);
        CliModel model = second.model();
        assertThat(model.version()).startsWith("Docker version ");
        assertThat(model.command(List.of("network", "connect")).orElseThrow().flags())
                .anyMatch(f -> "alias".equals(f.name()));
        assertThat(model.command(List.of("network", "remove"))).isPresent();
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .filteredOn(name -> name.endsWith(".help"))
                    .singleElement().asString().startsWith("Docker_version_");
        }
    }

    @Test
    void theClientIsAskedItsVersionOnlyWhenItsProgramFileChanged(@TempDir Path dir) throws IOException {
        Path asked = dir.resolve("asked");
        Path client = dir.resolve("curl");
        Files.writeString(client, fakeCurl(asked, "curl 8.1.0"));
        client.toFile().setExecutable(true);
        ClientHelp help = new ClientHelp(dir.resolve("cache"), program -> Optional.of(client));

        help.load(KnownCli.CURL, new ArrayList<>()).orElseThrow();
        ClientHelp.Loaded again = help.load(KnownCli.CURL, new ArrayList<>()).orElseThrow();

        assertThat(Files.readAllLines(asked)).as("the second load runs nothing").containsExactly("--version", "--help all");
        assertThat(again.source()).isEqualTo(ClientHelp.Source.CACHE);
        assertThat(again.model().version()).isEqualTo("curl 8.1.0 (x86_64-pc-linux-gnu)");

        Files.writeString(client, fakeCurl(asked, "curl 8.2.1")); // upgraded in place: another size
        ClientHelp.Loaded upgraded = help.load(KnownCli.CURL, new ArrayList<>()).orElseThrow();

        assertThat(upgraded.source()).isEqualTo(ClientHelp.Source.CLIENT);
        assertThat(upgraded.model().version()).isEqualTo("curl 8.2.1 (x86_64-pc-linux-gnu)");
        assertThat(Files.readAllLines(asked)).containsExactly("--version", "--help all", "--version", "--help all");
    }

    /** A curl that prints {@code version} and a one-flag help, noting each call's arguments in {@code asked}. */
    private static String fakeCurl(Path asked, String version) {
        return "#!/bin/sh\necho \"$*\" >> '" + asked + "'\n"
                + "if [ \"$1\" = --version ]; then echo '" + version + " (x86_64-pc-linux-gnu)'; exit 0; fi\n"
                + "echo 'Usage: curl [options...] <url>'\necho ' -v, --verbose       Make the operation more talkative'\n";
    }

    @Test
    void curlsHelpIsReadThroughItsOwnFormat(@TempDir Path cache) {
        ClientHelp.Loaded curl = new ClientHelp(cache).load(KnownCli.CURL, new ArrayList<>()).orElseThrow();

        assertThat(curl.model().flag(curl.model().root(), "--verbose")).isPresent();
        assertThat(curl.model().flag(curl.model().root(), "-H").orElseThrow().takesValue()).isTrue();
    }

    @Test
    void withNoClientAndNoCacheDockerCommandsAreCheckedAgainstTheBuiltInCopyAndItIsSaid(@TempDir Path cache) {
        List<String> notes = new ArrayList<>();

        ClientHelp.Loaded loaded = new ClientHelp(cache, program -> Optional.empty())
                .load(KnownCli.DOCKER, notes).orElseThrow();

        assertThat(loaded.source()).isEqualTo(ClientHelp.Source.BUILT_IN);
        assertThat(loaded.model().command(List.of("network", "connect"))).isPresent();
        assertThat(notes).containsExactly("no docker client on PATH and no help of one cached in " + cache.resolve("docker")
                + ": docker commands are checked against docproof's built-in copy of the help of Docker version 28.2.2,"
                + " build e6534b4 (install a docker client, or run docproof once where one is, to check them against"
                + " your client)");
    }

    @Test
    void withNoClientTheHelpCachedForOneIsUsedAndSaid(@TempDir Path cache) {
        ClientHelp.Loaded read = new ClientHelp(cache).load(KnownCli.DOCKER, new ArrayList<>()).orElseThrow();
        List<String> notes = new ArrayList<>();

        ClientHelp.Loaded loaded = new ClientHelp(cache, program -> Optional.empty())
                .load(KnownCli.DOCKER, notes).orElseThrow();

        assertThat(loaded.source()).isEqualTo(ClientHelp.Source.CACHE);
        assertThat(loaded.model().version()).isEqualTo(read.model().version());
        assertThat(notes).singleElement().asString()
                .startsWith("no docker client on PATH: its commands are checked against the help of "
                        + read.model().version() + " cached in " + cache.resolve("docker"));
    }

    @Test
    void anotherCliWithNoClientAndNoCacheIsNotCheckedAndItIsSaid(@TempDir Path cache) {
        List<String> notes = new ArrayList<>();

        assertThat(new ClientHelp(cache, program -> Optional.empty()).load(KnownCli.CURL, notes)).isEmpty();
        assertThat(notes).containsExactly("no curl client on PATH and no help of one cached in " + cache.resolve("curl")
                + ": curl commands are not checked (install curl to check them)");
    }
}
