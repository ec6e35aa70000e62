package dev.docproof.plan;

import dev.docproof.lesson.CourseFile;
import dev.docproof.lesson.Marks;
import dev.docproof.lesson.Need;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a course's {@code docproof.yml} says about all its lessons: a default step deadline, needs every step
 * has, the course's files every working folder holds, lessons not to run (with why), and per-lesson deadlines,
 * needs and files. Lesson paths are relative to {@code root}, the folder that holds the file.
 */
public record CourseConfig(Path root, Duration timeout, List<Need> needs, List<CourseFile> files,
                           Map<String, String> skip, Map<String, Lesson> lessons) {

    /** One lesson's own settings. */
    public record Lesson(Duration timeout, List<Need> needs, List<CourseFile> files) {
        public Lesson {
            needs = needs == null ? List.of() : List.copyOf(needs);
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    public static final String FILE_NAME = "docproof.yml";

    public static final CourseConfig NONE = new CourseConfig(Path.of(""), null, List.of(), List.of(), Map.of(), Map.of());

    public CourseConfig {
        needs = List.copyOf(needs);
        files = List.copyOf(files);
        skip = Map.copyOf(skip);
        lessons = Map.copyOf(lessons);
    }

    /** What the course says about every step of the lesson in {@code file}. */
    public Marks marksFor(Path file) {
        String key = relative(file);
        Lesson own = lessons.get(key);
        Duration deadline = own != null && own.timeout() != null ? own.timeout() : timeout;
        List<Need> all = new java.util.ArrayList<>(needs);
        if (own != null) {
            own.needs().stream().filter(n -> !all.contains(n)).forEach(all::add);
        }
        String reason = skip.get(key);
        return new Marks(reason == null ? null : reason + " (" + FILE_NAME + ")", null, null, deadline, null, all,
                Map.of(), false, List.of());
    }

    /** The course's files the lesson in {@code file} starts with: every lesson's, then its own. */
    public List<CourseFile> filesFor(Path file) {
        Lesson own = lessons.get(relative(file));
        List<CourseFile> all = new java.util.ArrayList<>(files);
        if (own != null) {
            all.addAll(own.files());
        }
        return all;
    }

    /** Needs, as written in the file ({@code registry}, {@code internet}, a program). */
    public static Need need(String word) {
        return Markers.need(word);
    }

    private String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
