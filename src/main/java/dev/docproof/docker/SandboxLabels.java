package dev.docproof.docker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels every sandbox carries: its run's owner ({@link RunOwner}: run, process, machine, lesson), what
 * the sandbox is for, and its folder on this machine.
 */
final class SandboxLabels {

    /** Present on every container docproof starts as a sandbox; its value says which kind. */
    static final String KIND = "dev.docproof.sandbox";
    static final String FOLDER = "dev.docproof.folder";

    /** A lesson's sandbox, or the one that fills the shared image store. */
    enum Kind {
        LESSON, IMAGE_STORE;

        String value() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private SandboxLabels() {}

    static Map<String, String> of(Kind kind, RunOwner owner, String folder) {
        Map<String, String> labels = new LinkedHashMap<>(owner.labels());
        labels.put(KIND, kind.value());
        if (folder != null) {
            labels.put(FOLDER, folder);
        }
        return labels;
    }
}
