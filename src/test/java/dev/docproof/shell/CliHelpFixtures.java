package dev.docproof.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Captured help pages: docker 28.2.2's client (the built-in copy) and curl 7.88.1's {@code --help all}. */
public final class CliHelpFixtures {

    private CliHelpFixtures() {}

    public static CliModel docker() {
        return CliModel.of(DockerCli.BUILT_IN_PAGES, KnownCli.DOCKER.format());
    }

    public static CliModel curl() {
        try {
            String text = Files.readString(Path.of("src/test/resources/shell/curl.help"), StandardCharsets.UTF_8);
            return CliModel.of(HelpPages.read(text).orElseThrow(), KnownCli.CURL.format());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, CliModel> both() {
        return Map.of("docker", docker(), "curl", curl());
    }
}
