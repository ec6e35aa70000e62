package dev.docproof.report;

import com.fasterxml.jackson.databind.JsonNode;

import dev.docproof.lesson.FileNameCharset;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A node of a results file being read, with its JSON pointer, so that every complaint names the file and the
 * place in it ({@code shard-1.json: /lessons/2/steps/0/outcome: no field "kind"}).
 */
record JsonIn(Path file, String pointer, JsonNode node) {

    static JsonIn root(Path file, JsonNode node) {
        return new JsonIn(file, "", node);
    }

    ResultsException problem(String what) {
        return new ResultsException(file + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + what);
    }

    /** The field {@code name}, which must be there (it may be null). */
    JsonIn field(String name) throws ResultsException {
        if (!node.isObject()) {
            throw problem("expected an object");
        }
        JsonNode value = node.get(name);
        if (value == null) {
            throw problem("no field \"" + name + "\"");
        }
        return new JsonIn(file, pointer + "/" + name, value);
    }

    /** The field {@code name}, or a null node when an older writer left it out. */
    JsonIn optional(String name) {
        JsonNode value = node.isObject() ? node.get(name) : null;
        return new JsonIn(file, pointer + "/" + name, value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value);
    }

    boolean isNull() {
        return node.isNull();
    }

    String text(String name) throws ResultsException {
        return typed(name, JsonNode::isTextual, "a string").textValue();
    }

    /** The file the string field {@code name} names; a name no file here can have is a problem saying why. */
    Path path(String name) throws ResultsException {
        String text = text(name);
        Optional<Path> path = FileNameCharset.path(text);
        if (path.isEmpty()) {
            throw field(name).problem("\"" + text + "\" cannot be a file name here" + (text.indexOf('\0') >= 0
                    ? " (it holds a NUL character): the results file was damaged; give the file docproof wrote"
                    : " (file names are read in the locale's charset, " + FileNameCharset.name() + "): "
                    + FileNameCharset.advice()));
        }
        return path.get();
    }

    /** A string field that may be null. */
    String textOrNull(String name) throws ResultsException {
        return field(name).isNull() ? null : text(name);
    }

    int integer(String name) throws ResultsException {
        return typed(name, n -> n.isIntegralNumber() && n.canConvertToInt(), "a whole number").intValue();
    }

    long longValue(String name) throws ResultsException {
        return typed(name, n -> n.isIntegralNumber() && n.canConvertToLong(), "a whole number").longValue();
    }

    Integer integerOrNull(String name) throws ResultsException {
        return field(name).isNull() ? null : integer(name);
    }

    boolean bool(String name) throws ResultsException {
        return typed(name, JsonNode::isBoolean, "true or false").booleanValue();
    }

    private JsonNode typed(String name, Predicate<JsonNode> is, String expected) throws ResultsException {
        JsonIn f = field(name);
        if (!is.test(f.node)) {
            throw f.problem("expected " + expected);
        }
        return f.node;
    }

    Instant instantOrNull(String name) throws ResultsException {
        String text = textOrNull(name);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw field(name).problem("not an instant (2026-11-30T11:46:04Z): " + text);
        }
    }

    /** An ISO-8601 duration ({@code PT1.5S}) no run could have made negative, or null. */
    Duration durationOrNull(String name) throws ResultsException {
        String text = textOrNull(name);
        Duration duration;
        try {
            duration = text == null ? null : Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw field(name).problem("not a duration (PT1.5S): " + text);
        }
        if (duration != null && duration.isNegative()) {
            throw field(name).problem("a negative duration: " + text);
        }
        return duration;
    }

    /** The elements of an array field, each read by {@code reader}. */
    <T> List<T> list(String name, Reader<T> reader) throws ResultsException {
        JsonIn f = field(name);
        if (!f.node.isArray()) {
            throw f.problem("expected an array");
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < f.node.size(); i++) {
            values.add(reader.read(new JsonIn(file, f.pointer + "/" + i, f.node.get(i))));
        }
        return values;
    }

    List<String> strings(String name) throws ResultsException {
        return list(name, in -> {
            if (!in.node.isTextual()) {
                throw in.problem("expected a string");
            }
            return in.node.textValue();
        });
    }

    /** The value of an enum written as its JSON name ({@code not-run}, {@code after-fail-fast}). */
    <E extends Enum<E>> E choice(String name, E[] values, Function<E, String> jsonName) throws ResultsException {
        String text = text(name);
        for (E value : values) {
            if (jsonName.apply(value).equals(text)) {
                return value;
            }
        }
        throw field(name).problem("\"" + text + "\" is none of " + java.util.Arrays.stream(values).map(jsonName)
                .map(s -> "\"" + s + "\"").collect(java.util.stream.Collectors.joining(", ")));
    }

    /** An enum constant's JSON name: lower case, {@code _} as {@code -}. */
    static String jsonName(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    interface Reader<T> {
        T read(JsonIn in) throws ResultsException;
    }
}
