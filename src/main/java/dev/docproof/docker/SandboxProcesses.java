package dev.docproof.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a sandbox's processes as this machine sees them. Inside, a process has the id its own process
 * namespace gives it; the kernel lists every id a process has, outermost first, on the {@code NSpid:}
 * line of {@code /proc/PID/status}. The sandbox's processes all descend from its container runtime's
 * shim (the parent of the container's first process), so only that subtree is searched.
 */
final class SandboxProcesses {

    private SandboxProcesses() {}

    static Optional<ProcessHandle> hostProcess(long initPid, long pidInside) {
        Optional<ProcessHandle> init = ProcessHandle.of(initPid);
        Optional<String> namespace = namespace(initPid);
        if (init.isEmpty() || namespace.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle root = init.get().parent().orElse(init.get());
        return Stream.concat(Stream.of(root), root.descendants())
                .filter(p -> innermostPid(p.pid()).filter(id -> id == pidInside).isPresent())
                .filter(p -> namespace(p.pid()).equals(namespace))
                .findFirst();
    }

    /** The process's id in its own (innermost) namespace. */
    static Optional<Long> innermostPid(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("NSpid:")) {
                    return innermost(line);
                }
            }
        } catch (IOException gone) {
            // ended meanwhile
        }
        return Optional.empty();
    }

    static Optional<Long> innermost(String nsPidLine) {
        String[] ids = nsPidLine.substring("NSpid:".length()).strip().split("\\s+");
        try {
            return Optional.of(Long.parseLong(ids[ids.length - 1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> namespace(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "pid")).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
