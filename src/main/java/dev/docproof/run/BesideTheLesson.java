package dev.docproof.run;

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

    /** The note for a step that failed with its exit code, when its command names such files; else null. */
    static Note note(String command, Outcome outcome, Path lessonFile) {
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
                if (path != null && shipped(folder, path, lessonFile)) {
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

    private static boolean shipped(Path folder, String path, Path lessonFile) {
        try {
            Path beside = folder.resolve(path).normalize();
            return Files.exists(beside) && !beside.equals(lessonFile.toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
