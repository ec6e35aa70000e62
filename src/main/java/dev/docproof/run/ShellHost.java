package dev.docproof.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a session's bash runs: how it is started, where the session's own files go (bash must see them
 * at the same path), and how its processes are found from here. {@link #LOCAL} is this machine.
 */
public interface ShellHost {

    /**
     * What to start on this machine: {@code command} in {@code directory}, with {@code environment} added to
     * docproof's own (a name mapped to null removed from it).
     */
    record Launch(List<String> command, Path directory, Map<String, String> environment) {}

    /** How to start a login-free bash in {@code workingDirectory} whose processes all see {@code environment}. */
    Launch launch(Path workingDirectory, Map<String, String> environment);

    /** The folder the session's files go into; null: the system's temporary folder. */
    Path scratchParent();

    /** The bash that {@code started} runs, once it said it is ready. */
    ProcessHandle shell(Process started) throws IOException;

    /** A process of the session, named by the id bash reported for it. */
    Optional<ProcessHandle> process(long reportedPid);

    /**
     * bash on this machine, as the learner's own terminal, but in a session of its own: it has no controlling
     * terminal, so a step that opens {@code /dev/tty} ({@code sudo} asking for a password, {@code ssh}, {@code read
     * < /dev/tty}) fails at once, as in CI, instead of reading the keyboard of whoever started docproof until its
     * deadline, or stopping docproof altogether where docproof runs in the background of that terminal.
     */
    ShellHost LOCAL = new ShellHost() {
        @Override
        public Launch launch(Path workingDirectory, Map<String, String> environment) {
            return new Launch(List.of("setsid", "bash", "--noprofile", "--norc"), workingDirectory, environment);
        }

        @Override
        public Path scratchParent() {
            return null;
        }

        @Override
        public ProcessHandle shell(Process started) {
            return started.toHandle();
        }

        @Override
        public Optional<ProcessHandle> process(long reportedPid) {
            return ProcessHandle.of(reportedPid);
        }
    };
}
