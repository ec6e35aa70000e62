package dev.docproof.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docproof.lesson.Finding;

import java.util.Locale;
import java.util.Optional;

/** A finding as every report writes it. */
public final class Findings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Findings() {}

    /** {@code {"line", "column", "kind", "severity", "message", "suggestion", "evidence"}}. */
    public static ObjectNode json(Finding finding) {
        ObjectNode node = JSON.createObjectNode();
        node.put("line", finding.span().line());
        node.put("column", finding.span().column());
        node.put("kind", finding.kind().jsonName());
        node.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
        node.put("message", finding.message());
        node.put("suggestion", finding.suggestion().orElse(null));
        node.put("evidence", finding.evidence().orElse(null));
        return node;
    }

    /** With its whole span ({@code file}, {@code includedFrom}) too, for results read back by a merge. */
    static ObjectNode jsonWithSpan(Finding finding) {
        return SpanJson.put(json(finding), finding.span());
    }

    static Finding read(JsonIn in) throws ResultsException {
        return new Finding(SpanJson.read(in), in.choice("kind", Finding.Kind.values(), Finding.Kind::jsonName),
                in.text("message"), Optional.ofNullable(in.textOrNull("suggestion")),
                Optional.ofNullable(in.textOrNull("evidence")));
    }
}
