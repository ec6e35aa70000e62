package dev.docproof.read;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
 * skip:                       # lessons not run, and why
 *   legacy/swarm.rst: needs a Docker Swarm
 * lessons:                    # one lesson's own settings
 *   kubernetes.rst: {timeout: 5m, needs: [kubectl]}
 * </pre>
 *
 * A key docproof does not know, or a value of the wrong shape, is an error at its line.
 */
public final class CourseConfigFile {

    /** The config, or NONE with the errors that kept it from being read. */
    public record Result(CourseConfig config, List<Diagnostic> diagnostics) {}

    private record Raw(@JsonProperty("timeout") String timeout, @JsonProperty("needs") List<String> needs,
                       @JsonProperty("skip") Map<String, String> skip,
                       @JsonProperty("lessons") Map<String, RawLesson> lessons) {}

    private record RawLesson(@JsonProperty("timeout") String timeout, @JsonProperty("needs") List<String> needs) {}

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
            return failed(keyAt(file, text, e.getPropertyName()), "unknown key '" + e.getPropertyName()
                    + "'; the keys are timeout, needs, skip and lessons (and timeout, needs under a lesson)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SourceSpan span = new SourceSpan(file, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()));
            return failed(span, e.getOriginalMessage() + "; the keys are timeout, needs, skip and lessons");
        } catch (IOException e) {
            return failed(new SourceSpan(file, 1, 1), "cannot read it: " + e.getMessage());
        }
        if (raw == null) {
            return new Result(CourseConfig.NONE, List.of());
        }
        List<Diagnostic> problems = new ArrayList<>();
        SourceSpan top = new SourceSpan(file, 1, 1);
        Map<String, CourseConfig.Lesson> lessons = new LinkedHashMap<>();
        if (raw.lessons() != null) {
            raw.lessons().forEach((name, l) -> lessons.put(name, new CourseConfig.Lesson(
                    duration(l == null ? null : l.timeout(), top, problems), needs(l == null ? null : l.needs()))));
        }
        CourseConfig config = new CourseConfig(file.toAbsolutePath().getParent(), duration(raw.timeout(), top, problems),
                needs(raw.needs()), raw.skip() == null ? Map.of() : raw.skip(), lessons);
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
