package dev.docproof.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a folder docproof made, with what is in it (links inside are removed, never followed); copies one. */
final class Folders {

    private Folders() {}

    static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a file vanishing while we walk is fine: the goal is an empty place
        }
    }

    /** Copies a file, or a folder with all in it, to {@code destination} (which must not exist yet). */
    static void copy(Path source, Path destination) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path from : (Iterable<Path>) paths::iterator) {
                Files.copy(from, destination.resolve(source.relativize(from).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
