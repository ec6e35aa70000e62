package dev.docproof.docker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes docproof's own labels ({@code dev.docproof.…}: the run's ownership, an image recipe's digest) out of the
 * engine's answers the lesson reads, so that {@code docker inspect}, {@code docker volume inspect} or
 * {@code docker ps --format '{{.Labels}}'} print what they would print without docproof. Only the members of
 * {@code "Labels"} objects are touched; every other byte of the answer is passed on as the engine wrote it (its
 * escapes, its order), so a sample copied from a learner's terminal still matches. Pure.
 */
final class OwnLabels {

    static final String PREFIX = "dev.docproof.";
    private static final String QUOTED_PREFIX = "\"" + PREFIX;
    private static final JsonFactory JSON = new JsonFactory();

    private OwnLabels() {}

    /** {@code json} without docproof's labels; an answer that is not JSON, or holds none of them, as it is. */
    static byte[] hidden(byte[] json) {
        return hidden(json, false);
    }

    /**
     * As {@link #hidden(byte[])}; {@code noneAsNull}: labels that were docproof's alone become {@code null}, as the
     * engine writes an image's labels when it has none (an image docproof built, for one).
     */
    static byte[] hidden(byte[] json, boolean noneAsNull) {
        if (!new String(json, StandardCharsets.ISO_8859_1).contains(QUOTED_PREFIX)) {
            return json;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
        int copied = 0;
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME || !parser.currentName().equals("Labels")
                        || parser.nextToken() != JsonToken.START_OBJECT) {
                    continue;
                }
                int open = offset(parser);
                List<int[]> kept = new ArrayList<>();
                boolean ours = false;
                int memberStart = -1;
                boolean memberOurs = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    int start = offset(parser);
                    if (memberStart >= 0 && !memberOurs) {
                        kept.add(new int[] {memberStart, start});
                    }
                    memberStart = start;
                    memberOurs = parser.currentName().startsWith(PREFIX);
                    ours |= memberOurs;
                    parser.nextToken();
                    parser.skipChildren();
                }
                int close = offset(parser); // the object's closing brace
                if (memberStart >= 0 && !memberOurs) {
                    kept.add(new int[] {memberStart, close});
                }
                if (ours && kept.isEmpty() && noneAsNull) {
                    out.write(json, copied, open - copied);
                    out.write("null".getBytes(StandardCharsets.US_ASCII));
                    copied = close + 1;
                } else if (ours) {
                    out.write(json, copied, open - copied);
                    out.write('{');
                    for (int i = 0; i < kept.size(); i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        int[] member = kept.get(i);
                        out.write(json, member[0], withoutSeparator(json, member[0], member[1]) - member[0]);
                    }
                    out.write('}');
                    copied = close + 1;
                }
            }
        } catch (IOException | RuntimeException notJson) {
            return json;
        }
        out.write(json, copied, json.length - copied);
        return out.toByteArray();
    }

    /** Where the current token starts, in bytes. */
    private static int offset(JsonParser parser) {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    /** The end of a member's text, without the comma and white space between it and the next. */
    private static int withoutSeparator(byte[] json, int start, int end) {
        int i = end;
        while (i > start && Character.isWhitespace(json[i - 1])) {
            i--;
        }
        if (i > start && json[i - 1] == ',') {
            i--;
        }
        while (i > start && Character.isWhitespace(json[i - 1])) {
            i--;
        }
        return i;
    }
}
