package dev.docproof.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/** What docproof may do to this machine to get an engine: it installs and starts one only as root on Debian. */
record Host(boolean debian, boolean root) {

    static Host current() {
        return new Host(Files.exists(Path.of("/etc/debian_version")), uid() == 0);
    }

    boolean maySetUpEngine() {
        return debian && root;
    }

    /** The effective uid, read from the owner of /proc/self; -1 when unknown (not Linux). */
    private static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** A program on PATH or in the system folders root's PATH usually holds (sbin may be missing from PATH). */
    static Optional<Path> program(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Arrays.stream(path.split(":")), Stream.of("/usr/local/sbin", "/usr/local/bin",
                        "/usr/sbin", "/usr/bin", "/sbin", "/bin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
