package dev.docproof.read;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.docproof.lesson.CourseFile;
import dev.docproof.lesson.Diagnostic;
import dev.docproof.lesson.Durations;
import dev.docproof.lesson.Need;
import dev.docproof.lesson.SourceSpan;
import dev.docproof.plan.CourseConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a course's {@code docproof.yml}:
 *
 * <pre>
 * timeout: 2m                 # every step's deadline unless a marker or --timeout says otherwise
 * needs: [internet]           # every step of every lesson needs these
 * files:                      # the course's files every lesson's working folder starts with
 *   - examples/shared         # a folder (or file) copied in under its own name
 *   - {from: examples/app, to: .}   # or where the lesson expects it
 * skip:                       # lessons not run, and why
 *   legacy/swarm.rst: needs a Docker Swarm
 * lessons:                    # one lesson's own settings
 *   kubernetes.rst: {timeout: 5m, needs: [kubectl], files: [k8s/manifests]}
 * </pre>
 *
 * A key docproof does not know, or a value of the wrong shape, is an error at its line.
 */
public final class CourseConfigFile {

    /** The config, or NONE with the errors that kept it from being read. */
    public record Result(CourseConfig config, List<Diagnostic> diagnostics) {}

    private record Raw(@JsonProperty("timeout") String timeout, @JsonProperty("needs") List<String> needs,
                       @JsonProperty("files") List<RawFile> files, @JsonProperty("skip") Map<String, String> skip,
                       @JsonProperty("lessons") Map<String, RawLesson> lessons) {}

    private record RawLesson(@JsonProperty("timeout") String timeout, @JsonProperty("needs") List<String> needs,
                             @JsonProperty("files") List<RawFile> files) {}

    /** A course file: a path alone, or {@code {from: PATH, to: WHERE}}. */
    private record RawFile(@JsonProperty("from") String from, @JsonProperty("to") String to) {
        @JsonCreator
        static RawFile of(String path) {
            return new RawFile(path, null);
        }
    }

    private static final String KEYS = "the keys are timeout, needs, files, skip and lessons (timeout, needs and files"
            + " under a lesson; from and to in a file)";

    /** Made on first use: most courses have no config file, and the YAML mapper is costly to start. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private CourseConfigFile() {}

    /** The {@code docproof.yml} in {@code folder} or the nearest folder above it up to {@code top}; empty when none. */
    public static Optional<Path> find(Path folder, Path top) {
        Path stop = top.toAbsolutePath().normalize();
        for (Path at = folder.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
            Path candidate = at.resolve(CourseConfig.FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (at.equals(stop) || !at.startsWith(stop)) {
                break;
            }
        }
        return Optional.empty();
    }

    public static Result read(Path file) {
        Raw raw;
        String text = "";
        try {
            text = Files.readString(file);
            raw = Yaml.MAPPER.readValue(text, Raw.class);
        } catch (UnrecognizedPropertyException e) {
            return failed(keyAt(file, text, e.getPropertyName()), "unknown key '" + e.getPropertyName() + "'; " + KEYS);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SourceSpan span = new SourceSpan(file, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()));
            return failed(span, e.getOriginalMessage() + "; " + KEYS);
        } catch (IOException e) {
            return failed(new SourceSpan(file, 1, 1), "cannot read it: " + e.getMessage());
        }
        if (raw == null) {
            return new Result(CourseConfig.NONE, List.of());
        }
        List<Diagnostic> problems = new ArrayList<>();
        SourceSpan top = new SourceSpan(file, 1, 1);
        Path root = file.toAbsolutePath().normalize().getParent();
        FileEntries files = new FileEntries(file, root, text, problems);
        Map<String, CourseConfig.Lesson> lessons = new LinkedHashMap<>();
        if (raw.lessons() != null) {
            raw.lessons().forEach((name, l) -> lessons.put(name, new CourseConfig.Lesson(
                    duration(l == null ? null : l.timeout(), top, problems), needs(l == null ? null : l.needs()),
                    files.of(l == null ? null : l.files()))));
        }
        CourseConfig config = new CourseConfig(root, duration(raw.timeout(), top, problems), needs(raw.needs()),
                files.of(raw.files()), raw.skip() == null ? Map.of() : raw.skip(), lessons);
        return new Result(config, problems);
    }

    /** Where a key stands: Jackson reports where it noticed, which may be past the key's own line. */
    private static SourceSpan keyAt(Path file, String text, String key) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.stripLeading();
            if (stripped.startsWith(key + ":") || stripped.startsWith("{" + key + ":")) {
                return new SourceSpan(file, i + 1, line.length() - stripped.length() + 1);
            }
        }
        return new SourceSpan(file, 1, 1);
    }

    /** Reads course files, each checked to be a file or folder of the course, going to a place in the working folder. */
    private record FileEntries(Path file, Path root, String text, List<Diagnostic> problems) {

        List<CourseFile> of(List<RawFile> raw) {
            List<CourseFile> files = new ArrayList<>();
            for (RawFile entry : raw == null ? List.<RawFile>of() : raw) {
                if (entry == null || entry.from() == null || entry.from().isBlank()) {
                    problems.add(Diagnostic.error(keyAt(file, text, "files"), "a course file names no path: write the"
                            + " path of a file or folder of the course, relative to " + file.getFileName()
                            + ", or {from: PATH, to: WHERE}"));
                    continue;
                }
                SourceSpan at = valueAt(entry.from());
                Path from = Path.of(entry.from());
                Path source = root.resolve(from).normalize();
                String to = entry.to() == null ? String.valueOf(from.normalize().getFileName()) : entry.to();
                Path target = Path.of(to).normalize();
                if (from.isAbsolute() || !source.startsWith(root)) {
                    problems.add(Diagnostic.error(at, "course file `" + entry.from() + "` is outside the course: name a"
                            + " file or folder under " + root + ", relative to " + file.getFileName()));
                } else if (!Files.exists(source)) {
                    problems.add(Diagnostic.error(at, "course file `" + entry.from() + "` does not exist (" + source
                            + "); paths are relative to " + file.getFileName()));
                } else if (target.isAbsolute() || target.startsWith("..")) {
                    problems.add(Diagnostic.error(valueAt(to), "course file `" + entry.from() + "` goes to `" + to
                            + "`, outside the lesson's working folder: name a place in it, relative to it (`.` for"
                            + " the folder itself)"));
                } else {
                    files.add(new CourseFile(source, target.toString().isEmpty() ? "." : target.toString()));
                }
            }
            return files;
        }

        /** The line that holds {@code value}, for an error about it; the files key's when not found. */
        private SourceSpan valueAt(String value) {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                int column = lines.get(i).indexOf(value);
                if (column >= 0) {
                    return new SourceSpan(file, i + 1, column + 1);
                }
            }
            return keyAt(file, text, "files");
        }
    }

    private static Duration duration(String text, SourceSpan span, List<Diagnostic> problems) {
        if (text == null) {
            return null;
        }
        try {
            return Durations.deadline(text);
        } catch (IllegalArgumentException e) {
            problems.add(Diagnostic.error(span, "timeout " + e.getMessage()));
            return null;
        }
    }

    private static List<Need> needs(List<String> words) {
        return words == null ? List.of() : words.stream().map(CourseConfig::need).toList();
    }

    private static Result failed(SourceSpan span, String message) {
        return new Result(CourseConfig.NONE, List.of(Diagnostic.error(span, message)));
    }
}
