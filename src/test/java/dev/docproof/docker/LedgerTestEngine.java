package dev.docproof.docker;

import com.github.dockerjava.api.DockerClient;
import dev.docproof.testsupport.TestEngine;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The real engine for the ledger's and the runner's tests: a client, unique names, a tiny local image. */
public final class LedgerTestEngine {

    /** An image built here from an empty layer: enough to create (not start) containers, never pulled. */
    public static final String TINY_IMAGE = "docproof-test-run-tiny:1";

    private LedgerTestEngine() {}

    /** The shared test engine's client: the engine is started and provisioned first when needed. */
    public static DockerClient client() {
        return TestEngine.ready().client();
    }

    public static String uniqueName(String what) {
        return "docproof-test-run-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs the docker CLI; fails the test with its output when it exits non-zero. */
    public static String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(Arrays.asList(args));
        try {
            ProcessResult r = new ProcessExecutor(command).readOutput(true).redirectErrorStream(true)
                    .timeout(60, TimeUnit.SECONDS).execute();
            if (r.getExitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + r.getExitValue() + ": "
                        + r.outputUTF8());
            }
            return r.outputUTF8().strip();
        } catch (Exception e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + " (is the docker CLI installed"
                    + " and the engine running? `docker info`): " + e, e);
        }
    }

    /** Best-effort removal of what a test created itself, whatever state the test left it in. */
    public static void removeQuietly(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(Arrays.asList(args));
        try {
            new ProcessExecutor(command).readOutput(true).timeout(60, TimeUnit.SECONDS).execute();
        } catch (Exception e) {
            // the resource is already gone, which is the point
        }
    }

    public static synchronized String tinyImage() {
        String present = docker("images", "-q", TINY_IMAGE);
        if (present.isEmpty()) {
            try {
                ProcessResult r = new ProcessExecutor("bash", "-c",
                        "tar -cf - --files-from /dev/null | docker import -c 'CMD [\"/absent\"]' - " + TINY_IMAGE)
                        .readOutput(true).redirectErrorStream(true).timeout(60, TimeUnit.SECONDS).execute();
                if (r.getExitValue() != 0) {
                    throw new AssertionError("cannot build the test image " + TINY_IMAGE + ": " + r.outputUTF8());
                }
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("cannot build the test image " + TINY_IMAGE + ": " + e, e);
            }
        }
        return TINY_IMAGE;
    }
}
