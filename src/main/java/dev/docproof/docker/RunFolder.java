package dev.docproof.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A lesson run's folder on this machine ({@code docproof-run-<id>} in the temp folder): who owns the run,
 * the temp folders it made (each written down before it is used), and the socket the lesson's engine
 * calls go through. A run ends by removing it; one still there with its owner gone is what a killed run
 * left, and {@link Leftovers} removes it with every folder it lists.
 */
public final class RunFolder implements AutoCloseable {

    static final String PREFIX = "docproof-run-";
    private static final String OWNER = "owner.properties";
    private static final String FOLDERS = "folders";

    private final Path path;
    private final RunOwner owner;

    private RunFolder(Path path, RunOwner owner) {
        this.path = path;
        this.owner = owner;
    }

    /** Makes the folder of {@code owner}'s run under {@code tmp}, readable only by this user. */
    public static RunFolder create(Path tmp, RunOwner owner) throws IOException {
        Path path = Files.createDirectories(tmp).resolve(PREFIX + owner.runId());
        Files.createDirectory(path, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        owner.writeTo(path.resolve(OWNER));
        Files.createFile(path.resolve(FOLDERS));
        return new RunFolder(path, owner);
    }

    public static Path defaultTemp() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    public Path path() {
        return path;
    }

    public RunOwner owner() {
        return owner;
    }

    /** Writes down a temp folder the run made, so a later run can remove it if this one is killed. */
    public synchronized void register(Path folder) {
        try {
            Files.writeString(path.resolve(FOLDERS), folder.toAbsolutePath() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the run folder " + path, e);
        }
    }

    /** The run folders under {@code tmp} with the owner each names (a damaged one is skipped). */
    static List<RunFolder> under(Path tmp) {
        List<RunFolder> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                readOwner(dir).ifPresent(owner -> found.add(new RunFolder(dir, owner)));
            }
        } catch (IOException e) {
            // an unreadable temp folder holds nothing we could recover anyway
        }
        return found;
    }

    private static Optional<RunOwner> readOwner(Path dir) {
        return RunOwner.readFrom(dir.resolve(OWNER));
    }

    /**
     * The temp folders this run wrote down that still exist. Only docproof's own ({@code docproof-*} in
     * name) are ever named, so a damaged list cannot point the clean-up anywhere else.
     */
    List<Path> folders() {
        try (Stream<String> lines = Files.lines(path.resolve(FOLDERS))) {
            return lines.filter(l -> !l.isBlank()).map(Path::of)
                    .filter(p -> p.getFileName() != null && p.getFileName().toString().startsWith("docproof-"))
                    .filter(Files::exists).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** Removes the folder; the temp folders it lists are their makers' to remove. */
    @Override
    public void close() {
        deleteTree(path);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a file vanishing while we walk is fine: the goal is an empty place
        }
    }
}
