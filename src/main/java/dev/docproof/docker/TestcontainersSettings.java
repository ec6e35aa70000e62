package dev.docproof.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Testcontainers reads these settings from the environment only. Without them it starts helper
 * containers from images it would pull (Ryuk, a check container, a gateway probe inside a container), which
 * hangs for minutes where no registry answers; docproof removes its sandboxes itself. The {@code ./docproof} launcher sets them.
 */
final class TestcontainersSettings {

    static final Map<String, String> REQUIRED = Map.of(
            "TESTCONTAINERS_RYUK_DISABLED", "true",
            "TESTCONTAINERS_CHECKS_DISABLE", "true");

    private TestcontainersSettings() {}

    static void require() throws EngineException {
        List<String> missing = new ArrayList<>(REQUIRED.entrySet().stream()
                .filter(e -> !e.getValue().equalsIgnoreCase(System.getenv(e.getKey())))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
        // Inside a container (a /.dockerenv file), Testcontainers looks for the gateway with a helper image.
        String override = System.getenv("TESTCONTAINERS_HOST_OVERRIDE");
        if (Files.exists(Path.of("/.dockerenv")) && (override == null || override.isBlank())) {
            missing.add("TESTCONTAINERS_HOST_OVERRIDE=localhost");
        }
        if (!missing.isEmpty()) {
            throw new EngineException("sandboxes need " + String.join(" and ", missing) + " in the environment"
                    + " (the ./docproof launcher sets them): without them Testcontainers tries to pull helper images."
                    + " Run docproof through ./docproof, or export " + missing.stream().collect(Collectors.joining(" "))
                    + ", or choose --isolation host.");
        }
    }
}
