package dev.docproof.read;

import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.FileNameCharset;
import dev.docproof.lesson.Lesson;
import dev.docproof.lesson.SourceSpan;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Finds lesson files under the paths a user names and reads each with the reader for its format. */
public final class LessonFiles {

    /** The lesson files found, and diagnostics for paths that hold none or do not exist. */
    public record Discovery(List<Path> files, List<Diagnostic> diagnostics, Map<Path, Path> folders) {

        public Discovery {
            files = List.copyOf(files);
            diagnostics = List.copyOf(diagnostics);
            folders = Map.copyOf(folders);
        }

        /** How many paths name nothing to read: any stops the command; a warning (a loop skipped) does not. */
        public long errors() {
            return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
        }

        /** The folder named on the command line that {@code file} was found in; null for a file named itself. */
        public Path folderOf(Path file) {
            return folders.get(file);
        }

        /** Each file read with its includes kept inside its course folder (see {@link LessonFiles#read(Path, Path)}). */
        public List<Lesson> read() {
            return files.stream().map(f -> LessonFiles.read(f, courseRoot(f, folderOf(f)))).toList();
        }
    }

    /**
     * The folder a lesson's includes may read from: the Sphinx project ({@code conf.py}) it stands in,
     * else the folder named on the command line, else its own folder.
     */
    public static Path courseRoot(Path file, Path namedFolder) {
        Path sphinx = RstIncludes.courseRootOf(file);
        Path named = namedFolder == null ? null : namedFolder.toAbsolutePath().normalize();
        if (java.nio.file.Files.isRegularFile(sphinx.resolve("conf.py")) || named == null) {
            return sphinx;
        }
        return named;
    }

    static final String EXTENSIONS_HINT = "(.rst, .md, .adoc)";

    private LessonFiles() {}

    /**
     * Lesson files (.rst, .md, .markdown, .adoc, .asciidoc) under each path, in a stable order: the
     * paths in the order named, each folder's files sorted by their path inside it, each file once. Paths
     * keep the form the user gave them. Walking a folder skips hidden folders and files, the
     * {@code content/images} recipe folders (their READMEs describe images, they are not lessons), and what a
     * Sphinx project's {@code exclude_patterns} leaves out (Sphinx makes no page of it).
     */
    public static Discovery discover(List<Path> paths) {
        Set<Path> files = new LinkedHashSet<>();
        Set<Path> real = new HashSet<>(); // one lesson reached through two links is read once
        Map<Path, Path> folders = new HashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Path path : paths) {
            SourceSpan where = new SourceSpan(path, 1, 1);
            if (Files.isRegularFile(path)) {
                if (formatOf(path).isPresent()) {
                    addOnce(path, files, real);
                } else {
                    diagnostics.add(Diagnostic.error(where, "not a lesson file " + EXTENSIONS_HINT));
                }
            } else if (Files.isDirectory(path)) {
                List<Path> found = lessonsUnder(path, diagnostics);
                if (found.isEmpty()) {
                    diagnostics.add(Diagnostic.error(where, "folder holds no lessons " + EXTENSIONS_HINT));
                }
                found.forEach(f -> addOnce(f, files, real));
                found.forEach(f -> folders.putIfAbsent(f, path));
            } else {
                diagnostics.add(Diagnostic.error(where, "no such file or folder"));
            }
        }
        List<Path> misread = files.stream().filter(FileNameCharset::mayBeMisread).toList();
        if (!misread.isEmpty()) {
            // Still read and run (the file system keeps the name's bytes), but reported under a name that may read
            // like another lesson's and that a merge, or a run in a UTF-8 locale, does not know.
            diagnostics.add(Diagnostic.warning(new SourceSpan(misread.get(0), 1, 1), "this lesson's name"
                    + (misread.size() == 1 ? " is" : " and " + (misread.size() - 1) + " more are") + " not ASCII, and file"
                    + " names are read in the locale's charset, " + FileNameCharset.name() + ", so reports may show them"
                    + " garbled and a merge not know them: " + FileNameCharset.advice()));
        }
        return new Discovery(new ArrayList<>(files), diagnostics, folders);
    }

    private static void addOnce(Path file, Set<Path> files, Set<Path> real) {
        Path key;
        try {
            key = file.toRealPath();
        } catch (IOException e) {
            key = file.toAbsolutePath().normalize();
        }
        if (real.add(key)) {
            files.add(file);
        }
    }

    private static List<Path> lessonsUnder(Path folder, List<Diagnostic> diagnostics) {
        List<Path> found = new ArrayList<>();
        try {
            // Symlinked folders are followed (a course may link lessons in); a link back up the tree is a loop,
            // reported and not entered.
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return !dir.equals(folder) && skipped(folder, folder.relativize(dir))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (formatOf(file).isEmpty() || skipped(folder, folder.relativize(file))
                            || asciiDocPartial(folder.relativize(file))) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (Files.isRegularFile(file)) {
                        found.add(file);
                    } else if (attributes.isSymbolicLink()) {
                        // A link the walk could not follow: a lesson moved away must not shrink the course unsaid.
                        diagnostics.add(Diagnostic.warning(new SourceSpan(file, 1, 1),
                                "skipped: a symbolic link to no lesson file (it leads nowhere, or to itself)"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    diagnostics.add(Diagnostic.warning(new SourceSpan(file, 1, 1), e instanceof FileSystemLoopException
                            ? "skipped: a symbolic link to a folder that holds it (a loop)"
                            : "skipped, cannot be read: " + e.getClass().getSimpleName()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(new SourceSpan(folder, 1, 1), "cannot list the folder: " + e.getMessage()));
        }
        found.removeIf(excludedBySphinx(diagnostics));
        found.sort(Comparator.comparing(p -> folder.relativize(p).toString()));
        return found;
    }

    /** Whether the Sphinx project a file stands in leaves it out; each project's patterns read once. */
    private static Predicate<Path> excludedBySphinx(List<Diagnostic> diagnostics) {
        Map<Path, SphinxExcludes> byRoot = new HashMap<>();
        return file -> {
            Path root = RstIncludes.courseRootOf(file);
            return Files.isRegularFile(root.resolve("conf.py"))
                    && byRoot.computeIfAbsent(root, r -> SphinxExcludes.of(r, diagnostics)).excludes(file);
        };
    }

    /** Hidden entries, and content/images at any depth below the named folder (which may be content itself). */
    private static boolean skipped(Path folder, Path relative) {
        Path named = folder.toAbsolutePath().normalize().getFileName();
        String previous = named == null ? "" : named.toString();
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || (name.equals("images") && previous.equals("content"))) {
                return true;
            }
            previous = name;
        }
        return false;
    }

    /**
     * Whether a file is an AsciiDoc partial, which pages include and which is no page of its own: named with a
     * leading {@code _} (Asciidoctor's convention) or kept in a {@code partials} folder (Antora's).
     */
    private static boolean asciiDocPartial(Path relative) {
        if (formatOf(relative).orElse(null) != Lesson.Format.ASCIIDOC) {
            return false;
        }
        for (Path part : relative) {
            if (part.toString().equals("partials") && !part.equals(relative.getFileName())) {
                return true;
            }
        }
        return relative.getFileName().toString().startsWith("_");
    }

    /** The format a file's extension names, if it is a lesson file. */
    public static Optional<Lesson.Format> formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".rst")) {
            return Optional.of(Lesson.Format.RST);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(Lesson.Format.MARKDOWN);
        }
        if (name.endsWith(".adoc") || name.endsWith(".asciidoc")) {
            return Optional.of(Lesson.Format.ASCIIDOC);
        }
        return Optional.empty();
    }

    /**
     * Reads one file: undecodable bytes, a missing file and the like become diagnostics, never exceptions.
     * Bytes that are not UTF-8 are reported at their line and column and read as U+FFFD, so the rest of
     * the lesson is still read. A file that is not a lesson file gives a lesson with a null format and an
     * error.
     */
    public static Lesson read(Path file) {
        return read(file, null);
    }

    /**
     * Reads one file whose includes may read files inside {@code courseRoot} only; a null root is the
     * nearest folder above the file holding Sphinx's {@code conf.py}, else the file's own folder.
     */
    public static Lesson read(Path file, Path courseRoot) {
        Optional<Lesson.Format> format = formatOf(file);
        SourceSpan start = new SourceSpan(file, 1, 1);
        if (format.isEmpty()) {
            return unreadable(file, null, Diagnostic.error(start, "not a lesson file " + EXTENSIONS_HINT));
        }
        if (!Files.exists(file)) {
            return unreadable(file, format.get(), Diagnostic.error(start, "no such file"));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return unreadable(file, format.get(), Diagnostic.error(start, "cannot read the file: " + e.getMessage()));
        }
        return read(file, format.get(), bytes, courseRoot);
    }

    /** Reads a lesson's bytes in the given format, as {@link #read(Path)} reads a file's; never throws. */
    public static Lesson read(Path file, Lesson.Format format, byte[] bytes) {
        return read(file, format, bytes, null);
    }

    private static Lesson read(Path file, Lesson.Format format, byte[] bytes, Path courseRoot) {
        SourceSpan start = new SourceSpan(file, 1, 1);
        Utf8.Decoded decoded = Utf8.decode(file, bytes);
        Lesson lesson;
        try {
            lesson = DeepStack.call(() -> CodeBlockIndents.fill(ReaderFailure.read(readerFor(format, courseRoot),
                    format, file, decoded.text()), file, decoded.text()));
        } catch (RuntimeException | StackOverflowError e) {
            // A reader that fails on line after line (or a step after it): the file is reported as a whole.
            return unreadable(file, format, ReaderFailure.diagnostic(start, format, e));
        }
        if (decoded.diagnostics().isEmpty()) {
            return lesson;
        }
        List<Diagnostic> all = new ArrayList<>(decoded.diagnostics());
        all.addAll(lesson.diagnostics());
        all.sort(Comparator.comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column()));
        return lesson.withDiagnostics(all);
    }

    private static LessonReader readerFor(Lesson.Format format, Path courseRoot) {
        return switch (format) {
            case RST -> new RstReader(courseRoot);
            case MARKDOWN -> new MarkdownReader();
            case ASCIIDOC -> new AsciiDocReader();
        };
    }

    private static Lesson unreadable(Path file, Lesson.Format format, Diagnostic why) {
        return new Lesson(file, format, "", List.of(), List.of(why));
    }
}
