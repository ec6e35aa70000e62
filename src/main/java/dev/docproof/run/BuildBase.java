package dev.docproof.run;

import dev.docproof.docker.EngineException;
import dev.docproof.docker.ImageProvisioner;
import dev.docproof.docker.Ledger;
import dev.docproof.shell.ImageRef;
import dev.docproof.shell.DockerArguments;
import dev.docproof.shell.ShellWords;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The base image a {@code docker build} needs that the engine lacks: the build would try a registry, which
 * hangs here, so the step is skipped instead. The Dockerfile is read through the session (wherever its bash
 * runs) from its working folder, where the lesson, or a file step, put it.
 */
final class BuildBase {

    private static final Duration READ = Duration.ofSeconds(5);

    private BuildBase() {}

    static Optional<String> missing(String command, ShellSession session, Ledger ledger) {
        List<DockerArguments.Argument> builds = DockerArguments.of(command).stream()
                .filter(a -> a.call().command().equals("build") || a.call().command().endsWith(" build")).toList();
        if (builds.isEmpty()) {
            return Optional.empty();
        }
        String context = builds.get(builds.size() - 1).word().text();
        if (context.equals("-") || context.contains("://")) {
            return Optional.empty(); // a Dockerfile on stdin or a remote context: nothing here to read
        }
        String dockerfile = dockerfile(command).orElse(context + "/Dockerfile");
        ShellSession.Execution read = session.ask("cat -- " + ShellWords.quote(dockerfile), READ);
        if (read.exitCode() == null || read.exitCode() != 0) {
            return Optional.empty(); // the build itself says what is wrong with its Dockerfile
        }
        List<String> bases = ImageProvisioner.parents(read.output().stdout().lines().toList()).stream()
                .map(ImageRef::canonical).toList();
        try {
            return ledger.missingImages(bases).stream().findFirst();
        } catch (EngineException e) {
            return Optional.empty();
        }
    }

    /** {@code -f FILE} / {@code --file FILE} / {@code --file=FILE}, relative to the working folder. */
    private static Optional<String> dockerfile(String command) {
        List<String> words = ShellWords.commands(command).stream().flatMap(c -> c.texts().stream()).toList();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("-f") || w.equals("--file")) && i + 1 < words.size()) {
                return Optional.of(words.get(i + 1));
            }
            if (w.startsWith("--file=")) {
                return Optional.of(w.substring("--file=".length()));
            }
        }
        return Optional.empty();
    }
}
