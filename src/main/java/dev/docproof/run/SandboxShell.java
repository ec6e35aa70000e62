package dev.docproof.run;

import dev.docproof.docker.Sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A session's bash inside a lesson's sandbox, started with {@code docker exec}; its processes seen from here. */
final class SandboxShell implements ShellHost {

    private final Sandbox sandbox;

    SandboxShell(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public Launch launch(Path workingDirectory, Map<String, String> environment) {
        // docker exec passes none of its own environment on: the sandbox's bash gets each variable by name.
        return new Launch(sandbox.shellCommand(environment), sandbox.folder(), Map.of());
    }

    @Override
    public Path scratchParent() {
        return sandbox.folder();
    }

    @Override
    public ProcessHandle shell(Process started) throws IOException {
        return sandbox.shell().orElseThrow(() -> new IOException("the shell started in the sandbox "
                + sandbox.containerId() + " cannot be found among this machine's processes"));
    }

    @Override
    public Optional<ProcessHandle> process(long reportedPid) {
        return sandbox.process(reportedPid);
    }
}
