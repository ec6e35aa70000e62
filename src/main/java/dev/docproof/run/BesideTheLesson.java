package dev.docproof.run;

import dev.docproof.lesson.CourseFile;
import dev.docproof.shell.ShellWords;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Files a failed step names that the course ships beside the lesson ({@code docker build ./app}, {@code ./run.sh},
 * {@code cat app/settings.ini}): a lesson runs in a working folder of its own that starts empty, so those are not
 * there unless the lesson writes them, as a learner who only reads the page would have to.
 */
final class BesideTheLesson {

    private BesideTheLesson() {}

    /**
     * The note for a step that failed with its exit code, when its command names such files that none of the course's
     * files the lesson started with ({@code broughtIn}) put there; else null.
     */
    static Note note(String command, Outcome outcome, Path lessonFile, List<CourseFile> broughtIn) {
        if (!(outcome instanceof Outcome.ExitCode)) {
            return null;
        }
        Path folder = lessonFile.toAbsolutePath().normalize().getParent();
        Set<String> shipped = new LinkedHashSet<>();
        for (ShellWords.Command c : ShellWords.commands(command)) {
            for (ShellWords.Word word : c.words()) {
                if (word == c.words().get(0) && !word.text().contains("/")) {
                    continue; // a program on PATH (`docker`), though a folder beside the lesson had its name
                }
                String path = asRelativePath(word.text());
                if (path != null && shipped(folder, path, lessonFile) && !broughtIn(path, broughtIn)) {
                    shipped.add(path);
                }
            }
        }
        return shipped.isEmpty() ? null : new Note.BesideTheLesson(List.copyOf(shipped));
    }

    /** {@code ./app/} as {@code app}; null for what is no plain relative path (options, expansions, globs, {@code /etc}). */
    private static String asRelativePath(String word) {
        if (word.isEmpty() || word.startsWith("-") || word.startsWith("/") || word.startsWith("~")
                || word.chars().anyMatch(ch -> "$*?[`=:".indexOf(ch) >= 0)) {
            return null;
        }
        String path = word.replaceAll("^(\\./)+", "").replaceAll("/+$", "");
        return path.isEmpty() || path.equals(".") || path.equals("..") ? null : path;
    }

    /** Whether a course file put {@code path} (relative to the working folder) there. */
    private static boolean broughtIn(String path, List<CourseFile> files) {
        String first = Path.of(path).getName(0).toString();
        for (CourseFile file : files) {
            String landed = CourseFiles.destination(file, "");
            if (landed.isEmpty() ? Files.exists(file.source().resolve(path)) : Path.of(landed.substring(1)).getName(0)
                    .toString().equals(first)) {
                return true;
            }
        }
        return false;
    }

    private static boolean shipped(Path folder, String path, Path lessonFile) {
        try {
            Path beside = folder.resolve(path).normalize();
            return Files.exists(beside) && !beside.equals(lessonFile.toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
