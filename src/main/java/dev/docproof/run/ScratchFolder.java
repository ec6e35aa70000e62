package dev.docproof.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a folder docproof made for itself, with everything in it. */
final class ScratchFolder {

    private ScratchFolder() {}

    /** Best effort: what a lesson left in docproof's own scratch folder is not worth failing the run for. */
    static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temp clean-up
        }
    }
}
