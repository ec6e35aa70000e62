package dev.docproof.run;

import dev.docproof.docker.EngineException;
import dev.docproof.docker.ImageProvisioner;
import dev.docproof.docker.Ledger;
import dev.docproof.shell.ImageRef;
import dev.docproof.shell.DockerArguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The base image a {@code docker build} needs that the engine lacks: the build would try a registry, which
 * hangs here, so the step is skipped instead. The Dockerfile is read from the session's working folder, where
 * the lesson (or a file step) put it.
 */
final class BuildBase {

    private BuildBase() {}

    static Optional<String> missing(String command, ShellSession session, Ledger ledger) {
        List<DockerArguments.Argument> builds = DockerArguments.of(command).stream()
                .filter(a -> a.call().command().equals("build") || a.call().command().endsWith(" build")).toList();
        if (builds.isEmpty()) {
            return Optional.empty();
        }
        ShellSession.Execution pwd = session.run("pwd", Duration.ofSeconds(5));
        if (pwd.exitCode() == null || pwd.exitCode() != 0) {
            return Optional.empty();
        }
        Path cwd = Path.of(pwd.output().stdout().strip());
        Path context = cwd.resolve(builds.get(builds.size() - 1).word().text());
        Path dockerfile = dockerfile(command).map(cwd::resolve).orElse(context.resolve("Dockerfile"));
        List<String> bases;
        try {
            bases = ImageProvisioner.parents(Files.readAllLines(dockerfile)).stream().map(ImageRef::canonical).toList();
        } catch (IOException unreadable) {
            return Optional.empty(); // the build itself says what is wrong with its Dockerfile
        }
        try {
            return ledger.missingImages(bases).stream().findFirst();
        } catch (EngineException e) {
            return Optional.empty();
        }
    }

    /** {@code -f FILE} / {@code --file FILE}, relative to the working folder. */
    private static Optional<String> dockerfile(String command) {
        String[] words = command.split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("-f") || words[i].equals("--file")) {
                return Optional.of(words[i + 1]);
            }
        }
        return Optional.empty();
    }
}
