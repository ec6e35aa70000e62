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
 * @param maxOutput   bytes of output a step keeps (each stream, and both merged); the rest is counted and dropped
 * @param showSecrets leave credential-looking values in step output unmasked (a local run only)
 * @param workingFolder where each lesson's shell starts; null for a scratch folder of its own, removed after it
 *                    (a folder of the user's is for a lesson such as a project's README, whose commands are
 *                    meant to be typed in the project; on this machine only)
 * @param isolation   where each lesson runs
 * @param jobs        how many lessons run at once (sandboxes only; on the host one at a time)
 * @param sandboxMemory bytes each lesson's sandbox may use; 0 for the default share of the engine machine's memory
 * @param minFreeDisk bytes kept free on the disks of this machine a lesson writes to (see {@link DiskFloor}); 0: none
 */
public record RunSettings(Duration stepTimeout, boolean failFast, boolean repair, Path contentDir, long maxOutput,
                          boolean showSecrets, Path workingFolder, Isolation isolation, int jobs, long sandboxMemory,
                          long minFreeDisk) {

    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(60);

    public RunSettings {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        if (workingFolder != null && isolation != Isolation.HOST) {
            throw new IllegalArgumentException("a sandbox's lesson starts in the sandbox's own folder, not " + workingFolder);
        }
    }

    /** As the canonical constructor, keeping docproof's default free space on the disks. */
    public RunSettings(Duration stepTimeout, boolean failFast, boolean repair, Path contentDir, long maxOutput,
                       boolean showSecrets, Path workingFolder, Isolation isolation, int jobs, long sandboxMemory) {
        this(stepTimeout, failFast, repair, contentDir, maxOutput, showSecrets, workingFolder, isolation, jobs,
                sandboxMemory, DiskFloor.DEFAULT_FLOOR);
    }

    /** Lessons on this machine, one after another, the default output bound, secrets masked as in every shared report. */
    public RunSettings(Duration stepTimeout, boolean failFast, boolean repair, Path contentDir) {
        this(stepTimeout, failFast, repair, contentDir, ShellSession.DEFAULT_MAX_OUTPUT, false, null, Isolation.HOST, 1, 0);
    }

    /** These settings, each lesson's shell starting in {@code folder} (on this machine). */
    public RunSettings inFolder(Path folder) {
        return new RunSettings(stepTimeout, failFast, repair, contentDir, maxOutput, showSecrets, folder, isolation, jobs,
                sandboxMemory, minFreeDisk);
    }
}
