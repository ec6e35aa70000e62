package dev.docproof.run;

import dev.docproof.lesson.CourseFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Puts a course's files into a lesson's working folder ({@link CourseFile}). */
final class CourseFiles {

    /** How deep into a course folder its Dockerfiles and Compose files are looked for. */
    private static final int BUILD_FILE_DEPTH = 6;
    /** A Dockerfile or Compose file larger than this is no hand-written one: not read. */
    private static final long BUILD_FILE_MAX = 1_000_000;
    private static final Pattern BUILD_FILE = Pattern.compile(
            "(?i)(?:Dockerfile|Containerfile)(?:\\..+)?|.+\\.dockerfile|(?:docker-)?compose(?:\\..+)?\\.ya?ml");

    private CourseFiles() {}

    /**
     * Where {@code file} lands under {@code workingFolder} (a path where the lesson runs): its target, or, for a file
     * sent to the folder itself ({@code .}), its own name there.
     */
    static String destination(CourseFile file, String workingFolder) {
        String target = file.target().equals(".") && !Files.isDirectory(file.source())
                ? file.source().getFileName().toString() : file.target();
        return target.equals(".") ? workingFolder : workingFolder + "/" + target;
    }

    /**
     * The texts of the Dockerfiles and Compose files among {@code files} and in their folders (not in hidden ones such
     * as {@code .git}): what the lesson builds from and runs without writing it itself.
     */
    static List<String> buildFiles(List<CourseFile> files) {
        List<String> texts = new ArrayList<>();
        for (CourseFile file : files) {
            try (Stream<Path> all = Files.walk(file.source(), BUILD_FILE_DEPTH)) {
                all.filter(p -> Files.isRegularFile(p) && BUILD_FILE.matcher(p.getFileName().toString()).matches()
                                && !inHiddenFolder(file.source().relativize(p)))
                        .forEach(p -> read(p).ifPresent(texts::add));
            } catch (IOException | UncheckedIOException e) {
                // a course file gone or unreadable: the run says so when it copies it
            }
        }
        return texts;
    }

    private static boolean inHiddenFolder(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.size(file) > BUILD_FILE_MAX ? Optional.empty() : Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Copies a file, or a folder with all it holds, to {@code destination} on this machine, modes kept, links as links. */
    static void copy(Path source, Path destination) throws IOException {
        try (Stream<Path> all = Files.walk(source)) {
            for (Path from : (Iterable<Path>) all::iterator) {
                Path to = destination.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }
}
