package dev.docproof.run;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A run's settings, frozen when it starts.
 *
 * @param stepTimeout deadline of each step
 * @param failFast    stop a lesson's run at its first failed step
 * @param repair      try to repair failed steps from ledger evidence
 * @param contentDir  where the image recipes live ({@code content/images})
 */
public record RunSettings(Duration stepTimeout, boolean failFast, boolean repair, Path contentDir) {

    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(60);
}
