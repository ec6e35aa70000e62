package dev.docproof.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Installs Debian packages docproof needs (docker.io, debootstrap), as root on Debian only. */
final class Apt {

    private static boolean updated;

    private Apt() {}

    static synchronized void install(List<String> packages, Path logDir, Consumer<String> progress)
            throws EngineException {
        Host host = Host.current();
        if (!host.maySetUpEngine()) {
            throw new EngineException("Missing " + String.join(", ", packages) + ": install "
                    + (packages.size() == 1 ? "it" : "them") + " (on Debian: sudo apt-get install -y "
                    + String.join(" ", packages) + "), then run the command again.");
        }
        Path log = logDir.resolve("apt.log");
        Map<String, String> env = Map.of("DEBIAN_FRONTEND", "noninteractive");
        if (!updated) {
            progress.accept("apt-get update (output in " + log + ")");
            Processes.run(List.of("apt-get", "update", "-q"), env, EngineSetup.APT_TIMEOUT, log);
            updated = true;
        }
        progress.accept("apt-get install " + String.join(" ", packages));
        List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "-q"));
        command.addAll(packages);
        Processes.run(command, env, EngineSetup.APT_TIMEOUT, log);
    }
}
