package dev.docproof.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docproof.lesson.SourceSpan;

import java.nio.file.Path;

/** Where something stands, as the JSON reports write it: the file with {@code /} separators, line and column. */
final class SpanJson {

    private SpanJson() {}

    static String path(Path file) {
        return String.valueOf(file).replace('\\', '/');
    }

    /**
     * Adds {@code file}, {@code line}, {@code column} and {@code includedFrom} (the include directive's span, for
     * text an include brought in; else null) to {@code node}.
     */
    static ObjectNode put(ObjectNode node, SourceSpan span) {
        node.put("file", path(span.file())).put("line", span.line()).put("column", span.column());
        node.set("includedFrom", span.includedFrom() == null ? null
                : put(JsonNodeFactory.instance.objectNode(), span.includedFrom()));
        return node;
    }

    static SourceSpan read(JsonIn in) throws ResultsException {
        JsonIn from = in.optional("includedFrom");
        return new SourceSpan(in.path("file"), in.integer("line"), in.integer("column"),
                from.isNull() ? null : read(from));
    }
}
